package dev.warden.lab.proto.onvif;

import dev.warden.lab.proto.xml.Xml;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * The SOAP 1.2 envelopes an ONVIF device answers with: namespaces, the response wrapper and the ONVIF faults
 * ({@code ter:NotAuthorized}, {@code ter:ActionNotSupported}, ...) with the HTTP status gSOAP-based cameras use
 * (400 for Sender faults, 500 for Receiver faults).
 */
final class OnvifXml {
    static final String ENV = "http://www.w3.org/2003/05/soap-envelope";
    static final String TDS = "http://www.onvif.org/ver10/device/wsdl";
    static final String TRT = "http://www.onvif.org/ver10/media/wsdl";
    static final String CONTENT_TYPE = "application/soap+xml; charset=utf-8";

    private static final String OPEN = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<env:Envelope xmlns:env=\"" + ENV + "\" xmlns:tt=\"http://www.onvif.org/ver10/schema\""
            + " xmlns:tds=\"" + TDS + "\" xmlns:trt=\"" + TRT + "\" xmlns:ter=\"http://www.onvif.org/ver10/error\">"
            + "<env:Body>";
    private static final String CLOSE = "</env:Body></env:Envelope>\n";

    private OnvifXml() {
    }

    /** 200 with the body element(s) inside an envelope. */
    static FullHttpResponse ok(String bodyXml) {
        return Xml.response(HttpResponseStatus.OK, CONTENT_TYPE, OPEN + bodyXml + CLOSE);
    }

    /** The request lacked valid credentials (or the client is locked out). */
    static FullHttpResponse notAuthorized() {
        return fault(true, "ter:NotAuthorized", null, "Sender not Authorized");
    }

    /** An action this device does not implement (every state-changing one, among others). */
    static FullHttpResponse actionNotSupported() {
        return fault(false, "ter:ActionNotSupported", null, "Optional Action Not Implemented");
    }

    /** The request was not a readable SOAP envelope. */
    static FullHttpResponse notWellFormed() {
        return fault(true, "ter:WellFormed", null, "XML Well-formed violation");
    }

    /** An argument the device cannot use: an unknown profile token, an unsupported category. */
    static FullHttpResponse invalidArg(String detail, String reason) {
        return fault(true, "ter:InvalidArgVal", detail, reason);
    }

    private static FullHttpResponse fault(boolean sender, String subcode, String subsubcode, String reason) {
        String inner = subsubcode == null ? ""
                : "<env:Subcode><env:Value>" + subsubcode + "</env:Value></env:Subcode>";
        String body = "<env:Fault><env:Code><env:Value>" + (sender ? "env:Sender" : "env:Receiver") + "</env:Value>"
                + "<env:Subcode><env:Value>" + subcode + "</env:Value>" + inner + "</env:Subcode></env:Code>"
                + "<env:Reason><env:Text xml:lang=\"en\">" + reason + "</env:Text></env:Reason></env:Fault>";
        return Xml.response(sender ? HttpResponseStatus.BAD_REQUEST : HttpResponseStatus.INTERNAL_SERVER_ERROR,
                CONTENT_TYPE, OPEN + body + CLOSE);
    }
}
