package dev.warden.lab.proto.xml;

import java.util.List;
import java.util.Map;

/**
 * One element of a small XML message (a SOAP envelope, a WS-Discovery probe), as {@link SafeXml} parsed it:
 * namespace and local name, attributes by local name, trimmed text and child elements.
 *
 * @param ns         namespace URI, "" when none
 * @param name       local name
 * @param attributes attribute values by local name
 * @param text       the element's own character data, trimmed
 * @param children   child elements in document order
 * @param namespaces prefix → URI bindings in scope here, to resolve QName values such as {@code dn:NetworkVideoTransmitter}
 */
public record XmlNode(String ns, String name, Map<String, String> attributes, String text, List<XmlNode> children,
                      Map<String, String> namespaces) {

    /** The first child with this local name, or null. */
    public XmlNode child(String localName) {
        for (XmlNode c : children) {
            if (c.name.equals(localName)) {
                return c;
            }
        }
        return null;
    }

    /** The first child element of any name, or null. */
    public XmlNode firstChild() {
        return children.isEmpty() ? null : children.get(0);
    }

    /** The first element with this local name at any depth below (this one included), or null. */
    public XmlNode find(String localName) {
        if (name.equals(localName)) {
            return this;
        }
        for (XmlNode c : children) {
            XmlNode hit = c.find(localName);
            if (hit != null) {
                return hit;
            }
        }
        return null;
    }

    /** The text of the first descendant with this local name, or null when there is none. */
    public String findText(String localName) {
        XmlNode n = find(localName);
        return n == null ? null : n.text;
    }
}
