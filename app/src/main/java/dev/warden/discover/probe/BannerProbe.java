package dev.warden.discover.probe;

import dev.warden.evidence.EvidenceKeys;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;

/**
 * Any other open port: up to 256 bytes the service sends unprompted within the banner time, escaped to printable
 * text ({@code banner}). Sends nothing. A silent port is normal (many binary protocols wait for the client).
 */
public final class BannerProbe {
    static final int LIMIT = 256;

    private final ProbeSettings settings;

    public BannerProbe(ProbeSettings settings) {
        this.settings = settings;
    }

    /** Returns true when the port said something. */
    public boolean probe(InetAddress ip, int port, Recorder r) {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        try (Conn c = Conn.open(ip, port, settings.connectMillis(), settings.bannerMillis())) {
            byte[] buf = new byte[LIMIT];
            int n;
            while (got.size() < LIMIT && (n = c.read(buf, LIMIT - got.size())) > 0) {
                got.write(buf, 0, n);
            }
        } catch (SocketTimeoutException e) {
            // silence, or a banner cut short by the time limit: keep whatever came
        } catch (IOException e) {
            r.note("banner " + port + ": " + Notes.why(e));
        }
        byte[] b = got.toByteArray();
        r.add(EvidenceKeys.BANNER, port, Text.escaped(b, b.length));
        return b.length > 0;
    }
}
