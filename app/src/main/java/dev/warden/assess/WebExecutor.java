package dev.warden.assess;

import dev.warden.assess.check.Check;
import dev.warden.assess.check.Credential;
import dev.warden.assess.check.Extractor;
import dev.warden.assess.check.Protocol;
import dev.warden.assess.check.Response;
import dev.warden.assess.check.Step;
import dev.warden.assess.check.Template;
import dev.warden.assess.wire.DigestClient;
import dev.warden.assess.wire.WebRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP, RTSP and ONVIF steps: the same request/response framing, with Basic and Digest answered on a 401 challenge
 * (one budget attempt each), and for ONVIF a SOAP 1.2 envelope with an optional WS-Security UsernameToken
 * (PasswordDigest). Path alternatives are tried in order; earlier steps feed later ones through extractors.
 */
final class WebExecutor implements Executor {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A response and the redacted line describing the request that got it; null response: stop. */
    private record Sent(Response response, String request) {
    }

    @Override
    public Outcome run(Session s, Check check, Credential cred) {
        Map<String, String> vars = s.baseVars(cred);
        boolean answered = false;
        List<Step> steps = check.steps();
        try {
            for (int i = 0; i < steps.size(); i++) {
                Step step = steps.get(i);
                boolean last = i == steps.size() - 1;
                boolean fed = false;
                for (String path : step.paths()) {
                    Sent sent = send(s, check.protocol(), step, path, vars, cred);
                    if (sent == null) {
                        return Outcome.stopped(answered);
                    }
                    answered = true;
                    String signal = LockoutSignals.signal(check.protocol(), sent.response);
                    if (signal != null) {
                        s.lockout(signal);
                        return Outcome.stopped(true);
                    }
                    if (last && check.matches(sent.response)) {
                        return Outcome.matched(sent.response, sent.request, vars);
                    }
                    if (!last && extractAll(step.extractors(), sent.response, vars)) {
                        fed = true;
                        break;
                    }
                }
                if (!last && !fed) {
                    return Outcome.missed(answered);
                }
            }
            return Outcome.missed(answered);
        } catch (IOException e) {
            s.note(describe(e));
            return Outcome.stopped(answered);
        }
    }

    @Override
    public void logout(Session s, Check check, Credential cred, Map<String, String> vars) {
        if (check.logout() == null) {
            return;
        }
        Step step = check.logout();
        try {
            WebRequest req = request(s, check.protocol(), step, step.paths().get(0), vars, null);
            s.web().send(s.ip(), s.port(), s.tls(), check.protocol() == Protocol.RTSP, req);
        } catch (IOException e) {
            s.note("logout failed: " + describe(e));
        }
    }

    static String describe(IOException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof java.net.SocketTimeoutException) {
            return "timed out (" + m + ")";
        }
        if (e instanceof javax.net.ssl.SSLException) {
            return "TLS failed: " + dev.warden.assess.wire.Evidence.clip(m, 80);
        }
        return dev.warden.assess.wire.Evidence.clip(m, 120);
    }

    private static boolean extractAll(List<Extractor> extractors, Response r, Map<String, String> vars) {
        Map<String, String> found = new HashMap<>();
        for (Extractor e : extractors) {
            Optional<String> v = e.extract(r);
            if (v.isEmpty()) {
                return false;
            }
            found.put(e.name(), v.get());
        }
        vars.putAll(found);
        return true;
    }

    private Sent send(Session s, Protocol protocol, Step step, String path, Map<String, String> vars, Credential cred)
            throws IOException {
        boolean rtsp = protocol == Protocol.RTSP;
        String line = step.method() + " " + Template.redacted(path, vars)
                + (protocol == Protocol.ONVIF ? " " + step.action().substring(step.action().lastIndexOf('/') + 1) : "");
        boolean withCredential = cred != null && step.carriesCredentials();
        switch (step.auth()) {
            case NONE, WS_SECURITY -> {
                if (withCredential && !s.spend()) {
                    return null;
                }
                WebRequest req = request(s, protocol, step, path, vars, step.auth() == Step.Auth.WS_SECURITY ? cred : null);
                String as = step.auth() == Step.Auth.WS_SECURITY ? " as " + cred + " (WS-Security)" : "";
                return new Sent(s.web().send(s.ip(), s.port(), s.tls(), rtsp, req), line + as);
            }
            default -> {
                WebRequest req = request(s, protocol, step, path, vars, null);
                Response first = s.web().send(s.ip(), s.port(), s.tls(), rtsp, req);
                String header = challenge(first, step.auth());
                if (first.status() != 401 || header == null || cred == null) {
                    return new Sent(first, line);
                }
                if (!s.spend()) {
                    return null;
                }
                String auth = step.auth() == Step.Auth.BASIC
                        ? DigestClient.basic(cred.user(), cred.password())
                        : DigestClient.authorization(DigestClient.parseChallenge(header), step.method(), req.target(),
                        cred.user(), cred.password());
                Response second = s.web().send(s.ip(), s.port(), s.tls(), rtsp, req.with("Authorization: " + auth));
                return new Sent(second, line + " as " + cred + " (" + (step.auth() == Step.Auth.BASIC ? "Basic" : "Digest") + ")");
            }
        }
    }

    /** The WWW-Authenticate value offering the step's scheme, or null. */
    private static String challenge(Response r, Step.Auth auth) {
        for (String h : r.headers()) {
            int colon = h.indexOf(':');
            if (colon < 0 || !h.substring(0, colon).trim().equalsIgnoreCase("WWW-Authenticate")) {
                continue;
            }
            String v = h.substring(colon + 1).trim();
            if (auth == Step.Auth.BASIC && v.regionMatches(true, 0, "Basic", 0, 5)) {
                return v;
            }
            if (auth == Step.Auth.DIGEST && DigestClient.parseChallenge(v) != null) {
                return v;
            }
        }
        return null;
    }

    private static WebRequest request(Session s, Protocol protocol, Step step, String path, Map<String, String> vars,
                                      Credential wsse) {
        String renderedPath = Template.render(path, vars, true);
        List<String> headers = new ArrayList<>();
        step.headers().forEach((k, v) -> headers.add(k + ": " + Template.render(v, vars, false)));
        byte[] body = null;
        String target = renderedPath;
        if (protocol == Protocol.RTSP) {
            target = "rtsp://" + (s.ip().contains(":") ? "[" + s.ip() + "]" : s.ip()) + ":" + s.port() + renderedPath;
            if (step.headers().keySet().stream().noneMatch(k -> k.equalsIgnoreCase("Accept"))) {
                headers.add("Accept: application/sdp");
            }
        } else if (protocol == Protocol.ONVIF) {
            headers.add("Content-Type: application/soap+xml; charset=utf-8; action=\"" + step.action() + "\"");
            body = envelope(Template.render(step.body(), vars, false), wsse).getBytes(StandardCharsets.UTF_8);
        } else if (step.body() != null) {
            body = Template.render(step.body(), vars, false).getBytes(StandardCharsets.UTF_8);
            if (step.headers().keySet().stream().noneMatch(k -> k.equalsIgnoreCase("Content-Type"))) {
                headers.add("Content-Type: application/x-www-form-urlencoded");
            }
        }
        return new WebRequest(step.method(), target, headers, body);
    }

    private static String envelope(String body, Credential wsse) {
        String header = "";
        if (wsse != null) {
            byte[] nonce = new byte[16];
            RANDOM.nextBytes(nonce);
            String created = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
            String digest = Base64.getEncoder().encodeToString(sha1(nonce, created, wsse.password()));
            header = "<s:Header><wsse:Security s:mustUnderstand=\"1\" xmlns:wsse=\"http://docs.oasis-open.org/wss/2004/01/"
                    + "oasis-200401-wss-wssecurity-secext-1.0.xsd\" xmlns:wsu=\"http://docs.oasis-open.org/wss/2004/01/"
                    + "oasis-200401-wss-wssecurity-utility-1.0.xsd\"><wsse:UsernameToken><wsse:Username>"
                    + xml(wsse.user()) + "</wsse:Username><wsse:Password Type=\"http://docs.oasis-open.org/wss/2004/01/"
                    + "oasis-200401-wss-username-token-profile-1.0#PasswordDigest\">" + digest + "</wsse:Password>"
                    + "<wsse:Nonce EncodingType=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-"
                    + "security-1.0#Base64Binary\">" + Base64.getEncoder().encodeToString(nonce) + "</wsse:Nonce>"
                    + "<wsu:Created>" + created + "</wsu:Created></wsse:UsernameToken></wsse:Security></s:Header>";
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\">"
                + header + "<s:Body>" + body + "</s:Body></s:Envelope>";
    }

    private static byte[] sha1(byte[] nonce, String created, String password) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-1");
            md.update(nonce);
            md.update(created.getBytes(StandardCharsets.UTF_8));
            md.update(password.getBytes(StandardCharsets.UTF_8));
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
