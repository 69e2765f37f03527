package dev.warden.lab.proto.rtsp;

/**
 * The session description a camera returns to DESCRIBE: one H.264 video track (payload type 96, 90 kHz clock,
 * packetization mode 1, parameter sets for the stream's resolution) and optionally a G.711 A-law audio track, with
 * relative {@code a=control} URLs resolved against the response's {@code Content-Base}, the way Hikvision, Dahua
 * and live555-based firmware lay it out. Ports are 0: they are agreed in SETUP.
 */
final class Sdp {
    private Sdp() {
    }

    /**
     * @param sessionId   the {@code o=} session id (digits)
     * @param ip          the camera's address
     * @param sessionName the {@code s=} line
     * @param stream      the stream described
     * @param audio       whether to add the audio track
     */
    static String describe(String sessionId, String ip, String sessionName, StreamPath stream, boolean audio) {
        int w = stream.width();
        int h = stream.height();
        StringBuilder sb = new StringBuilder(512)
                .append("v=0\r\n")
                .append("o=- ").append(sessionId).append(" 1 IN IP4 ").append(ip).append("\r\n")
                .append("s=").append(sessionName).append("\r\n")
                .append("c=IN IP4 0.0.0.0\r\n")
                .append("t=0 0\r\n")
                .append("a=control:*\r\n")
                .append("a=range:npt=0-\r\n")
                .append("m=video 0 RTP/AVP 96\r\n")
                .append("a=rtpmap:96 H264/90000\r\n")
                .append("a=fmtp:96 packetization-mode=1;profile-level-id=").append(H264ParameterSets.profileLevelId(w, h))
                .append(";sprop-parameter-sets=").append(H264ParameterSets.spropParameterSets(w, h)).append("\r\n")
                .append("a=framesize:96 ").append(w).append('-').append(h).append("\r\n")
                .append("a=recvonly\r\n")
                .append("a=control:trackID=1\r\n");
        if (audio) {
            sb.append("m=audio 0 RTP/AVP 8\r\n")
                    .append("a=rtpmap:8 PCMA/8000\r\n")
                    .append("a=recvonly\r\n")
                    .append("a=control:trackID=2\r\n");
        }
        return sb.toString();
    }
}
