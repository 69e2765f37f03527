package dev.warden.assess.check;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * What one step got back, as matchers and extractors see it: a status (HTTP/RTSP status, FTP reply code; 0 when the
 * protocol has none), header lines, the body bytes (already capped by the executor) and named text parts a protocol
 * adds ({@code banner}, telnet's {@code status} of {@code shell}, a UPnP mapping's fields). Lives only in memory
 * while a check runs; never stored.
 */
public record Response(int status, List<String> headers, byte[] body, Map<String, String> parts) {
    public Response {
        headers = List.copyOf(headers);
        body = body == null ? new byte[0] : body;
        parts = Map.copyOf(parts);
    }

    /** A response that is only named parts (a UPnP mapping, a telnet dialogue). */
    public static Response ofParts(Map<String, String> parts) {
        return new Response(0, List.of(), new byte[0], parts);
    }

    /** The text of a part; an unknown or absent part is empty. */
    public String text(String part) {
        String named = parts.get(part);
        if (named != null) {
            return named;
        }
        return switch (part) {
            case "status" -> status == 0 ? "" : Integer.toString(status);
            case "header" -> String.join("\n", headers);
            case "body", "banner" -> bodyText();
            case "all" -> headers.isEmpty() ? bodyText() : String.join("\n", headers) + "\n\n" + bodyText();
            default -> "";
        };
    }

    /** The bytes of a part, for binary matchers: the body itself, or a text part's UTF-8. */
    public byte[] bytes(String part) {
        return part.equals("body") && !parts.containsKey("body") ? body : text(part).getBytes(StandardCharsets.UTF_8);
    }

    /** The value of a header (first, case-insensitive name), or null. */
    public String header(String name) {
        for (String line : headers) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }

    private String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
