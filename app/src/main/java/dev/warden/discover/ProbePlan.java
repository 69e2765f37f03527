package dev.warden.discover;

import dev.warden.discover.probe.VendorPath;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Discovery's knowledge, kept as data in {@code content/discover/probes.yaml}: the default TCP ports with the protocol
 * to speak on each, and the vendor pages worth a GET. Validated on load; a bad file fails with its name and the
 * field at fault.
 *
 * @param tcpPorts  port → protocol, ascending; these are the ports scanned when the user names none
 * @param httpPaths vendor pages, in file order
 */
public record ProbePlan(SortedMap<Integer, PortProtocol> tcpPorts, List<VendorPath> httpPaths) {
    /** Where the default plan lives on the class path. */
    public static final String RESOURCE = "content/discover/probes.yaml";
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Set<String> TOP = Set.of("tcp-ports", "http-paths");
    private static final Set<String> PATH_FIELDS = Set.of("path", "ports", "when");

    public ProbePlan {
        tcpPorts = Collections.unmodifiableSortedMap(new TreeMap<>(tcpPorts));
        httpPaths = List.copyOf(httpPaths);
    }

    /** The plan shipped with Warden. */
    public static ProbePlan load() {
        try (InputStream in = ProbePlan.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            return parse(RESOURCE, in);
        } catch (IOException e) {
            throw new IllegalStateException(RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /** How to talk to a port: the plan's choice, or {@code AUTO} for a port the plan does not know. */
    public PortProtocol protocol(int port) {
        return tcpPorts.getOrDefault(port, PortProtocol.AUTO);
    }

    /** Parses and validates a plan; {@code source} names the file in errors. */
    public static ProbePlan parse(String source, InputStream in) {
        JsonNode root;
        try {
            root = YAML.readTree(in);
        } catch (JacksonException e) {
            throw new PlanException(source + ": not valid YAML: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new PlanException(source + ": expected a mapping with tcp-ports and http-paths");
        }
        known(source, "", root, TOP);
        return new ProbePlan(ports(source, root.get("tcp-ports")), paths(source, root.get("http-paths")));
    }

    private static SortedMap<Integer, PortProtocol> ports(String source, JsonNode node) {
        if (node == null || !node.isObject() || node.isEmpty()) {
            throw new PlanException(source + ": tcp-ports: expected a mapping port → protocol");
        }
        SortedMap<Integer, PortProtocol> out = new TreeMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String at = source + ": tcp-ports." + e.getKey();
            int port = port(e.getKey(), at);
            PortProtocol p = e.getValue().isString() ? PortProtocol.fromWire(e.getValue().asString()) : null;
            if (p == null) {
                throw new PlanException(at + ": protocol must be one of "
                        + Arrays.stream(PortProtocol.values()).map(PortProtocol::wireName).toList());
            }
            out.put(port, p);
        }
        return out;
    }

    private static List<VendorPath> paths(String source, JsonNode node) {
        if (node == null) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new PlanException(source + ": http-paths: expected a list");
        }
        List<VendorPath> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String at = source + ": http-paths[" + i + "]";
            JsonNode entry = node.get(i);
            if (!entry.isObject()) {
                throw new PlanException(at + ": expected a mapping with path, ports, when");
            }
            known(source, "http-paths[" + i + "].", entry, PATH_FIELDS);
            JsonNode path = entry.get("path");
            if (path == null || !path.isString() || !path.asString().startsWith("/") || path.asString().contains(" ")) {
                throw new PlanException(at + ".path: expected an absolute path such as /lg/ENU.xml");
            }
            Set<Integer> ports = new LinkedHashSet<>();
            JsonNode pn = entry.get("ports");
            if (pn != null) {
                if (!pn.isArray()) {
                    throw new PlanException(at + ".ports: expected a list of ports");
                }
                for (JsonNode p : pn) {
                    ports.add(port(p.asString(), at + ".ports"));
                }
            }
            Map<String, Pattern> when = new LinkedHashMap<>();
            JsonNode wn = entry.get("when");
            if (wn != null) {
                if (!wn.isObject()) {
                    throw new PlanException(at + ".when: expected a mapping evidence key → pattern");
                }
                for (Map.Entry<String, JsonNode> w : wn.properties()) {
                    when.put(w.getKey(), pattern(w.getValue(), at + ".when." + w.getKey()));
                }
            }
            out.add(new VendorPath(path.asString(), ports, when));
        }
        return out;
    }

    private static Pattern pattern(JsonNode node, String at) {
        if (!node.isString()) {
            throw new PlanException(at + ": expected a regular expression");
        }
        try {
            return Pattern.compile(node.asString());
        } catch (PatternSyntaxException e) {
            throw new PlanException(at + ": bad regular expression: " + e.getDescription());
        }
    }

    private static int port(String text, String at) {
        if (!text.matches("\\d{1,5}") || Integer.parseInt(text) < 1 || Integer.parseInt(text) > 65535) {
            throw new PlanException(at + ": '" + text + "' is not a port (1..65535)");
        }
        return Integer.parseInt(text);
    }

    private static void known(String source, String prefix, JsonNode node, Set<String> allowed) {
        for (String name : node.propertyNames()) {
            if (!allowed.contains(name)) {
                throw new PlanException(source + ": " + prefix + name + ": unknown field (expected one of "
                        + allowed.stream().sorted().toList() + ")");
            }
        }
    }

    /** A plan file is wrong; the message names the file and the field. */
    public static final class PlanException extends IllegalStateException {
        PlanException(String message) {
            super(message);
        }
    }
}
