package dev.warden.assess;

import dev.warden.assess.check.Check;
import dev.warden.assess.check.Credential;
import dev.warden.assess.check.Response;
import dev.warden.assess.wire.BoundedInput;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * FTP: reads the greeting, with a credential sends {@code USER} and {@code PASS}, and always ends with {@code QUIT};
 * never lists or transfers anything. Reply 421 is a lockout signal.
 */
final class FtpExecutor implements Executor {
    /** Most lines of one multi-line reply. */
    private static final int MAX_LINES = 50;

    /** A reply: code and text (all lines). */
    private record Reply(int code, String text) {
    }

    @Override
    public Outcome run(Session s, Check check, Credential cred) {
        try (Socket sock = s.net().open(s.ip(), s.port(), false)) {
            OutputStream out = sock.getOutputStream();
            Reply greeting = reply(s.net().input(sock));
            Reply last = greeting;
            String req = "FTP connect";
            if (greeting.code == 421) {
                s.lockout("FTP 421");
                return Outcome.stopped(true);
            }
            if (cred != null) {
                if (!s.spend()) {
                    quit(s, sock, out);
                    return Outcome.stopped(true);
                }
                command(out, "USER " + cred.user());
                last = reply(s.net().input(sock));
                if (last.code == 331) {
                    command(out, "PASS " + cred.password());
                    last = reply(s.net().input(sock));
                }
                req = "FTP USER " + cred.user() + " PASS " + dev.warden.assess.check.Credential.redact(cred.password());
                if (last.code == 421) {
                    s.lockout("FTP 421");
                    return Outcome.stopped(true);
                }
            }
            quit(s, sock, out);
            Response r = new Response(last.code, List.of(), last.text.getBytes(StandardCharsets.UTF_8),
                    Map.of("banner", greeting.text));
            return check.matches(r) ? Outcome.matched(r, req, s.baseVars(cred)) : Outcome.missed(true);
        } catch (IOException e) {
            s.note(WebExecutor.describe(e));
            return Outcome.stopped(false);
        }
    }

    private static void quit(Session s, Socket sock, OutputStream out) {
        try {
            command(out, "QUIT");
            reply(s.net().input(sock));
        } catch (IOException e) {
            // the server may hang up at QUIT; the session is over either way
        }
    }

    private static void command(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static Reply reply(BoundedInput in) throws IOException {
        String first = in.readLine();
        if (first == null) {
            throw new IOException("connection closed without an FTP reply");
        }
        if (first.length() < 3 || !first.substring(0, 3).chars().allMatch(Character::isDigit)) {
            throw new IOException("not an FTP reply: " + dev.warden.assess.wire.Evidence.clip(first, 40));
        }
        int code = Integer.parseInt(first.substring(0, 3));
        StringBuilder text = new StringBuilder(first);
        if (first.length() > 3 && first.charAt(3) == '-') {
            String end = first.substring(0, 3) + " ";
            for (int i = 0; i < MAX_LINES; i++) {
                String line = in.readLine();
                if (line == null) {
                    break;
                }
                text.append('\n').append(line);
                if (line.startsWith(end)) {
                    break;
                }
            }
        }
        return new Reply(code, text.toString());
    }
}
