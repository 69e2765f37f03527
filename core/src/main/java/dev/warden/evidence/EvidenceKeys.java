package dev.warden.evidence;

/**
 * The evidence vocabulary: the keys discovery writes and fingerprint files read. One place, so a fingerprint author
 * knows what exists and a probe author knows what to call a new fact. Keys are lower-case, dotted
 * {@code <protocol>.<field>}; {@code http.path:<path>} carries the start of a vendor page's body.
 */
public final class EvidenceKeys {
    private EvidenceKeys() {
    }

    /** First bytes a TCP service sent unprompted (printable, non-printables as \xNN). */
    public static final String BANNER = "banner";

    public static final String HTTP_STATUS = "http.status";
    public static final String HTTP_SERVER = "http.server";
    public static final String HTTP_TITLE = "http.title";
    /** Realm of a WWW-Authenticate challenge on GET /. */
    public static final String HTTP_REALM = "http.realm";
    /** Basic or Digest. */
    public static final String HTTP_AUTH_SCHEME = "http.auth-scheme";
    public static final String HTTP_LOCATION = "http.location";
    /** Shodan-style MurmurHash3 of the base64 favicon, as a signed decimal. */
    public static final String HTTP_FAVICON_MMH3 = "http.favicon.mmh3";
    public static final String HTTP_FAVICON_MD5 = "http.favicon.md5";
    /** Prefix: {@code http.path:/lg/ENU.xml} holds the start of that page's body when it answered 200. */
    public static final String HTTP_PATH_PREFIX = "http.path:";

    public static final String TLS_SUBJECT = "tls.subject";
    public static final String TLS_ISSUER = "tls.issuer";
    /** SHA-256 of the server certificate's public key (hex): spots keys shared across devices. */
    public static final String TLS_KEY_SHA256 = "tls.key-sha256";

    public static final String RTSP_STATUS = "rtsp.status";
    public static final String RTSP_SERVER = "rtsp.server";
    public static final String RTSP_PUBLIC = "rtsp.public";
    public static final String RTSP_REALM = "rtsp.realm";

    public static final String ONVIF_MANUFACTURER = "onvif.manufacturer";
    public static final String ONVIF_MODEL = "onvif.model";
    public static final String ONVIF_FIRMWARE = "onvif.firmware";
    public static final String ONVIF_SERIAL = "onvif.serial";
    public static final String ONVIF_HARDWARE = "onvif.hardware";
    /** "true" when GetDeviceInformation was refused for want of credentials. */
    public static final String ONVIF_AUTH_REQUIRED = "onvif.auth-required";

    /** WS-Discovery ProbeMatch fields. */
    public static final String WSD_XADDR = "wsd.xaddr";
    public static final String WSD_SCOPES = "wsd.scopes";
    public static final String WSD_TYPES = "wsd.types";

    /** SSDP answer and UPnP device description. */
    public static final String SSDP_SERVER = "ssdp.server";
    public static final String SSDP_LOCATION = "ssdp.location";
    public static final String UPNP_DEVICE_TYPE = "upnp.device-type";
    public static final String UPNP_FRIENDLY_NAME = "upnp.friendly-name";
    public static final String UPNP_MANUFACTURER = "upnp.manufacturer";
    public static final String UPNP_MODEL_NAME = "upnp.model-name";
    public static final String UPNP_MODEL_NUMBER = "upnp.model-number";
    public static final String UPNP_SERIAL = "upnp.serial";

    /** Text a telnet service sent before asking anything (after IAC negotiation), usually its login prompt. */
    public static final String TELNET_BANNER = "telnet.banner";
    public static final String FTP_BANNER = "ftp.banner";
    public static final String SSH_BANNER = "ssh.banner";
}
