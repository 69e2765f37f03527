package dev.warden.lab.proto.wsd;

import static dev.warden.lab.proto.xml.Xml.escape;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What one device answers to WS-Discovery probes: whether a probe matches its types and scopes (WS-Discovery 2005/04
 * matching rules: every requested type must be one of ours, every requested scope must match one of ours), and the
 * ProbeMatches message it sends back.
 *
 * @param uuid   the device's endpoint UUID (stable)
 * @param types  our types as {@code prefix:local}, with the prefixes of {@link #PREFIXES}
 * @param scopes our scopes
 * @param xaddr  the device service URL
 */
record ProbeMatcher(String uuid, List<String> types, List<String> scopes, String xaddr) {
    /** The type prefixes profiles may use, and the ONVIF namespaces they stand for. */
    static final Map<String, String> PREFIXES = Map.of(
            "dn", "http://www.onvif.org/ver10/network/wsdl",
            "tds", "http://www.onvif.org/ver10/device/wsdl");
    private static final String RFC3986 = Probe.DISCOVERY + "/rfc3986";
    private static final String STRCMP = Probe.DISCOVERY + "/strcmp0";

    boolean matches(Probe p) {
        Set<String> ours = Set.copyOf(types.stream().map(ProbeMatcher::expand).toList());
        if (!ours.containsAll(p.types())) {
            return false;
        }
        if (p.matchBy() != null && !p.matchBy().equals(RFC3986) && !p.matchBy().equals(STRCMP)) {
            return false; // an unsupported matching rule matches nothing
        }
        boolean exact = STRCMP.equals(p.matchBy());
        for (String wanted : p.scopes()) {
            if (scopes.stream().noneMatch(s -> exact ? s.equals(wanted) : segmentPrefix(wanted, s))) {
                return false;
            }
        }
        return true;
    }

    /** RFC 3986 matching: the probe scope is the whole scope or a prefix of it ending at a path segment. */
    private static boolean segmentPrefix(String wanted, String scope) {
        String w = wanted.endsWith("/") ? wanted.substring(0, wanted.length() - 1) : wanted;
        return scope.equalsIgnoreCase(w) || scope.regionMatches(true, 0, w + "/", 0, w.length() + 1);
    }

    static String expand(String qname) {
        int colon = qname.indexOf(':');
        return "{" + PREFIXES.get(qname.substring(0, colon)) + "}" + qname.substring(colon + 1);
    }

    /** The ProbeMatches envelope answering a probe. */
    String probeMatches(Probe p, long instanceId, long messageNumber) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<env:Envelope xmlns:env=\"" + Probe.SOAP + "\" xmlns:wsa=\"" + Probe.ADDRESSING + "\""
                + " xmlns:d=\"" + Probe.DISCOVERY + "\" xmlns:dn=\"" + PREFIXES.get("dn") + "\""
                + " xmlns:tds=\"" + PREFIXES.get("tds") + "\"><env:Header>"
                + "<wsa:MessageID>urn:uuid:" + UUID.randomUUID() + "</wsa:MessageID>"
                + "<wsa:RelatesTo>" + escape(p.messageId()) + "</wsa:RelatesTo>"
                + "<wsa:To env:mustUnderstand=\"true\">" + Probe.ADDRESSING + "/role/anonymous</wsa:To>"
                + "<wsa:Action env:mustUnderstand=\"true\">" + Probe.DISCOVERY + "/ProbeMatches</wsa:Action>"
                + "<d:AppSequence InstanceId=\"" + instanceId + "\" MessageNumber=\"" + messageNumber + "\"/>"
                + "</env:Header><env:Body><d:ProbeMatches><d:ProbeMatch>"
                + "<wsa:EndpointReference><wsa:Address>urn:uuid:" + uuid + "</wsa:Address></wsa:EndpointReference>"
                + "<d:Types>" + String.join(" ", types) + "</d:Types>"
                + "<d:Scopes>" + escape(String.join(" ", scopes)) + "</d:Scopes>"
                + "<d:XAddrs>" + escape(xaddr) + "</d:XAddrs>"
                + "<d:MetadataVersion>1</d:MetadataVersion></d:ProbeMatch></d:ProbeMatches></env:Body></env:Envelope>\n";
    }
}
