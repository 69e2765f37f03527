package dev.warden.discover.probe;

import dev.warden.evidence.EvidenceKeys;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RTSP: {@code OPTIONS} (Server, Public) then {@code DESCRIBE rtsp://ip:port/} without credentials, only to read the
 * status and the realm of its challenge. Never SETUP or PLAY: no stream is opened. {@code rtsp.status} is the
 * DESCRIBE status (200 means the stream description was given without credentials).
 */
public final class RtspProbe {
    private static final Pattern REALM = Pattern.compile("realm=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    private static final int SDP_LIMIT = 8192;

    private final ProbeSettings settings;

    public RtspProbe(ProbeSettings settings) {
        this.settings = settings;
    }

    public void probe(InetAddress ip, int port, Recorder r) {
        String url = "rtsp://" + ip.getHostAddress() + ":" + port + "/";
        try (Conn c = Conn.open(ip, port, settings.connectMillis(), settings.exchangeMillis())) {
            c.write(request("OPTIONS", url, 1, ""));
            Reply options = Reply.read(c, "RTSP", SDP_LIMIT, false);
            r.add(EvidenceKeys.RTSP_SERVER, port, options.header("server"));
            r.add(EvidenceKeys.RTSP_PUBLIC, port, options.header("public"));
            c.write(request("DESCRIBE", url, 2, "Accept: application/sdp\r\n"));
            Reply describe = Reply.read(c, "RTSP", SDP_LIMIT, false);
            r.add(EvidenceKeys.RTSP_STATUS, port, Integer.toString(describe.status()));
            if (!r.has(EvidenceKeys.RTSP_SERVER)) {
                r.add(EvidenceKeys.RTSP_SERVER, port, describe.header("server"));
            }
            String challenge = describe.header("www-authenticate");
            Matcher m = challenge == null ? null : REALM.matcher(challenge);
            if (m != null && m.find()) {
                r.add(EvidenceKeys.RTSP_REALM, port, m.group(1));
            }
        } catch (IOException e) {
            r.note("rtsp " + port + ": " + Notes.why(e));
        }
    }

    private static byte[] request(String method, String url, int cseq, String extra) {
        return (method + " " + url + " RTSP/1.0\r\nCSeq: " + cseq + "\r\nUser-Agent: Warden-discovery\r\n" + extra + "\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }
}
