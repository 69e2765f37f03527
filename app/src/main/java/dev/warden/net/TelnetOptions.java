package dev.warden.net;

import java.io.IOException;

/**
 * Telnet option negotiation as Warden's client does it everywhere (discovery's banner probe, the login checks):
 * refuse every option the server proposes (DO → WONT, WILL → DONT), so it goes straight to its login prompt, and
 * skip subnegotiation with a bound, so a server that never ends one cannot hold the client.
 */
public final class TelnetOptions {
    public static final int IAC = 255;
    static final int DONT = 254;
    static final int DO = 253;
    static final int WONT = 252;
    static final int WILL = 251;
    static final int SB = 250;
    static final int SE = 240;
    /** Most bytes of one subnegotiation skipped before giving up on finding its end. */
    static final int MAX_SUBNEGOTIATION = 1024;

    /** Where the bytes after an IAC come from: -1 at the end of the stream. */
    @FunctionalInterface
    public interface Source {
        int read() throws IOException;
    }

    /** Where a refusal goes (written and flushed at once). */
    @FunctionalInterface
    public interface Sink {
        void send(byte[] bytes) throws IOException;
    }

    private TelnetOptions() {
    }

    /**
     * Handles what follows an IAC just read.
     *
     * @return {@link #IAC} when it was an escaped 0xFF data byte (IAC IAC), -1 when it was a command that carries no data
     */
    public static int afterIac(Source in, Sink out) throws IOException {
        int cmd = in.read();
        if (cmd == IAC) {
            return IAC;
        }
        if (cmd == DO || cmd == WILL) {
            int option = in.read();
            if (option >= 0) {
                out.send(new byte[] {(byte) IAC, (byte) (cmd == DO ? WONT : DONT), (byte) option});
            }
        } else if (cmd == DONT || cmd == WONT) {
            in.read();
        } else if (cmd == SB) {
            int prev = -1;
            for (int i = 0; i < MAX_SUBNEGOTIATION; i++) {
                int b = in.read();
                if (b < 0 || (prev == IAC && b == SE)) {
                    break;
                }
                prev = b;
            }
        }
        return -1;
    }
}
