package dev.warden.lab.proto.rtsp;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.lab.LabException;
import dev.warden.lab.profile.ServiceSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Profiles with bad rtsp options fail to load with a message naming the option. */
class RtspServerValidateTest {
    private final RtspServer server = new RtspServer();

    private static ServiceSpec spec(Object... kv) {
        Map<String, Object> o = new HashMap<>();
        o.put("paths", List.of("/live"));
        for (int i = 0; i < kv.length; i += 2) {
            o.put((String) kv[i], kv[i + 1]);
        }
        return new ServiceSpec(554, "rtsp", false, null, o);
    }

    @Test
    void theBriefsDahuaEntryIsAccepted() {
        assertThatCode(() -> server.validate("p", spec("server", "Dahua Rtsp Server", "realm", "Login to ${serial}",
                "auth", "digest", "paths", List.of("/cam/realmonitor?channel=1&subtype=0",
                        "/cam/realmonitor?channel=1&subtype=1")))).doesNotThrowAnyException();
        assertThatCode(() -> server.validate("p", spec("paths", List.of("/a", Map.of("path", "/b", "resolution", "640x360")),
                "public", List.of("OPTIONS", "DESCRIBE"), "also-basic", "true", "audio", true)))
                .doesNotThrowAnyException();
    }

    @Test
    void badOptionsAreNamed() {
        assertThatThrownBy(() -> server.validate("p", spec("banner", "x")))
                .isInstanceOf(LabException.class).hasMessageContaining("profile p port 554").hasMessageContaining("'banner'");
        assertThatThrownBy(() -> server.validate("p", spec("auth", "ntlm"))).hasMessageContaining("'auth'");
        assertThatThrownBy(() -> server.validate("p", spec("auth", "basic", "also-basic", true))).hasMessageContaining("also-basic");
        assertThatThrownBy(() -> server.validate("p", spec("audio", "yes"))).hasMessageContaining("'audio'");
        assertThatThrownBy(() -> server.validate("p", spec("paths", List.of()))).hasMessageContaining("'paths'");
        assertThatThrownBy(() -> server.validate("p", spec("paths", "/live"))).hasMessageContaining("'paths'");
        assertThatThrownBy(() -> server.validate("p", spec("paths", List.of("live")))).hasMessageContaining("must start with '/'");
        assertThatThrownBy(() -> server.validate("p", spec("paths", List.of(Map.of("path", "/a", "fps", 25)))))
                .hasMessageContaining("'fps'");
        assertThatThrownBy(() -> server.validate("p", spec("resolution", "1080p"))).hasMessageContaining("'resolution'");
        assertThatThrownBy(() -> server.validate("p", spec("public", "OPTIONS, RECORD"))).hasMessageContaining("RECORD");
        assertThatThrownBy(() -> server.validate("p", spec("public", List.of("DESCRIBE")))).hasMessageContaining("OPTIONS");
    }
}
