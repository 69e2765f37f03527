package dev.warden.lab.proto.ftp;

import dev.warden.lab.device.LoginResult;
import dev.warden.lab.device.SimDevice;
import dev.warden.lab.net.LineAssembler;
import dev.warden.lab.net.TextSession;
import java.util.Locale;

/**
 * One FTP control connection, answered in vsftpd's words (the server many camera firmwares ship), with a root
 * directory and nothing in it.
 *
 * <p>No data connection is ever opened: {@code PASV}, {@code EPSV}, {@code PORT} and {@code EPRT} are refused as a
 * vsftpd with both modes switched off refuses them ({@code 550 Permission denied.}, and {@code FEAT} does not offer
 * them), so {@code LIST}/{@code RETR}/{@code STOR} get {@code 425 Use PORT or PASV first.}. A scanner needs only the
 * login answer (it must {@code QUIT} after {@code 230} anyway), and a lab that serves or accepts no files cannot leak
 * or store anything.
 *
 * <p>Logins: accounts of service {@code ftp} through {@link SimDevice#login} (a locked-out client gets the same
 * {@code 530}); {@code anonymous}/{@code ftp} with any password only where {@code ftp-anonymous} is planted. After
 * the third wrong password the connection is closed, as vsftpd's {@code max_login_fails} does. Passwords are never
 * logged.
 */
final class FtpSession extends TextSession {
    static final int MAX_FAILURES = 3;
    /** Longest command kept; the rest of a longer line is dropped. */
    private static final int MAX_LINE = 512;
    private static final String FEATURES = "211-Features:\r\n MDTM\r\n REST STREAM\r\n SIZE\r\n TVFS\r\n UTF8\r\n211 End\r\n";
    private static final String NOT_LOGGED_IN = "530 Please login with USER and PASS.";

    private final SimDevice device;
    private final FtpSettings settings;
    private final LineAssembler line = new LineAssembler(MAX_LINE);
    private String user;
    private boolean loggedIn;
    private int failures;

    FtpSession(SimDevice device, FtpSettings settings) {
        this.device = device;
        this.settings = settings;
    }

    @Override
    protected void onConnect() {
        say(settings.greeting());
    }

    @Override
    protected void onByte(byte b) {
        if (line.feed(b) == LineAssembler.Fed.LINE) {
            onCommand(line.take());
        }
    }

    private void onCommand(String text) {
        int sp = text.indexOf(' ');
        String verb = (sp < 0 ? text : text.substring(0, sp)).trim().toUpperCase(Locale.ROOT);
        String arg = sp < 0 ? "" : text.substring(sp + 1);
        switch (verb) {
            case "QUIT" -> {
                reply("221 Goodbye.");
                closeAfterReply();
            }
            case "SYST" -> reply("215 " + settings.syst());
            case "FEAT" -> say(FEATURES);
            case "NOOP" -> reply("200 NOOP ok.");
            case "USER" -> user(arg.trim());
            case "PASS" -> pass(arg);
            default -> reply(loggedIn ? afterLogin(verb, arg.trim()) : NOT_LOGGED_IN);
        }
    }

    private void user(String name) {
        if (loggedIn) {
            reply("530 Can't change to another user.");
            return;
        }
        user = name;
        reply("331 Please specify the password.");
    }

    private void pass(String password) {
        if (loggedIn) {
            reply("230 Already logged in.");
            return;
        }
        if (user == null) {
            reply("503 Login with USER first.");
            return;
        }
        boolean anonymous = user.equalsIgnoreCase("anonymous") || user.equalsIgnoreCase("ftp");
        boolean ok = anonymous && device.has("ftp-anonymous")
                || device.login("ftp", client(), user, password) == LoginResult.OK;
        user = null;
        if (ok) {
            loggedIn = true;
            reply("230 Login successful.");
            return;
        }
        failures++;
        pauseThen(settings.failDelayMs(), () -> {
            reply("530 Login incorrect.");
            if (failures >= MAX_FAILURES) {
                closeAfterReply();
            }
        });
    }

    private static String afterLogin(String verb, String arg) {
        return switch (verb) {
            case "PWD", "XPWD" -> "257 \"/\" is the current directory";
            case "CWD", "XCWD" -> arg.equals("/") || arg.equals(".")
                    ? "250 Directory successfully changed." : "550 Failed to change directory.";
            case "CDUP", "XCUP" -> "250 Directory successfully changed.";
            case "TYPE" -> type(arg.toUpperCase(Locale.ROOT));
            case "OPTS" -> arg.equalsIgnoreCase("UTF8 ON") ? "200 Always in UTF8 mode." : "501 Option not understood.";
            case "PASV", "EPSV", "PORT", "EPRT" -> "550 Permission denied.";
            case "LIST", "NLST", "MLSD", "RETR", "STOR", "STOU", "APPE" -> "425 Use PORT or PASV first.";
            default -> "500 Unknown command.";
        };
    }

    private static String type(String arg) {
        return switch (arg) {
            case "I", "L 8" -> "200 Switching to Binary mode.";
            case "A", "A N" -> "200 Switching to ASCII mode.";
            default -> "500 Unrecognised TYPE command.";
        };
    }

    private void reply(String text) {
        say(text + "\r\n");
    }

    @Override
    protected void onIdle() {
        reply("421 Timeout.");
        closeAfterReply();
    }
}
