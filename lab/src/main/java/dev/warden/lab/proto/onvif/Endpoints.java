package dev.warden.lab.proto.onvif;

/**
 * The XAddrs a device advertises for its ONVIF services: the scheme, address and port the request came in on.
 *
 * @param device device management service URL
 * @param media  media service URL
 */
public record Endpoints(String device, String media) {
    static Endpoints of(boolean tls, String ip, int port, String mediaPath) {
        String base = base(tls, ip, port);
        return new Endpoints(base + OnvifApp.DEVICE_PATH, base + mediaPath);
    }

    /** The device management service URL on a port, the default port left out as devices do. */
    public static String deviceService(boolean tls, String ip, int port) {
        return base(tls, ip, port) + OnvifApp.DEVICE_PATH;
    }

    private static String base(boolean tls, String ip, int port) {
        return (tls ? "https://" : "http://") + ip + ((tls ? port == 443 : port == 80) ? "" : ":" + port);
    }
}
