package dev.warden.lab.proto.upnp;

import dev.warden.lab.proto.xml.Xml;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * SOAP 1.1 envelopes as miniupnpd writes them: action responses in the service namespace and UPnPError faults
 * (HTTP 500, {@code s:Client}, {@code UPnPError} with errorCode and errorDescription). Every answer carries the
 * empty {@code EXT} header UPnP requires.
 */
final class UpnpSoap {
    static final String CONTENT_TYPE = "text/xml; charset=\"utf-8\"";
    private static final String OPEN = "<?xml version=\"1.0\"?>\r\n<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\""
            + " s:encodingStyle=\"http://schemas.xmlsoap.org/soap/encoding/\"><s:Body>";
    private static final String CLOSE = "</s:Body></s:Envelope>\r\n";

    private UpnpSoap() {
    }

    /** {@code <u:ActionResponse>} with already-escaped argument elements. */
    static FullHttpResponse ok(String serviceType, String action, String args) {
        return withExt(Xml.response(HttpResponseStatus.OK, CONTENT_TYPE, OPEN + "<u:" + action + "Response xmlns:u=\""
                + serviceType + "\">" + args + "</u:" + action + "Response>" + CLOSE));
    }

    /** One output argument, value escaped. */
    static String arg(String name, Object value) {
        return "<" + name + ">" + Xml.escape(String.valueOf(value)) + "</" + name + ">";
    }

    /** A UPnPError fault: 401 Invalid Action, 402 Invalid Args, 606 Action not authorized, 713, 714... */
    static FullHttpResponse error(int code, String description) {
        return withExt(Xml.response(HttpResponseStatus.INTERNAL_SERVER_ERROR, CONTENT_TYPE, OPEN
                + "<s:Fault><faultcode>s:Client</faultcode><faultstring>UPnPError</faultstring><detail>"
                + "<UPnPError xmlns=\"urn:schemas-upnp-org:control-1-0\"><errorCode>" + code + "</errorCode>"
                + "<errorDescription>" + description + "</errorDescription></UPnPError></detail></s:Fault>" + CLOSE));
    }

    /** A UPnP XML document (description or SCPD) served with GET. */
    static FullHttpResponse document(String xml) {
        return withExt(Xml.response(HttpResponseStatus.OK, CONTENT_TYPE, xml));
    }

    private static FullHttpResponse withExt(FullHttpResponse r) {
        r.headers().set("EXT", "");
        return r;
    }
}
