package dev.warden.assess.check;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One request of a check, as the file spells it; which fields mean something depends on the check's protocol
 * (see {@code content/checks/README.md}).
 *
 * @param method      HTTP/RTSP method
 * @param paths       path alternatives, tried in order (http, rtsp, onvif)
 * @param headers     extra request headers
 * @param body        request body (http), or the SOAP body element (onvif)
 * @param auth        how credentials travel
 * @param action      SOAP action URI (onvif)
 * @param send        bytes to send (tcp), or null to read the greeting only
 * @param read        bytes to read at most (tcp)
 * @param shellPrompt what a logged-in telnet prompt looks like
 * @param description UPnP device description path
 * @param extractors  variables for later steps
 */
public record Step(String method, List<String> paths, Map<String, String> headers, String body, Auth auth,
                   String action, byte[] send, int read, Pattern shellPrompt, String description,
                   List<Extractor> extractors) {
    /** How a step sends credentials. */
    public enum Auth { NONE, BASIC, DIGEST, WS_SECURITY }

    public Step {
        paths = List.copyOf(paths);
        headers = Map.copyOf(headers);
        extractors = List.copyOf(extractors);
    }

    static final int DEFAULT_READ = 1024;
    static final int MAX_READ = 65536;
    private static final Set<String> HTTP_METHODS = Set.of("GET", "HEAD", "POST");
    private static final Set<String> RTSP_METHODS = Set.of("OPTIONS", "DESCRIBE");
    private static final Pattern DEFAULT_PROMPT = Pattern.compile("[#$%>]\\s*$");

    /** Whether the step itself carries credentials (a placeholder or an auth scheme). */
    public boolean carriesCredentials() {
        if (auth != Auth.NONE) {
            return true;
        }
        for (String p : paths) {
            if (Template.hasCredential(p)) {
                return true;
            }
        }
        for (String h : headers.values()) {
            if (Template.hasCredential(h)) {
                return true;
            }
        }
        return Template.hasCredential(body)
                || (send != null && Template.hasCredential(new String(send, StandardCharsets.ISO_8859_1)));
    }

    /** Every placeholder the step uses. */
    Set<String> placeholders() {
        Set<String> out = new java.util.LinkedHashSet<>();
        paths.forEach(p -> out.addAll(Template.names(p)));
        headers.values().forEach(h -> out.addAll(Template.names(h)));
        out.addAll(Template.names(body));
        if (send != null) {
            out.addAll(Template.names(new String(send, StandardCharsets.ISO_8859_1)));
        }
        return out;
    }

    static Step read(Fields f, Protocol protocol) {
        String method = f.string("method");
        String path = f.string("path");
        List<String> paths = f.strings("paths");
        Map<String, String> headers = f.stringMap("headers");
        String body = f.string("body");
        String authName = f.string("auth");
        String action = f.string("action");
        String send = f.string("send");
        String sendHex = f.string("send-hex");
        Integer read = f.integer("read");
        Pattern prompt = f.pattern("shell-prompt");
        String description = f.string("description");
        List<Extractor> extractors = f.objects("extractors", e -> Extractor.read(e, protocol));
        f.done();

        boolean web = protocol == Protocol.HTTP || protocol == Protocol.RTSP || protocol == Protocol.ONVIF;
        if (path != null && !paths.isEmpty()) {
            throw f.fieldError("paths", "give path or paths, not both");
        }
        if (path != null) {
            paths = List.of(path);
        }
        if (protocol == Protocol.ONVIF && paths.isEmpty()) {
            paths = List.of("/onvif/device_service");
        }
        requireAbsent(f, !web, "path", path != null || !paths.isEmpty());
        requireAbsent(f, !web, "headers", !headers.isEmpty());
        requireAbsent(f, !web && protocol != Protocol.ONVIF, "auth", authName != null);
        requireAbsent(f, protocol != Protocol.HTTP && protocol != Protocol.ONVIF, "body", body != null);
        requireAbsent(f, protocol != Protocol.HTTP && protocol != Protocol.RTSP, "method", method != null);
        requireAbsent(f, protocol != Protocol.ONVIF, "action", action != null);
        requireAbsent(f, protocol != Protocol.TCP, "send", send != null);
        requireAbsent(f, protocol != Protocol.TCP, "send-hex", sendHex != null);
        requireAbsent(f, protocol != Protocol.TCP, "read", read != null);
        requireAbsent(f, protocol != Protocol.TELNET, "shell-prompt", prompt != null);
        requireAbsent(f, protocol != Protocol.UPNP, "description", description != null);

        if (web && paths.isEmpty()) {
            throw f.fieldError("path", "required for " + protocol.wireName());
        }
        for (int i = 0; i < paths.size(); i++) {
            if (!paths.get(i).startsWith("/")) {
                throw f.fieldError(path != null ? "path" : "paths[" + i + "]", "a path starts with '/'");
            }
        }
        if (protocol == Protocol.HTTP) {
            method = method == null ? "GET" : method.toUpperCase(java.util.Locale.ROOT);
            if (!HTTP_METHODS.contains(method)) {
                throw f.fieldError("method", "checks are read-only: GET, HEAD or POST, not " + method);
            }
        } else if (protocol == Protocol.RTSP) {
            method = method == null ? "DESCRIBE" : method.toUpperCase(java.util.Locale.ROOT);
            if (!RTSP_METHODS.contains(method)) {
                throw f.fieldError("method", "checks never set up or play a stream: OPTIONS or DESCRIBE, not " + method);
            }
        } else if (protocol == Protocol.ONVIF) {
            method = "POST";
            if (action == null || body == null) {
                throw f.fieldError(action == null ? "action" : "body", "required for onvif");
            }
            String op = action.substring(action.lastIndexOf('/') + 1);
            if (!op.startsWith("Get")) {
                throw f.fieldError("action", "checks only read: an ONVIF Get… operation, not " + op);
            }
        }
        Auth auth = Auth.NONE;
        if (authName != null) {
            auth = switch (authName) {
                case "none" -> Auth.NONE;
                case "basic" -> protocol == Protocol.ONVIF ? null : Auth.BASIC;
                case "digest" -> protocol == Protocol.ONVIF ? null : Auth.DIGEST;
                case "ws-security" -> protocol == Protocol.ONVIF ? Auth.WS_SECURITY : null;
                default -> null;
            };
            if (auth == null) {
                throw f.fieldError("auth", "unknown auth '" + authName + "' for " + protocol.wireName()
                        + (protocol == Protocol.ONVIF ? " (none or ws-security)" : " (none, basic or digest)"));
            }
        }
        byte[] sendBytes = null;
        if (send != null && sendHex != null) {
            throw f.fieldError("send-hex", "give send or send-hex, not both");
        }
        if (send != null) {
            sendBytes = send.getBytes(StandardCharsets.ISO_8859_1);
        } else if (sendHex != null) {
            try {
                sendBytes = HexFormat.of().parseHex(sendHex.replace(" ", ""));
            } catch (IllegalArgumentException e) {
                throw f.fieldError("send-hex", "expected hex bytes");
            }
        }
        int readBytes = read == null ? DEFAULT_READ : read;
        if (readBytes < 1 || readBytes > MAX_READ) {
            throw f.fieldError("read", "expected 1.." + MAX_READ);
        }
        Pattern shell = prompt == null ? DEFAULT_PROMPT : prompt;
        if (protocol == Protocol.UPNP && description == null) {
            description = "/rootDesc.xml";
        }
        return new Step(method, paths, headers, body, auth, action, sendBytes, readBytes, shell, description, extractors);
    }

    private static void requireAbsent(Fields f, boolean forbidden, String field, boolean present) {
        if (forbidden && present) {
            throw f.fieldError(field, "not a field of this protocol's steps");
        }
    }
}
