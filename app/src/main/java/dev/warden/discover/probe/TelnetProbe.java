package dev.warden.discover.probe;

import dev.warden.evidence.EvidenceKeys;
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
    private static final int IAC = 255;
    private static final int DONT = 254;
    private static final int DO = 253;
    private static final int WONT = 252;
    private static final int WILL = 251;
    private static final int SB = 250;
    private static final int SE = 240;
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
                if (b == IAC) {
                    negotiate(c);
                } else {
                    text.write(b);
                    if (atPrompt(text)) {
                        break;
                    }
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

    private static void negotiate(Conn c) throws IOException {
        int cmd = c.read();
        if (cmd == DO || cmd == DONT || cmd == WILL || cmd == WONT) {
            int option = c.read();
            if (option < 0) {
                return;
            }
            if (cmd == DO) {
                c.write(new byte[] {(byte) IAC, (byte) WONT, (byte) option});
            } else if (cmd == WILL) {
                c.write(new byte[] {(byte) IAC, (byte) DONT, (byte) option});
            }
        } else if (cmd == SB) {
            int prev = 0;
            int b;
            int skipped = 0;
            while ((b = c.read()) != -1 && skipped++ < LIMIT && !(prev == IAC && b == SE)) {
                prev = b;
            }
        }
    }

    private static boolean atPrompt(ByteArrayOutputStream text) {
        String s = Text.latin1(text.toByteArray()).stripTrailing();
        return !s.isEmpty() && ":>#$".indexOf(s.charAt(s.length() - 1)) >= 0;
    }
}
