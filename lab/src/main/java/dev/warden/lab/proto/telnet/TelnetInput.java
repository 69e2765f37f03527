package dev.warden.lab.proto.telnet;

/**
 * Strips telnet commands from what a client sends, leaving the data bytes: {@code IAC WILL/WONT/DO/DONT <option>},
 * sub-negotiations {@code IAC SB ... IAC SE} (window size, terminal type), two-byte commands such as {@code IAC NOP},
 * and {@code IAC IAC} as one literal 0xFF. Like BusyBox telnetd, it answers none of them. Stateful across reads, so
 * a sequence split between TCP segments is still removed; it keeps nothing but its state, so no input can grow it.
 */
final class TelnetInput {
    static final int IAC = 0xFF;
    private static final int SE = 240;
    private static final int SB = 250;
    private static final int WILL = 251;
    private static final int DONT = 254;

    private enum State { DATA, COMMAND, OPTION, SUB, SUB_IAC }

    private State state = State.DATA;

    /** The data byte (0..255) this byte carries, or -1 when it belongs to a telnet command. */
    int next(byte b) {
        int c = b & 0xFF;
        switch (state) {
            case DATA -> {
                if (c == IAC) {
                    state = State.COMMAND;
                    return -1;
                }
                return c;
            }
            case COMMAND -> {
                if (c == IAC) {
                    state = State.DATA;
                    return c;
                }
                state = c >= WILL && c <= DONT ? State.OPTION : c == SB ? State.SUB : State.DATA;
                return -1;
            }
            case OPTION -> state = State.DATA;
            case SUB -> state = c == IAC ? State.SUB_IAC : State.SUB;
            case SUB_IAC -> state = c == SE ? State.DATA : State.SUB;
        }
        return -1;
    }
}
