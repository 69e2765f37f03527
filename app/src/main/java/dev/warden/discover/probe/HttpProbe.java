package dev.warden.discover.probe;

import dev.warden.evidence.EvidenceKeys;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.security.auth.x500.X500Principal;

/**
 * HTTP and HTTPS fingerprinting: {@code GET /} (status, Server, title, WWW-Authenticate realm and scheme, Location),
 * the favicon's Shodan mmh3 and MD5, and the vendor pages that are relevant to this port; over TLS also the
 * certificate's subject, issuer and public-key hash. Read-only GETs without credentials; bodies are read up to a
 * limit and only vendor pages keep their first 4 KB as evidence.
 */
public final class HttpProbe {
    private static final int FRONT_LIMIT = 64 * 1024;
    private static final int ICON_LIMIT = 256 * 1024;
    private static final int PAGE_LIMIT = 4096;
    private static final Pattern TITLE = Pattern.compile("<title[^>]*>(.*?)</title>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern REALM = Pattern.compile("realm=(?:\"([^\"]*)\"|([^,\\s]+))", Pattern.CASE_INSENSITIVE);

    private final ProbeSettings settings;
    private final List<VendorPath> vendorPaths;

    public HttpProbe(ProbeSettings settings, List<VendorPath> vendorPaths) {
        this.settings = settings;
        this.vendorPaths = List.copyOf(vendorPaths);
    }

    /** Probes one port; returns false when it did not answer HTTP at all (the reason is noted). */
    public boolean probe(InetAddress ip, int port, boolean tls, Recorder r) {
        Reply front;
        try {
            front = front(ip, port, tls, r);
        } catch (IOException e) {
            r.note((tls ? "https" : "http") + " " + port + ": " + Notes.why(e));
            return false;
        }
        if (front.truncated()) {
            r.note((tls ? "https" : "http") + " " + port + ": front page longer than " + FRONT_LIMIT + " bytes, cut there");
        }
        r.add(EvidenceKeys.HTTP_STATUS, port, Integer.toString(front.status()));
        r.add(EvidenceKeys.HTTP_SERVER, port, front.header("server"));
        Matcher title = TITLE.matcher(front.bodyText());
        if (title.find()) {
            r.add(EvidenceKeys.HTTP_TITLE, port, title.group(1).replaceAll("\\s+", " "));
        }
        String auth = front.header("www-authenticate");
        if (auth != null) {
            r.add(EvidenceKeys.HTTP_AUTH_SCHEME, port, auth.strip().split("\\s+", 2)[0]);
            Matcher realm = REALM.matcher(auth);
            if (realm.find()) {
                r.add(EvidenceKeys.HTTP_REALM, port, realm.group(1) != null ? realm.group(1) : realm.group(2));
            }
        }
        r.add(EvidenceKeys.HTTP_LOCATION, port, front.header("location"));
        favicon(ip, port, tls, r);
        for (VendorPath vp : vendorPaths) {
            if (vp.relevant(port, r)) {
                page(ip, port, tls, vp.path(), r);
            }
        }
        return true;
    }

    private void favicon(InetAddress ip, int port, boolean tls, Recorder r) {
        try {
            Reply icon = Http.get(settings, ip, port, tls, "/favicon.ico", ICON_LIMIT);
            if (icon.status() != 200 || icon.body().length == 0) {
                return;
            }
            if (icon.truncated()) {
                r.note("http " + port + ": favicon larger than " + ICON_LIMIT + " bytes, not hashed");
                return;
            }
            r.add(EvidenceKeys.HTTP_FAVICON_MMH3, port, Integer.toString(Mmh3.faviconHash(icon.body())));
            r.add(EvidenceKeys.HTTP_FAVICON_MD5, port, HexFormat.of().formatHex(digest("MD5", icon.body())));
        } catch (IOException e) {
            r.note("http " + port + " /favicon.ico: " + Notes.why(e));
        }
    }

    private void page(InetAddress ip, int port, boolean tls, String path, Recorder r) {
        try {
            Reply p = Http.get(settings, ip, port, tls, path, PAGE_LIMIT);
            if (p.status() == 200) {
                r.add(EvidenceKeys.HTTP_PATH_PREFIX + path, port, new String(p.body(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            r.note("http " + port + " " + path + ": " + Notes.why(e));
        }
    }

    /** The front page, recording the certificate first when the port speaks TLS (once, if the page is asked again). */
    private Reply front(InetAddress ip, int port, boolean tls, Recorder r) throws IOException {
        return Http.exchange(settings, ip, port, tls, c -> {
            if (tls && !r.has(EvidenceKeys.TLS_SUBJECT)) {
                certificate(c, port, r);
            }
            Http.send(c, ip, port, "GET", "/", "", new byte[0]);
            return Reply.read(c, "HTTP", FRONT_LIMIT, true);
        });
    }

    private static void certificate(Conn c, int port, Recorder r) throws IOException {
        Certificate[] chain = c.peerCertificates();
        if (chain.length > 0 && chain[0] instanceof X509Certificate x) {
            r.add(EvidenceKeys.TLS_SUBJECT, port, dn(x.getSubjectX500Principal()));
            r.add(EvidenceKeys.TLS_ISSUER, port, dn(x.getIssuerX500Principal()));
            r.add(EvidenceKeys.TLS_KEY_SHA256, port, HexFormat.of().formatHex(digest("SHA-256", x.getPublicKey().getEncoded())));
        }
    }

    /** RFC 2253 order (most specific first, as openssl and browsers show it), RDNs separated by ", ". */
    private static String dn(X500Principal p) {
        return String.join(", ", p.getName(X500Principal.RFC2253).split("(?<!\\\\),"));
    }

    private static byte[] digest(String algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(algorithm).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has " + algorithm, e);
        }
    }
}
