package dev.warden.assess;

import dev.warden.net.TelnetOptions;

import dev.warden.assess.check.Check;
import dev.warden.assess.check.Credential;
import dev.warden.assess.check.Response;
import dev.warden.assess.wire.BoundedInput;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Telnet: refuses every option the server proposes, reads the banner up to the login prompt and, with a credential,
 * answers the login and password prompts and waits for a shell prompt; then sends {@code exit} at once. Never runs a
 * command. A server that hangs up in the middle of the login is treated as a lockout signal.
 */
final class TelnetExecutor implements Executor {
    private static final Pattern LOGIN = Pattern.compile("(?i)(login|user ?name|user)\\s*:\\s*$");
    private static final Pattern PASSWORD = Pattern.compile("(?i)password\\s*:\\s*$");
    private static final Pattern FAILED = Pattern.compile("(?i)incorrect|invalid|failed|denied");
    /** Most text kept of one phase of the dialogue. */
    private static final int MAX_TEXT = 8192;


    @Override
    public Outcome run(Session s, Check check, Credential cred) {
        Pattern shell = check.steps().get(0).shellPrompt();
        try (Socket sock = s.net().open(s.ip(), s.port(), false)) {
            OutputStream out = sock.getOutputStream();
            Dialogue banner = readUntil(s.net().input(sock), out, LOGIN);
            if (cred == null) {
                Response r = Response.ofParts(Map.of("banner", banner.text, "body", "", "status", "",
                        "all", banner.text));
                return check.matches(r) ? Outcome.matched(r, "telnet connect", Map.of()) : Outcome.missed(true);
            }
            if (!banner.matched) {
                s.note(banner.closed ? "closed before a login prompt" : "no login prompt");
                return Outcome.stopped(true);
            }
            if (!s.spend()) {
                return Outcome.stopped(true);
            }
            send(out, cred.user());
            Dialogue pw = readUntil(s.net().input(sock), out, PASSWORD);
            String after = "";
            boolean closed = pw.closed;
            boolean atShell = false;
            if (pw.matched) {
                send(out, cred.password());
                Dialogue result = readUntil(s.net().input(sock), out, shell, LOGIN);
                after = result.text;
                closed = result.closed;
                atShell = result.matched && shell.matcher(result.text).find() && !LOGIN.matcher(result.text).find()
                        && !FAILED.matcher(result.text).find();
                if (!result.matched && !result.closed) {
                    s.note("no answer to the password within the read timeout");
                }
            } else if (!pw.closed && pw.text.isBlank()) {
                s.note("no password prompt within the read timeout");
            } else {
                // no password prompt: some devices log in on the user name alone
                after = pw.text;
                atShell = shell.matcher(pw.text).find() && !LOGIN.matcher(pw.text).find();
            }
            if (atShell) {
                send(out, "exit");
            } else if (closed) {
                s.lockout("(telnet hung up during login)");
                return Outcome.stopped(true);
            }
            String status = atShell ? "shell" : "denied";
            Response r = Response.ofParts(Map.of("banner", banner.text, "body", after, "status", status,
                    "all", banner.text + after));
            String req = "telnet login " + cred + " → " + (atShell ? "shell prompt" : "no shell");
            return check.matches(r) ? Outcome.matched(r, req, s.baseVars(cred)) : Outcome.missed(true);
        } catch (IOException e) {
            s.note(WebExecutor.describe(e));
            return Outcome.stopped(false);
        }
    }

    private static void send(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Text read in one phase, and whether it ended on a wanted prompt or with the server hanging up. */
    private record Dialogue(String text, boolean matched, boolean closed) {
    }

    /** Reads, answering option negotiation, until one of the prompts ends the text, the server closes, or time runs out. */
    private static Dialogue readUntil(BoundedInput in, OutputStream out, Pattern... prompts) throws IOException {
        StringBuilder text = new StringBuilder();
        try {
            while (text.length() < MAX_TEXT) {
                int b = in.read();
                if (b < 0) {
                    return new Dialogue(text.toString(), false, true);
                }
                if (b == TelnetOptions.IAC) {
                    int data = TelnetOptions.afterIac(in::read, bytes -> {
                        out.write(bytes);
                        out.flush();
                    });
                    if (data >= 0) {
                        text.append((char) data);
                    }
                } else if (b != 0) {
                    text.append((char) b);
                }
                if (!in.buffered()) {
                    for (Pattern p : prompts) {
                        if (p.matcher(text).find()) {
                            return new Dialogue(text.toString(), true, false);
                        }
                    }
                }
            }
        } catch (SocketTimeoutException e) {
            return new Dialogue(text.toString(), false, false);
        }
        return new Dialogue(text.toString(), false, false);
    }
}
