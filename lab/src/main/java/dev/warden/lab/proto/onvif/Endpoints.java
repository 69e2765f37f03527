package dev.warden.lab.proto.onvif;

/**
 * The XAddrs a device advertises for its ONVIF services: the scheme, address and port the request came in on.
 *
 * @param device device management service URL
 * @param media  media service URL
 */
record Endpoints(String device, String media) {
    static Endpoints of(boolean tls, String ip, int port, String mediaPath) {
        String base = (tls ? "https://" : "http://") + ip + ((tls ? port == 443 : port == 80) ? "" : ":" + port);
        return new Endpoints(base + OnvifApp.DEVICE_PATH, base + mediaPath);
    }
}
