package dev.warden.lab.proto.telnet;

import dev.warden.lab.device.LoginResult;
import dev.warden.lab.device.SimDevice;
import dev.warden.lab.net.LineAssembler;
import dev.warden.lab.net.TextSession;

/**
 * One telnet connection, played the way BusyBox telnetd and login(1) behave on a DVR: option negotiation, login
 * prompt with the typed name echoed, password without echo, {@code Login incorrect} after a pause, the connection
 * dropped after the third failure, then a shell that runs nothing ({@link Shell}).
 *
 * <p>Passwords go to {@link SimDevice#login} (service {@code telnet}) and nowhere else: never echoed, never logged.
 * A locked-out client gets the same {@code Login incorrect} as a wrong password, as the firmware gives away nothing.
 */
final class TelnetSession extends TextSession {
    /**
     * What BusyBox telnetd sends first: IAC DO ECHO, IAC DO NAWS, IAC WILL ECHO, IAC WILL SUPPRESS-GO-AHEAD
     * (telnetd.c, make_new_session). The server echoes, the client should not.
     */
    static final String NEGOTIATION = "\u00ff\u00fd\u0001\u00ff\u00fd\u001f\u00ff\u00fb\u0001\u00ff\u00fb\u0003";
    /**
     * BusyBox login starts a new line before the issue text and the first prompt: {@code puts("\r")}, which the
     * tty's output processing turns into CR CR LF. nmap's BusyBox telnetd signature expects it.
     */
    static final String NEW_LINE_BEFORE_ISSUE = "\r\r\n";
    /** login(1) gives up after this many wrong passwords. */
    static final int MAX_FAILURES = 3;
    /** Longest line kept; the rest of a longer line is dropped (BusyBox login reads 64-byte names). */
    private static final int MAX_LINE = 256;

    private enum State { LOGIN, PASSWORD, SHELL }

    private final SimDevice device;
    private final TelnetSettings settings;
    private final TelnetInput telnet = new TelnetInput();
    private final LineAssembler line = new LineAssembler(MAX_LINE);
    private State state = State.LOGIN;
    private String user;
    private int failures;

    TelnetSession(SimDevice device, TelnetSettings settings) {
        this.device = device;
        this.settings = settings;
    }

    @Override
    protected void onConnect() {
        say(NEGOTIATION);
        say(NEW_LINE_BEFORE_ISSUE);
        say(settings.banner());
        say(settings.loginPrompt());
    }

    @Override
    protected void onByte(byte b) {
        int c = telnet.next(b);
        if (c < 0) {
            return;
        }
        boolean echo = state != State.PASSWORD;
        if (c == 0x7F || c == 0x08) { // backspace: the tty line discipline erases
            if (line.erase() && echo) {
                say("\b \b");
            }
            return;
        }
        switch (line.feed((byte) c)) {
            case STORED -> {
                if (echo && c >= 0x20) {
                    say(String.valueOf((char) c));
                }
            }
            case LINE -> {
                say("\r\n");
                onLine(line.take());
            }
            case DROPPED -> { }
        }
    }

    private void onLine(String text) {
        switch (state) {
            case LOGIN -> {
                String name = text.trim();
                if (name.isEmpty()) {
                    say(settings.loginPrompt());
                } else {
                    user = name;
                    state = State.PASSWORD;
                    say(settings.passwordPrompt());
                }
            }
            case PASSWORD -> checkPassword(text);
            case SHELL -> {
                if (Shell.isExit(text)) {
                    closeAfterReply();
                    return;
                }
                if (!text.isBlank()) {
                    say(Shell.answer(text));
                }
                say(settings.shellPrompt());
            }
        }
    }

    private void checkPassword(String password) {
        LoginResult result = device.login("telnet", client(), user, password);
        user = null;
        if (result == LoginResult.OK) {
            state = State.SHELL;
            say(settings.motd());
            say(settings.shellPrompt());
            return;
        }
        failures++;
        state = State.LOGIN;
        pauseThen(settings.failDelayMs(), () -> {
            say("\r\nLogin incorrect\r\n");
            if (failures >= MAX_FAILURES) {
                closeAfterReply();
            } else {
                say(settings.loginPrompt());
            }
        });
    }

    @Override
    protected void onIdle() {
        if (state != State.SHELL) {
            say("\r\nLogin timed out after " + settings.idleSeconds() + " seconds\r\n");
        }
        closeAfterReply();
    }
}
