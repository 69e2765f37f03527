package dev.warden.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.lab.config.FleetBuilder;
import dev.warden.lab.config.LabConfig;
import dev.warden.lab.device.SimDevice;
import dev.warden.lab.profile.ProfileCatalog;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link Lab#upgrade}: a running Foscam FI9826P on 127.77.180.20 moves from 2.11.1.120 to 2.11.1.135. */
class LabUpgradeTest {
    private static final String BASE = "http://127.77.180.20:88";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private Lab lab;

    @BeforeEach
    void up() {
        ProfileCatalog cat = ProfileCatalog.load();
        String yaml = "name: upgrade\ndevices:\n  - {name: cam, profile: foscam-fi9826p, address: 127.77.180.20, firmware: \"2.11.1.120\"}\n";
        List<SimDevice> devs = new FleetBuilder(cat).build(LabConfig.parse("upgrade.yaml", yaml.getBytes(StandardCharsets.UTF_8)));
        lab = Lab.start(cat, devs, 1);
    }

    @AfterEach
    void down() {
        lab.close();
    }

    private static String get(String path) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(BASE + path)).timeout(Duration.ofSeconds(5)).build();
        return HTTP.send(req, HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void theDeviceComesBackAnsweringWithTheNewFirmwareAndItsWeaknesses() throws Exception {
        int listeners = lab.listeners();
        assertThat(get("/rootDesc.xml")).contains("<modelNumber>2.11.1.120</modelNumber>");
        assertThat(get("/cgi-bin/CGIProxy.fcgi?cmd=getDevInfo&usr=admin&pwd=")).contains("<result>0</result>");

        SimDevice now = lab.upgrade("cam", "2.11.1.135");

        assertThat(now.firmware().version()).isEqualTo("2.11.1.135");
        assertThat(now.weaknesses()).doesNotContain("default-credentials-web");
        assertThat(now.serial()).isEqualTo(lab.device("cam").serial());
        assertThat(get("/rootDesc.xml")).contains("<modelNumber>2.11.1.135</modelNumber>");
        assertThat(get("/cgi-bin/CGIProxy.fcgi?cmd=getDevInfo&usr=admin&pwd=")).contains("<result>-2</result>");
        assertThat(lab.listeners()).isEqualTo(listeners);
        assertThat(lab.manifest().devices()).singleElement().satisfies(e -> assertThat(e.firmware()).isEqualTo("2.11.1.135"));
    }

    @Test
    void anUnknownFirmwareOrDeviceIsRefusedAndTheDeviceKeepsRunning() throws Exception {
        assertThatThrownBy(() -> lab.upgrade("cam", "9.9.9")).isInstanceOf(LabException.class)
                .hasMessageContaining("has no firmware '9.9.9'").hasMessageContaining("2.11.1.135");
        assertThatThrownBy(() -> lab.upgrade("nope", "2.11.1.135")).hasMessageContaining("no device named nope");
        assertThat(get("/rootDesc.xml")).contains("<modelNumber>2.11.1.120</modelNumber>");
    }
}
