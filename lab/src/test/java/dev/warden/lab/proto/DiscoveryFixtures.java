package dev.warden.lab.proto;

import dev.warden.lab.Lab;
import dev.warden.lab.config.DeviceEntry;
import dev.warden.lab.config.FleetBuilder;
import dev.warden.lab.device.SimDevice;
import dev.warden.lab.profile.ProfileCatalog;
import dev.warden.lab.profile.ServiceSpec;
import dev.warden.lab.proto.http.HttpExchange;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Test devices and HTTP exchanges for the discovery protocols (addresses in 127.77.241.0/24). */
public final class DiscoveryFixtures {
    public static final ProfileCatalog CATALOG = ProfileCatalog.load(List.of(Path.of("src/test/resources/profiles-discovery")));

    private DiscoveryFixtures() {
    }

    /** A camera (firmware null = the first: no ONVIF auth, leaky) at 127.77.241.x. */
    public static SimDevice camera(String firmware, int host) {
        return new FleetBuilder(CATALOG).build(List.of(entry("cam" + host, "test-discovery-cam", host, firmware, List.of()))).get(0);
    }

    /** A router at 127.77.241.x forwarding two ports to a camera at 127.77.241.(x+1). */
    public static SimDevice router(int host) {
        List<SimDevice> devs = new FleetBuilder(CATALOG).build(List.of(
                entry("router", "test-discovery-router", host, null, List.of(
                        new DeviceEntry.PortMappingEntry(8081, "TCP", "cam", 88, "Opticam i5 HD"),
                        new DeviceEntry.PortMappingEntry(10554, "TCP", "cam", 554, "IPCAM RTSP"))),
                entry("cam", "test-discovery-cam", host + 1, null, List.of())));
        return devs.get(0);
    }

    /**
     * Starts a lab with a camera at 127.77.241.{camHost} and a router at 127.77.241.{routerHost} whose UPnP table
     * forwards 8081 to the camera's port 88; the caller closes it.
     */
    public static Lab startLab(int camHost, String camFirmware, int routerHost) {
        return Lab.start(CATALOG, new FleetBuilder(CATALOG).build(List.of(
                entry("cam", "test-discovery-cam", camHost, camFirmware, List.of()),
                entry("router", "test-discovery-router", routerHost, null,
                        List.of(new DeviceEntry.PortMappingEntry(8081, "TCP", "cam", 88, "Opticam i5 HD"))))), 1);
    }

    public static DeviceEntry entry(String name, String profile, int host, String firmware,
                                    List<DeviceEntry.PortMappingEntry> maps) {
        return new DeviceEntry(name, profile, "127.77.241." + host, firmware, null, null, maps);
    }

    /** A request to an http service on the given port serving the named app. */
    public static HttpExchange exchange(SimDevice d, int port, String app, HttpMethod method, String uri, String body,
                                        Map<String, String> headers) {
        FullHttpRequest req = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method, uri,
                Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
        headers.forEach((k, v) -> req.headers().set(k, v));
        ServiceSpec spec = new ServiceSpec(port, "http", false, null, Map.of("apps", List.of(app)));
        try {
            return new HttpExchange(req, d, spec, InetAddress.getByName("127.77.241.250"), false);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String body(FullHttpResponse r) {
        try {
            return r.content().toString(StandardCharsets.UTF_8);
        } finally {
            r.release();
        }
    }

    /** Hostile or broken XML a client might send: XXE, billion laughs, truncated, not XML at all, empty. */
    public static final List<String> HOSTILE_XML = List.of(
            "<?xml version=\"1.0\"?><!DOCTYPE e [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                    + "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Body>&x;</s:Body></s:Envelope>",
            "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
                    + "<!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">"
                    + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]><lolz>&lol3;</lolz>",
            "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Body><GetDeviceInformation xmlns=\"http://www.onvif.org/ver10/device/wsdl\">",
            "GET / HTTP/1.0\r\n\r\n\u0000\u00ff",
            "",
            "<a>" + "<b>".repeat(100) + "</b>".repeat(100) + "</a>");
}
