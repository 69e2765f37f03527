package dev.warden.assess;

import dev.warden.assess.check.Credential;
import dev.warden.data.DataFileErrors;
import dev.warden.owner.SecretRef;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Read-only accounts owners lend Warden so a re-assessment can read the firmware of a device that shows it only after
 * login (a patched Foscam: once the factory password is gone, only a logged-in user sees {@code getDevInfo}). Without
 * them a fixed device stays unverified, because nothing could see its new firmware. The file names each password by
 * reference ({@code env:NAME} or {@code file:PATH}, as notification secrets are), never the password itself; it is
 * resolved when the file is read and never printed (a {@link Credential} prints redacted).
 *
 * <pre>
 * credentials:
 *   - {ip: 127.77.0.11, user: viewer, password: "env:NURSERY_CAM_PASSWORD"}
 * </pre>
 *
 * The assessor uses one at most once per device service, only to read facts (firmware, model, hardware) through a
 * check that reads them after a login, never to report a finding, and logs out after.
 */
public final class OwnerCredentials {
    /** The largest credentials file read. */
    public static final int MAX_BYTES = 64 * 1024;
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    /** No credentials: the assessor reads only what devices show without them. */
    public static final OwnerCredentials NONE = new OwnerCredentials(Map.of());

    private record FileSpec(List<Entry> credentials) {
    }

    private record Entry(String ip, String user, String password) {
    }

    private final Map<String, Credential> byIp;

    private OwnerCredentials(Map<String, Credential> byIp) {
        this.byIp = byIp;
    }

    /**
     * Reads and checks a credentials file and resolves its secret references.
     *
     * @param source names the file in messages
     * @param env    where {@code env:} references are looked up (System::getenv outside tests)
     * @throws IllegalArgumentException naming the file and the field when it is malformed or a secret cannot be read
     */
    public static OwnerCredentials parse(String source, byte[] yaml, Function<String, String> env) {
        if (yaml.length > MAX_BYTES) {
            throw new IllegalArgumentException(source + ": larger than " + MAX_BYTES + " bytes");
        }
        FileSpec spec;
        try {
            spec = YAML.readValue(yaml, FileSpec.class);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(DataFileErrors.describe(source, e), e);
        }
        if (spec == null || spec.credentials() == null) {
            throw new IllegalArgumentException(source + ": credentials: missing");
        }
        Map<String, Credential> out = new HashMap<>();
        for (int i = 0; i < spec.credentials().size(); i++) {
            Entry e = spec.credentials().get(i);
            String at = source + ": credentials[" + i + "]";
            if (e == null || e.ip() == null || !isIpLiteral(e.ip())) {
                throw new IllegalArgumentException(at + ".ip: an IPv4 or IPv6 address is required");
            }
            if (e.user() == null || e.user().isBlank()) {
                throw new IllegalArgumentException(at + ".user: missing");
            }
            String password;
            try {
                password = SecretRef.resolve(e.password(), env);
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException(at + ".password: " + ex.getMessage(), ex);
            }
            if (out.putIfAbsent(e.ip(), new Credential(e.user(), password)) != null) {
                throw new IllegalArgumentException(at + ".ip: " + e.ip() + " is listed twice");
            }
        }
        return new OwnerCredentials(Map.copyOf(out));
    }

    /** The owner's account for a device, if one was lent. */
    public Optional<Credential> forDevice(String ip) {
        return Optional.ofNullable(byIp.get(ip));
    }

    /** How many devices have an account. */
    public int size() {
        return byIp.size();
    }

    private static boolean isIpLiteral(String s) {
        if (!s.matches("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*")) {
            return false;
        }
        try {
            InetAddress.ofLiteral(s);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
