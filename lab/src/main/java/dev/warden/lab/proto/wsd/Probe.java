package dev.warden.lab.proto.wsd;

import dev.warden.lab.proto.xml.SafeXml;
import dev.warden.lab.proto.xml.XmlException;
import dev.warden.lab.proto.xml.XmlNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A WS-Discovery (2005/04, as ONVIF uses it) Probe: SOAP 1.2 envelope with a MessageID and a Probe body
 * carrying optional Types (QNames, resolved to {@code {namespace}local}) and Scopes.
 *
 * @param messageId the probe's MessageID, echoed in RelatesTo
 * @param types     requested types as {@code {namespace}local}; empty means any
 * @param scopes    requested scopes; empty means any
 * @param matchBy   the Scopes MatchBy rule URI, or null for the default (RFC 3986)
 */
record Probe(String messageId, List<String> types, List<String> scopes, String matchBy) {
    static final String SOAP = "http://www.w3.org/2003/05/soap-envelope";
    static final String DISCOVERY = "http://schemas.xmlsoap.org/ws/2005/04/discovery";
    static final String ADDRESSING = "http://schemas.xmlsoap.org/ws/2004/08/addressing";

    /** The probe in a datagram, or null when it is not one (another message, garbage, unresolvable QNames). */
    static Probe parse(String text) {
        XmlNode env;
        try {
            env = SafeXml.parse(text);
        } catch (XmlException e) {
            return null;
        }
        XmlNode header = env.child("Header");
        XmlNode body = env.child("Body");
        if (!env.ns().equals(SOAP) || !env.name().equals("Envelope") || header == null || body == null) {
            return null;
        }
        XmlNode probe = body.child("Probe");
        XmlNode id = header.child("MessageID");
        if (probe == null || !probe.ns().equals(DISCOVERY) || id == null || id.text().isEmpty()
                || !(DISCOVERY + "/Probe").equals(header.findText("Action"))) {
            return null;
        }
        List<String> types = new ArrayList<>();
        XmlNode typesNode = probe.child("Types");
        if (typesNode != null) {
            for (String qname : words(typesNode.text())) {
                String resolved = resolve(typesNode, qname);
                if (resolved == null) {
                    return null;
                }
                types.add(resolved);
            }
        }
        XmlNode scopesNode = probe.child("Scopes");
        List<String> scopes = scopesNode == null ? List.of() : words(scopesNode.text());
        String matchBy = scopesNode == null ? null : scopesNode.attributes().get("MatchBy");
        return new Probe(id.text(), List.copyOf(types), scopes, matchBy);
    }

    private static List<String> words(String s) {
        return s.isBlank() ? List.of() : List.of(s.trim().split("\\s+"));
    }

    private static String resolve(XmlNode context, String qname) {
        int colon = qname.indexOf(':');
        String prefix = colon < 0 ? "" : qname.substring(0, colon);
        String ns = context.namespaces().get(prefix);
        return ns == null ? null : "{" + ns + "}" + qname.substring(colon + 1);
    }
}
