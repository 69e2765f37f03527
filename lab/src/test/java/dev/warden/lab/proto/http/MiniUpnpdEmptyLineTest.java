package dev.warden.lab.proto.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.lab.Lab;
import dev.warden.lab.config.DeviceEntry;
import dev.warden.lab.config.FleetBuilder;
import dev.warden.lab.profile.ProfileCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The home router's UPnP port (5000) answers an empty request line as miniupnpd does, and real requests as before. */
class MiniUpnpdEmptyLineTest {
    private static final String ROUTER = "127.77.220.204";
    private static Lab lab;

    @BeforeAll
    static void start() {
        ProfileCatalog cat = ProfileCatalog.load();
        lab = Lab.start(cat, new FleetBuilder(cat).build(List.of(
                new DeviceEntry("router", "home-router", ROUTER, null, null, null, List.of()))), 1);
    }

    @AfterAll
    static void stop() {
        lab.close();
    }

    @Test
    void emptyRequestLineGetsTheVersionless501AndAClose() throws IOException {
        String answer = exchange("\r\n\r\n");
        assertThat(answer).isEqualTo(" 501 Not Implemented\r\nContent-Type: text/html\r\nConnection: close\r\n"
                + "Content-Length: " + MiniUpnpdEmptyLine.BODY.length() + "\r\n"
                + "Server: Linux/3.3.8 UPnP/1.1 MiniUPnPd/1.9\r\nExt:\r\n\r\n" + MiniUpnpdEmptyLine.BODY);
    }

    @Test
    void aRealRequestStillReachesTheUpnpApp() throws IOException {
        String answer = exchange("GET /rootDesc.xml HTTP/1.0\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.").contains("200 OK").contains("InternetGatewayDevice");
    }

    /** Sends the bytes and reads until the router closes the connection. */
    private static String exchange(String request) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(ROUTER, 5000), 2000);
            s.setSoTimeout(3000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            InputStream in = s.getInputStream();
            return new String(in.readNBytes(64 * 1024), StandardCharsets.US_ASCII);
        }
    }
}
