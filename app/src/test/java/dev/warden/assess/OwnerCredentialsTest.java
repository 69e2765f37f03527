package dev.warden.assess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OwnerCredentialsTest {
    private static OwnerCredentials parse(String yaml) {
        return OwnerCredentials.parse("creds.yaml", yaml.getBytes(StandardCharsets.UTF_8), Map.of("CAM_PW", "Secr3t!")::get);
    }

    @Test
    void resolvesReferencesAndNeverPrintsThePassword() {
        OwnerCredentials c = parse("credentials:\n  - {ip: 127.77.190.11, user: viewer, password: \"env:CAM_PW\"}\n");
        assertThat(c.forDevice("127.77.190.11")).hasValueSatisfying(cred -> {
            assertThat(cred.password()).isEqualTo("Secr3t!");
            assertThat(cred.toString()).isEqualTo("viewer/****");
        });
        assertThat(c.forDevice("127.77.190.12")).isEmpty();
    }

    @Test
    void aBadFileNamesTheFieldAndNeverEchoesASecret() {
        assertThatThrownBy(() -> parse("credentials:\n  - {ip: 127.77.190.11, user: viewer, password: Secr3t!}\n"))
                .hasMessageStartingWith("creds.yaml: credentials[0].password: a secret reference must be env:NAME or file:PATH")
                .hasMessageNotContaining("Secr3t!");
        assertThatThrownBy(() -> parse("credentials:\n  - {ip: camera.local, user: viewer, password: \"env:CAM_PW\"}\n"))
                .hasMessage("creds.yaml: credentials[0].ip: an IPv4 or IPv6 address is required");
        assertThatThrownBy(() -> parse("credentials:\n  - {ip: 127.77.190.11, password: \"env:CAM_PW\"}\n"))
                .hasMessage("creds.yaml: credentials[0].user: missing");
        assertThatThrownBy(() -> parse("credentials:\n  - {ip: 127.77.190.11, user: a, password: \"env:NOPE\"}\n"))
                .hasMessageContaining("credentials[0].password").hasMessageContaining("not set");
        assertThatThrownBy(() -> parse("credentials:\n  - {ip: 127.77.190.11, user: a, password: \"env:CAM_PW\"}\n"
                + "  - {ip: 127.77.190.11, user: b, password: \"env:CAM_PW\"}\n")).hasMessageContaining("listed twice");
        assertThatThrownBy(() -> parse("credentals: []\n")).hasMessageStartingWith("creds.yaml");
        assertThatThrownBy(() -> OwnerCredentials.parse("big.yaml", new byte[OwnerCredentials.MAX_BYTES + 1], k -> null))
                .hasMessageContaining("larger than");
    }
}
