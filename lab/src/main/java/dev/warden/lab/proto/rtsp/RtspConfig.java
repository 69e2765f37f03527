package dev.warden.lab.proto.rtsp;

import dev.warden.lab.profile.ServiceSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The options of one {@code rtsp} service, checked. Text options are templates, rendered per device when answering.
 *
 * @param server      {@code Server:} header, or null for none
 * @param methods     the methods {@code Public:} lists, in order; others are answered 405
 * @param authOptions whether OPTIONS needs credentials too (nothing does where {@code unauth-rtsp-stream} is planted)
 * @param auth        the scheme challenged with
 * @param realm       the realm of the challenge
 * @param alsoBasic   a Digest server that also offers (and accepts) Basic, as older Hikvision firmware does
 * @param sessionName the SDP {@code s=} line
 * @param audio       whether the SDP has a G.711 audio track besides the H.264 video
 * @param paths       the streams served
 * @param dialect     how the answers are laid out on the wire
 */
record RtspConfig(String server, List<String> methods, boolean authOptions, Scheme auth, String realm,
                  boolean alsoBasic, String sessionName, boolean audio, List<StreamPath> paths, RtspDialect dialect) {
    /** Authentication schemes a camera challenges with. */
    enum Scheme { DIGEST, BASIC }

    static final Set<String> KEYS = Set.of("server", "public", "auth-options", "auth", "realm", "also-basic",
            "session-name", "audio", "resolution", "paths", "dialect");
    /** The methods a camera can list in Public; ANNOUNCE, RECORD and REDIRECT are for servers that take pushes. */
    static final List<String> CAMERA_METHODS = List.of("OPTIONS", "DESCRIBE", "SETUP", "TEARDOWN", "PLAY", "PAUSE",
            "GET_PARAMETER", "SET_PARAMETER");
    private static final Pattern RESOLUTION = Pattern.compile("(\\d{2,4})x(\\d{2,4})");

    /**
     * Reads and checks a service's options.
     *
     * @throws IllegalArgumentException naming the option that is wrong
     */
    static RtspConfig of(ServiceSpec spec) {
        Map<String, Object> o = spec.options();
        for (String k : o.keySet()) {
            if (!KEYS.contains(k)) {
                throw new IllegalArgumentException("unknown rtsp option '" + k + "' (known: " + String.join(", ",
                        KEYS.stream().sorted().toList()) + ")");
            }
        }
        Scheme auth = switch (spec.option("auth", "digest")) {
            case "digest" -> Scheme.DIGEST;
            case "basic" -> Scheme.BASIC;
            default -> throw new IllegalArgumentException("option 'auth' must be digest or basic, got '"
                    + spec.option("auth", "") + "'");
        };
        boolean alsoBasic = bool(o, "also-basic");
        if (alsoBasic && auth != Scheme.DIGEST) {
            throw new IllegalArgumentException("option 'also-basic' only makes sense with auth: digest");
        }
        int[] size = resolution(spec.option("resolution", "1920x1080"), "resolution");
        return new RtspConfig(spec.option("server", null), methods(o.get("public")), bool(o, "auth-options"), auth,
                spec.option("realm", "${model}"), alsoBasic, spec.option("session-name", "${model}"),
                bool(o, "audio"), paths(o.get("paths"), size),
                RtspDialect.named(spec.option("dialect", "generic")));
    }

    /** The stream a request-URI names, or null. */
    StreamPath stream(String uri) {
        for (StreamPath p : paths) {
            if (p.matches(uri)) {
                return p;
            }
        }
        return null;
    }

    private static boolean bool(Map<String, Object> o, String key) {
        Object v = o.get(key);
        if (v == null || v.equals(Boolean.FALSE) || "false".equals(v)) {
            return false;
        }
        if (v.equals(Boolean.TRUE) || "true".equals(v)) {
            return true;
        }
        throw new IllegalArgumentException("option '" + key + "' must be true or false, got '" + v + "'");
    }

    private static List<String> methods(Object v) {
        if (v == null) {
            return CAMERA_METHODS;
        }
        List<String> out = new ArrayList<>();
        for (Object m : v instanceof List<?> l ? l : List.of(v.toString().split(","))) {
            String name = m.toString().strip();
            if (!CAMERA_METHODS.contains(name)) {
                throw new IllegalArgumentException("option 'public': unknown or unsupported method '" + name
                        + "' (allowed: " + String.join(", ", CAMERA_METHODS) + ")");
            }
            out.add(name);
        }
        if (!out.contains("OPTIONS")) {
            throw new IllegalArgumentException("option 'public' must list OPTIONS");
        }
        return List.copyOf(out);
    }

    private static List<StreamPath> paths(Object v, int[] size) {
        if (!(v instanceof List<?> list) || list.isEmpty()) {
            throw new IllegalArgumentException("option 'paths' must be a non-empty list of stream paths");
        }
        List<StreamPath> out = new ArrayList<>();
        for (Object e : list) {
            if (e instanceof Map<?, ?> m) {
                for (Object k : m.keySet()) {
                    if (!k.equals("path") && !k.equals("resolution")) {
                        throw new IllegalArgumentException("option 'paths': unknown key '" + k
                                + "' (known: path, resolution)");
                    }
                }
                Object r = m.get("resolution");
                int[] s = r == null ? size : resolution(r.toString(), "paths[].resolution");
                out.add(StreamPath.of(m.get("path") == null ? null : m.get("path").toString(), s[0], s[1]));
            } else {
                out.add(StreamPath.of(e == null ? null : e.toString(), size[0], size[1]));
            }
        }
        return List.copyOf(out);
    }

    private static int[] resolution(String text, String key) {
        Matcher m = RESOLUTION.matcher(text);
        if (m.matches()) {
            int w = Integer.parseInt(m.group(1));
            int h = Integer.parseInt(m.group(2));
            if (w >= 16 && h >= 16 && w <= 8192 && h <= 8192 && w % 2 == 0 && h % 2 == 0) {
                return new int[] {w, h};
            }
        }
        throw new IllegalArgumentException("option '" + key + "' must be WIDTHxHEIGHT, even, 16..8192, got '"
                + text + "'");
    }
}
