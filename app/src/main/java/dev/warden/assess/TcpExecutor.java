package dev.warden.assess;

import dev.warden.assess.check.Check;
import dev.warden.assess.check.Credential;
import dev.warden.assess.check.Response;
import dev.warden.assess.check.Step;
import dev.warden.assess.check.Template;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Plain TCP: connect, optionally send the step's bytes, read one burst (up to the step's {@code read} bytes; a port
 * that stays silent gives an empty banner, which is an answer too: the port is open).
 */
final class TcpExecutor implements Executor {
    /** Silence that ends a burst once bytes started coming. */
    private static final int IDLE_MILLIS = 300;

    @Override
    public Outcome run(Session s, Check check, Credential cred) {
        Step step = check.steps().get(0);
        Map<String, String> vars = s.baseVars(cred);
        if (cred != null && step.carriesCredentials() && !s.spend()) {
            return Outcome.stopped(false);
        }
        try (Socket sock = s.net().open(s.ip(), s.port(), s.tls())) {
            String req = "TCP connect";
            if (step.send() != null) {
                String text = new String(step.send(), StandardCharsets.ISO_8859_1);
                sock.getOutputStream().write(Template.render(text, vars, false).getBytes(StandardCharsets.ISO_8859_1));
                sock.getOutputStream().flush();
                req = "TCP send " + step.send().length + " bytes";
            }
            byte[] got = s.net().input(sock).readBurst(step.read(), IDLE_MILLIS);
            Response r = new Response(0, List.of(), got, Map.of());
            return check.matches(r) ? Outcome.matched(r, req, vars) : Outcome.missed(true);
        } catch (IOException e) {
            s.note(WebExecutor.describe(e));
            return Outcome.stopped(false);
        }
    }
}
