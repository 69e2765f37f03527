package dev.warden.lab.traffic;

import java.util.Random;

/**
 * What an ordinary camera network sends: the recorder pulls each camera's stream (RTSP on TCP 554, then RTP over UDP
 * at a sub-stream's ~15 packets a second), every camera keeps a TLS connection to its vendor cloud with a heartbeat
 * every 30-60 s, synchronises its clock over NTP every ~64 s, and resolves those names through the router.
 */
final class NormalTraffic {
    private static final long MS = 1_000_000L;
    private static final long S = 1_000_000_000L;
    private static final int RTP_PER_SECOND = 15;
    private static final int RTP_SIZE = 1200;

    private final Capture cap;
    private final long start;

    NormalTraffic(Capture cap, long startNanos) {
        this.cap = cap;
        this.start = startNanos;
    }

    /** All ordinary traffic of camera number {@code index} at {@code cam}. */
    void camera(int index, int cam, Random r) {
        stream(index, cam, r);
        cloud(cam, r);
        ntp(cam, r);
    }

    private void stream(int index, int cam, Random r) {
        long t = start + r.nextInt(2000) * MS;
        TcpConn rtsp = new TcpConn(cap, r, Lan.RECORDER, 40000 + index, cam, 554, MS);
        t = rtsp.open(t);
        String url = "rtsp://" + Lan.text(cam) + "/stream2";
        int clientPort = 50000 + 2 * index;
        String[] requests = {"DESCRIBE " + url + " RTSP/1.0\r\nCSeq: 1\r\nAccept: application/sdp\r\n\r\n",
            "SETUP " + url + "/track1 RTSP/1.0\r\nCSeq: 2\r\nTransport: RTP/AVP;unicast;client_port=" + clientPort
                + "-" + (clientPort + 1) + "\r\n\r\n",
            "PLAY " + url + " RTSP/1.0\r\nCSeq: 3\r\nSession: 5E1A" + index + "\r\n\r\n"};
        String[] replies = {"Content-Type: application/sdp\r\nContent-Length: 0\r\n",
            "Transport: RTP/AVP;unicast;client_port=" + clientPort + "-" + (clientPort + 1)
                + ";server_port=6970-6971\r\nSession: 5E1A" + index + "\r\n",
            "Session: 5E1A" + index + "\r\n"};
        for (int i = 0; i < requests.length; i++) {
            t = rtsp.clientSends(t + MS, Payloads.ascii(requests[i]));
            t = rtsp.serverSends(t + 2 * MS, Payloads.ascii("RTSP/1.0 200 OK\r\nCSeq: " + (i + 1) + "\r\n"
                    + replies[i] + "\r\n"));
        }
        int ssrc = r.nextInt();
        int seq = r.nextInt(0x10000);
        long rtpTs = r.nextInt() & 0xFFFFFFFFL;
        long nextKeepAlive = t + 30 * S;
        int cseq = 4;
        for (long at = t + 10 * MS; at <= cap.end(); at += S / RTP_PER_SECOND + (r.nextInt(11) - 5) * MS) {
            cap.udp(at, cam, Lan.RECORDER, 6970, clientPort, Payloads.rtp(r, seq++ & 0xFFFF, rtpTs, ssrc, RTP_SIZE));
            rtpTs += 90_000 / RTP_PER_SECOND;
            if (at >= nextKeepAlive) {
                long k = rtsp.clientSends(at + MS, Payloads.ascii("GET_PARAMETER " + url + " RTSP/1.0\r\nCSeq: "
                        + cseq + "\r\n\r\n"));
                rtsp.serverSends(k + MS, Payloads.ascii("RTSP/1.0 200 OK\r\nCSeq: " + cseq++ + "\r\n\r\n"));
                nextKeepAlive = at + 30 * S;
            }
        }
    }

    private void cloud(int cam, Random r) {
        long t = lookup(start + (1000 + r.nextInt(4000)) * MS, cam, Lan.CLOUD_NAME, Lan.CLOUD, r);
        TcpConn tls = new TcpConn(cap, r, cam, 32768 + r.nextInt(28000), Lan.CLOUD, 443, 40 * MS);
        t = tls.open(t + MS);
        while (t <= cap.end()) {
            t = tls.clientSends(t, Payloads.tlsRecord(r, 120 + r.nextInt(60)));
            tls.serverSends(t + MS, Payloads.tlsRecord(r, 60 + r.nextInt(40)));
            t += (30 + r.nextInt(31)) * S + r.nextInt(1000) * MS;
        }
    }

    private void ntp(int cam, Random r) {
        long t = lookup(start + (2000 + r.nextInt(4000)) * MS, cam, Lan.NTP_NAME, Lan.NTP, r);
        int port = 32768 + r.nextInt(28000);
        for (; t <= cap.end(); t += (62 + r.nextInt(5)) * S + r.nextInt(1000) * MS) {
            cap.udp(t, cam, Lan.NTP, port, 123, Payloads.ntp(3, t));
            long back = t + (20 + r.nextInt(20)) * MS;
            cap.udp(back, Lan.NTP, cam, 123, port, Payloads.ntp(4, back));
        }
    }

    /** A DNS lookup through the router; returns the time of the answer. */
    long lookup(long t, int host, String name, int addr, Random r) {
        int id = r.nextInt(0x10000);
        int port = 32768 + r.nextInt(28000);
        cap.udp(t, host, Lan.ROUTER, port, 53, Payloads.dnsQuery(id, name));
        long back = t + (2 + r.nextInt(30)) * MS;
        cap.udp(back, Lan.ROUTER, host, 53, port, Payloads.dnsAnswer(id, name, addr));
        return back;
    }
}
