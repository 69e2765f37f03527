package dev.warden.lab.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.lab.LabException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileCatalogTest {
    @TempDir
    Path dir;

    @Test
    void builtInProfilesLoadAndCoverTheFamiliesTheLabPromises() {
        ProfileCatalog c = ProfileCatalog.load();
        assertThat(c.profiles()).extracting(Profile::id).contains(
                "foscam-fi9821p", "foscam-fi9826p", "foscam-c2", "opticam-i5", "hikvision-ds-2cd2032-i",
                "dahua-ipc-hdw", "xiongmai-dvr", "netwave-ipcam", "axis-m3045-v", "home-router", "linux-host");
        for (Profile p : c.profiles()) {
            assertThat(p.services()).as(p.id()).isNotEmpty();
            for (ServiceSpec s : p.services()) {
                assertThat(c.protocol(s.protocol())).as(p.id() + " port " + s.port()).isNotNull();
            }
        }
    }

    @Test
    void hardenedProfilesPlantNothing() {
        ProfileCatalog c = ProfileCatalog.load();
        for (String id : List.of("axis-m3045-v", "linux-host")) {
            assertThat(c.profile(id).firmware()).allSatisfy(f -> assertThat(f.weaknesses()).isEmpty());
        }
    }

    @Test
    void unknownProfileNamesTheKnownOnes() {
        assertThatThrownBy(() -> ProfileCatalog.load().profile("foscam-nonexistent"))
                .isInstanceOf(LabException.class)
                .hasMessageContaining("unknown profile 'foscam-nonexistent'")
                .hasMessageContaining("foscam-c2");
    }

    @Test
    void unknownProtocolIsRejectedAtLoad() throws IOException {
        write("bad-proto", "services:\n  - {port: 80, protocol: gopher}\n");
        assertThatThrownBy(() -> ProfileCatalog.load(List.of(dir)))
                .isInstanceOf(LabException.class).hasMessageContaining("unknown protocol 'gopher'");
    }

    @Test
    void unknownWeaknessIsRejectedAtLoad() throws IOException {
        write("bad-weak", "services:\n  - {port: 22, protocol: banner}\n", "made-up-weakness");
        assertThatThrownBy(() -> ProfileCatalog.load(List.of(dir)))
                .isInstanceOf(LabException.class).hasMessageContaining("unknown weakness 'made-up-weakness'");
    }

    @Test
    void duplicatePortIsRejectedAtLoad() throws IOException {
        write("bad-dup", "services:\n  - {port: 22, protocol: banner}\n  - {port: 22, protocol: banner}\n");
        assertThatThrownBy(() -> ProfileCatalog.load(List.of(dir)))
                .isInstanceOf(LabException.class).hasMessageContaining("port 22/tcp is declared twice");
    }

    @Test
    void typoInAFieldIsAnErrorNotASilentDefault() throws IOException {
        write("bad-typo", "servces: []\n");
        assertThatThrownBy(() -> ProfileCatalog.load(List.of(dir)))
                .isInstanceOf(LabException.class).hasMessageContaining("bad-typo.yaml").hasMessageContaining("unknown field 'servces'");
    }

    @Test
    void idMustEqualFileName() throws IOException {
        Files.writeString(dir.resolve("one.yaml"), header("two") + "services: []\n");
        assertThatThrownBy(() -> ProfileCatalog.load(List.of(dir)))
                .isInstanceOf(LabException.class).hasMessageContaining("must equal the file name 'one'");
    }

    private void write(String id, String services, String... weaknesses) throws IOException {
        Files.writeString(dir.resolve(id + ".yaml"), header(id).replace("weaknesses: []",
                "weaknesses: [" + String.join(", ", weaknesses) + "]") + services);
    }

    private static String header(String id) {
        return "id: " + id + "\nvendor: Test\nmodel: T1\nkind: camera\nmac-prefix: \"00:11:22\"\n"
                + "firmware:\n  - {version: \"1.0\", weaknesses: []}\n";
    }
}
