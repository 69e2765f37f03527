package dev.warden.lab.net;

import dev.warden.lab.LabException;
import dev.warden.lab.profile.Profile;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Self-signed certificates for the lab's TLS services, made at start-up (no key material is kept in the repo).
 * One key and certificate per profile, shared by every device of the profile: that is how many cameras ship
 * (Foscam's single hard-coded key, CVE-2017-7648), and it keeps a 2,000-device lab from generating 2,000 RSA keys.
 */
public final class DeviceCertificates {
    private final ConcurrentHashMap<String, SslContext> contexts = new ConcurrentHashMap<>();

    public SslContext contextFor(Profile profile) {
        return contexts.computeIfAbsent(profile.id(), id -> create(profile));
    }

    private static SslContext create(Profile profile) {
        try {
            KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
            gen.initialize(2048, new SecureRandom());
            KeyPair kp = gen.generateKeyPair();
            String subject = profile.tlsSubject() != null ? profile.tlsSubject()
                    : "CN=" + profile.model() + ", O=" + profile.vendor();
            X500Name name = new X500Name(subject);
            long now = System.currentTimeMillis();
            var builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now), new Date(now - 86_400_000L),
                    new Date(now + 10L * 365 * 86_400_000L), name, kp.getPublic());
            var signer = new JcaContentSignerBuilder("SHA256withRSA").build(kp.getPrivate());
            X509Certificate cert = new JcaX509CertificateConverter().getCertificate(builder.build(signer));
            return SslContextBuilder.forServer(kp.getPrivate(), cert).build();
        } catch (Exception e) {
            throw new LabException("cannot make a TLS certificate for profile " + profile.id() + ": " + e.getMessage(), e);
        }
    }
}
