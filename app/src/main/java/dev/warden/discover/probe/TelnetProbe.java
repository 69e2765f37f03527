package dev.warden.discover.probe;

import dev.warden.evidence.EvidenceKeys;
import dev.warden.net.TelnetOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;

/**
 * Telnet: reads the greeting until it ends in a prompt ({@code :}, {@code >}, {@code #}, {@code $}) or the time runs
 * out, refusing every option the server asks about (DO → WONT, WILL → DONT) so it goes straight to its login
 * prompt. Never sends a user name or password. The text becomes {@code telnet.banner}.
 */
public final class TelnetProbe {
    private static final int LIMIT = 1024;

    private final ProbeSettings settings;

    public TelnetProbe(ProbeSettings settings) {
        this.settings = settings;
    }

    public void probe(InetAddress ip, int port, Recorder r) {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        try (Conn c = Conn.open(ip, port, settings.connectMillis(), settings.telnetMillis())) {
            int b;
            while (text.size() < LIMIT && (b = c.read()) != -1) {
                if (b == TelnetOptions.IAC && TelnetOptions.afterIac(c::read, c::write) < 0) {
                    continue; // an option command, not text
                }
                text.write(b);
                if (atPrompt(text)) {
                    break;
                }
            }
        } catch (SocketTimeoutException e) {
            if (text.size() == 0) {
                r.note("telnet " + port + ": no greeting in " + settings.telnetMillis() + " ms");
            }
        } catch (IOException e) {
            r.note("telnet " + port + ": " + Notes.why(e));
        }
        r.add(EvidenceKeys.TELNET_BANNER, port, Text.readable(Text.latin1(text.toByteArray())));
    }

    private static boolean atPrompt(ByteArrayOutputStream text) {
        String s = Text.latin1(text.toByteArray()).stripTrailing();
        return !s.isEmpty() && ":>#$".indexOf(s.charAt(s.length() - 1)) >= 0;
    }
}
