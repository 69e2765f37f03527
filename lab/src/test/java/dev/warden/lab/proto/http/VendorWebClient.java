package dev.warden.lab.proto.http;

import dev.warden.lab.Lab;
import dev.warden.lab.config.DeviceEntry;
import dev.warden.lab.config.FleetBuilder;
import dev.warden.lab.profile.ProfileCatalog;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Talks to a lab device's web server the way a scanner does: plain requests, Basic, and Digest computed by hand
 * (the JDK client has no Digest), so the tests check the lab's Digest against an independent implementation.
 */
final class VendorWebClient {
    private static final Pattern PARAM = Pattern.compile("([a-zA-Z]+)=(?:\"([^\"]*)\"|([^,\\s]+))");
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(3))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private final String base;

    VendorWebClient(String ip) {
        this.base = "http://" + ip;
    }

    /** Starts a lab of test devices from {@code profiles-vendors}: name, profile, address, firmware (null: first). */
    static Lab startLab(String[]... devices) {
        ProfileCatalog cat = ProfileCatalog.load(List.of(Path.of("src/test/resources/profiles-vendors")));
        List<DeviceEntry> entries = new ArrayList<>();
        for (String[] d : devices) {
            entries.add(new DeviceEntry(d[0], d[1], d[2], d[3], null, null, List.of()));
        }
        return Lab.start(cat, new FleetBuilder(cat).build(entries), 1);
    }

    /** The device's (first) web password: the factory default where planted, else the strong one the lab drew. */
    static String webPassword(Lab lab, String device) {
        return lab.device(device).accounts("web").getFirst().password();
    }

    HttpResponse<String> get(String uri) throws IOException, InterruptedException {
        return send("GET", uri, null, null, HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String uri, String body) throws IOException, InterruptedException {
        return send("POST", uri, body, null, HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> basic(String uri, String user, String password) throws IOException, InterruptedException {
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.ISO_8859_1));
        return send("GET", uri, null, "Basic " + token, HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> digest(String method, String uri, String body, String user, String password)
            throws IOException, InterruptedException {
        return digest(method, uri, body, user, password, HttpResponse.BodyHandlers.ofString());
    }

    /** Asks without credentials, then answers the Digest challenge (RFC 7616, MD5, qop=auth). */
    <T> HttpResponse<T> digest(String method, String uri, String body, String user, String password,
                               HttpResponse.BodyHandler<T> handler) throws IOException, InterruptedException {
        HttpResponse<String> first = send(method, uri, body, null, HttpResponse.BodyHandlers.ofString());
        String challenge = first.headers().firstValue("WWW-Authenticate").orElseThrow(
                () -> new AssertionError("no challenge from " + uri + ": " + first.statusCode() + " " + first.body()));
        return send(method, uri, body, authorization(challenge, method, uri, user, password), handler);
    }

    <T> HttpResponse<T> send(String method, String uri, String body, String authorization,
                             HttpResponse.BodyHandler<T> handler) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + uri)).timeout(Duration.ofSeconds(5))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return HTTP.send(b.build(), handler);
    }

    /** The parameters of a {@code WWW-Authenticate: Digest ...} value. */
    static Map<String, String> challengeParams(String challenge) {
        if (!challenge.startsWith("Digest ")) {
            throw new AssertionError("not a Digest challenge: " + challenge);
        }
        Map<String, String> p = new HashMap<>();
        Matcher m = PARAM.matcher(challenge.substring(7));
        while (m.find()) {
            p.put(m.group(1), m.group(2) != null ? m.group(2) : m.group(3));
        }
        return p;
    }

    private static String authorization(String challenge, String method, String uri, String user, String password) {
        Map<String, String> p = challengeParams(challenge);
        String realm = p.get("realm");
        String nonce = p.get("nonce");
        String cnonce = "0a4f113b";
        String nc = "00000001";
        String ha1 = md5(user + ":" + realm + ":" + password);
        String ha2 = md5(method + ":" + uri);
        String response = md5(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + ha2);
        return "Digest username=\"" + user + "\", realm=\"" + realm + "\", nonce=\"" + nonce + "\", uri=\"" + uri
                + "\", algorithm=MD5, qop=auth, nc=" + nc + ", cnonce=\"" + cnonce + "\", response=\"" + response + "\""
                + (p.containsKey("opaque") ? ", opaque=\"" + p.get("opaque") + "\"" : "");
    }

    private static String md5(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.ISO_8859_1)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
