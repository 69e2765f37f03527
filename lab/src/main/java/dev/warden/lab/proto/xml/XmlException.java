package dev.warden.lab.proto.xml;

/** A client's XML that the lab will not read: malformed, too large, or carrying a DTD. Answered with a fault. */
public final class XmlException extends RuntimeException {
    public XmlException(String message) {
        super(message, null, false, false);
    }
}
