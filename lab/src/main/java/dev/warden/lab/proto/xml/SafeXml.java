package dev.warden.lab.proto.xml;

import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Parses the small XML messages clients send to the lab (SOAP requests, WS-Discovery probes) with StAX, treating
 * them as hostile: any DOCTYPE is refused (no entity expansion, so no XXE and no billion laughs), and size, depth and
 * element count are bounded. Whatever goes wrong ends in an {@link XmlException}, never in another exception.
 */
public final class SafeXml {
    /** Largest document accepted, in characters. */
    public static final int MAX_CHARS = 64 * 1024;
    private static final int MAX_DEPTH = 32;
    private static final int MAX_ELEMENTS = 2_000;
    private static final XMLInputFactory FACTORY = newFactory();

    private SafeXml() {
    }

    private static XMLInputFactory newFactory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setXMLResolver((publicId, systemId, base, ns) -> {
            throw new XMLStreamException("external resources are not loaded");
        });
        return f;
    }

    /**
     * Parses a whole document into its root element.
     *
     * @throws XmlException when it is empty, too large or deep, not well-formed, or carries a DTD
     */
    public static XmlNode parse(String xml) {
        if (xml == null || xml.isBlank()) {
            throw new XmlException("empty document");
        }
        if (xml.length() > MAX_CHARS) {
            throw new XmlException("document larger than " + MAX_CHARS + " characters");
        }
        XMLStreamReader r = null;
        try {
            r = FACTORY.createXMLStreamReader(new StringReader(xml));
            return read(r);
        } catch (XMLStreamException | RuntimeException e) {
            throw new XmlException(e.getMessage() == null ? e.toString() : firstLine(e.getMessage()));
        } finally {
            close(r);
        }
    }

    private static XmlNode read(XMLStreamReader r) throws XMLStreamException {
        Deque<Builder> open = new ArrayDeque<>();
        XmlNode root = null;
        int elements = 0;
        while (r.hasNext()) {
            int ev = r.next();
            switch (ev) {
                case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE ->
                        throw new XmlException("DTDs and entity references are not accepted");
                case XMLStreamConstants.START_ELEMENT -> {
                    if (++elements > MAX_ELEMENTS || open.size() >= MAX_DEPTH) {
                        throw new XmlException("document too large or too deep");
                    }
                    open.push(new Builder(r, open.isEmpty() ? Map.of() : open.peek().namespaces));
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (!open.isEmpty()) {
                        open.peek().text.append(r.getText());
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    XmlNode done = open.pop().build();
                    if (open.isEmpty()) {
                        root = done;
                    } else {
                        open.peek().children.add(done);
                    }
                }
                default -> {
                    // comments, processing instructions and the document end carry nothing we answer
                }
            }
        }
        if (root == null) {
            throw new XmlException("no root element");
        }
        return root;
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static void close(XMLStreamReader r) {
        if (r != null) {
            try {
                r.close();
            } catch (XMLStreamException ignored) {
                // nothing is held open beyond the string
            }
        }
    }

    private static final class Builder {
        final String ns;
        final String name;
        final Map<String, String> attributes = new HashMap<>();
        final Map<String, String> namespaces;
        final StringBuilder text = new StringBuilder();
        final List<XmlNode> children = new ArrayList<>();

        Builder(XMLStreamReader r, Map<String, String> inherited) {
            ns = r.getNamespaceURI() == null ? "" : r.getNamespaceURI();
            name = r.getLocalName();
            for (int i = 0; i < r.getAttributeCount(); i++) {
                attributes.put(r.getAttributeLocalName(i), r.getAttributeValue(i));
            }
            if (r.getNamespaceCount() == 0) {
                namespaces = inherited;
            } else {
                Map<String, String> m = new HashMap<>(inherited);
                for (int i = 0; i < r.getNamespaceCount(); i++) {
                    String p = r.getNamespacePrefix(i);
                    m.put(p == null ? "" : p, r.getNamespaceURI(i));
                }
                namespaces = Map.copyOf(m);
            }
        }

        XmlNode build() {
            if (text.length() > SafeXml.MAX_CHARS) {
                throw new XmlException("text too long");
            }
            return new XmlNode(ns, name, Map.copyOf(attributes), text.toString().trim(), List.copyOf(children), namespaces);
        }
    }
}
