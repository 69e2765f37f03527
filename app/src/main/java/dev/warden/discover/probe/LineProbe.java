package dev.warden.discover.probe;

import dev.warden.evidence.EvidenceKeys;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;

/**
 * The two line-greeting protocols: FTP (the {@code 220} greeting, multi-line ones included, then {@code QUIT}; no
 * login) and SSH (the {@code SSH-} identification line, which servers send first; we send nothing).
 */
public final class LineProbe {
    private static final int LINE = 512;
    private static final int MAX_LINES = 10;

    private final ProbeSettings settings;

    public LineProbe(ProbeSettings settings) {
        this.settings = settings;
    }

    public void ftp(InetAddress ip, int port, Recorder r) {
        try (Conn c = Conn.open(ip, port, settings.connectMillis(), settings.exchangeMillis())) {
            StringBuilder greeting = new StringBuilder();
            for (int i = 0; i < MAX_LINES; i++) {
                String line = c.readLine(LINE);
                if (line == null) {
                    break;
                }
                greeting.append(greeting.isEmpty() ? "" : "\n").append(line);
                if (line.matches("\\d{3}( .*)?")) {
                    break;
                }
            }
            if (!greeting.toString().startsWith("220")) {
                r.note("ftp " + port + ": no 220 greeting");
            }
            r.add(EvidenceKeys.FTP_BANNER, port, Text.readable(greeting.toString()));
            c.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            r.note("ftp " + port + ": " + Notes.why(e));
        }
    }

    public void ssh(InetAddress ip, int port, Recorder r) {
        try (Conn c = Conn.open(ip, port, settings.connectMillis(), settings.exchangeMillis())) {
            for (int i = 0; i < MAX_LINES; i++) {
                String line = c.readLine(LINE);
                if (line == null) {
                    break;
                }
                if (line.startsWith("SSH-")) {
                    r.add(EvidenceKeys.SSH_BANNER, port, Text.readable(line));
                    return;
                }
            }
            r.note("ssh " + port + ": no SSH identification line");
        } catch (IOException e) {
            r.note("ssh " + port + ": " + Notes.why(e));
        }
    }
}
