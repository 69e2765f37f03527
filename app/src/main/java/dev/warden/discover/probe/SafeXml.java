package dev.warden.discover.probe;

import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads device XML (WS-Discovery, ONVIF, UPnP) with StAX, DTDs and external entities off, so a hostile document can
 * neither fetch files nor expand entities. Callers want a few leaf values, so it returns the first text of each
 * wanted element by local name (namespaces vary across vendors; local names do not), each capped in length.
 */
final class SafeXml {
    private static final int MAX_TEXT = 4096;
    private static final XMLInputFactory FACTORY = factory();

    private SafeXml() {
    }

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        return f;
    }

    /** First text of each wanted local name present in the document, in document order. */
    static Map<String, String> firstTexts(byte[] xml, Set<String> wanted) throws XMLStreamException {
        Map<String, String> out = new LinkedHashMap<>();
        XMLStreamReader r = FACTORY.createXMLStreamReader(new ByteArrayInputStream(xml));
        try {
            String current = null;
            StringBuilder text = new StringBuilder();
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    String name = r.getLocalName();
                    current = wanted.contains(name) && !out.containsKey(name) ? name : null;
                    text.setLength(0);
                } else if ((ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA) && current != null) {
                    if (text.length() < MAX_TEXT) {
                        text.append(r.getText(), 0, Math.min(r.getTextLength(), MAX_TEXT - text.length()));
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT && current != null) {
                    out.put(current, text.toString().strip());
                    current = null;
                }
            }
            return out;
        } finally {
            r.close();
        }
    }
}
