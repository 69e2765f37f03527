package dev.warden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.cli.MainTest.Run;
import dev.warden.lab.Lab;
import dev.warden.lab.config.FleetBuilder;
import dev.warden.lab.config.LabConfig;
import dev.warden.lab.device.SimDevice;
import dev.warden.lab.profile.ProfileCatalog;
import dev.warden.model.Advisory;
import dev.warden.model.AdvisoryMatch;
import dev.warden.model.AffectedProduct;
import dev.warden.model.Remedy;
import dev.warden.model.Severity;
import dev.warden.model.Vulnerability;
import dev.warden.notify.Notifier;
import dev.warden.remediation.DuePolicy;
import dev.warden.store.Store;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The remediation loop end to end on one lab camera (a Netwave IP camera on 127.77.180.21, whose firmware an
 * unauthenticated scan reads on old and new firmware alike — a patched Foscam hides it): discovered on vulnerable
 * firmware, matched, tracked and assigned through the CLI; then upgraded in the lab, re-assessed with
 * {@code warden assess}, and verified. Also the owners, sites and notify commands around it.
 */
class RemediationFlowTest {
    private static final String IP = "127.77.180.21";
    private static final String ADVISORY = "WARDEN-TEST-2026-0001";

    @TempDir
    Path tmp;
    Lab lab;

    @BeforeEach
    void up() {
        ProfileCatalog cat = ProfileCatalog.load();
        String yaml = "name: flow\ndevices:\n  - {name: cam, profile: netwave-ipcam, address: " + IP + ", firmware: \"21.37.2.47\"}\n";
        List<SimDevice> devs = new FleetBuilder(cat).build(LabConfig.parse("flow.yaml", yaml.getBytes(StandardCharsets.UTF_8)));
        lab = Lab.start(cat, devs, 1);
    }

    @AfterEach
    void down() {
        lab.close();
    }

    private Run warden(String... args) {
        return MainTest.runIn(tmp, args);
    }

    private List<JsonNode> jsonLines(Run r) {
        assertThat(r.code()).as(r.err()).isZero();
        return r.out().lines().map(l -> InventoryCommandTest.JSON.readTree(l)).toList();
    }

    @Test
    void anUpgradedAndReassessedDeviceIsVerified() {
        assertThat(warden("discover", IP).code()).isZero();
        assertThat(warden("sites", "add", "shop", "127.77.180.0/24").code()).isZero();
        assertThat(warden("owners", "add", "alice", "--email", "alice@example.org", "--webhook", "https://127.77.180.9/hook",
                "--webhook-secret", "env:ALICE_HOOK_SECRET", "--digest").code()).isZero();
        assertThat(warden("owners", "assign", "alice", "--site", "shop").code()).isZero();
        assertThat(jsonLines(warden("owners", "list", "--json"))).singleElement().satisfies(o -> {
            assertThat(o.get("webhook_secret_ref").asString()).isEqualTo("env:ALICE_HOOK_SECRET");
            assertThat(o.get("assigned").get(0).asString()).isEqualTo("site:shop");
        });

        Remedy fix = new Remedy(Remedy.Category.VENDOR_FIX, "Update the firmware.", null, Set.of("P1"), "21.37.2.49");
        Advisory a = new Advisory(ADVISORY, "1", "Default admin password on Netwave cameras", "Warden", Instant.now(), null,
                List.of(new AffectedProduct("P1", "Netwave", List.of("IP Camera"), null, "< 21.37.2.49", AffectedProduct.ProductStatus.AFFECTED)),
                List.of(new Vulnerability("CVE-2018-19063", "Blank admin password", Severity.CRITICAL, 9.8, List.of(fix), null)));
        try (Store store = Store.open("jdbc:sqlite:" + tmp.resolve("warden.db"))) {
            Notifier.Result r = new Notifier(store, DuePolicy.load(), Clock.systemUTC()).onMatches(a, List.of(new AdvisoryMatch(
                    ADVISORY, "1", "CVE-2018-19063", IP, "P1", 1.0, List.of("model IP Camera"), Severity.CRITICAL, fix)));
            assertThat(r.queued()).isEqualTo(2);
        }
        assertThat(jsonLines(warden("notify", "--list", "--json"))).hasSize(2)
                .allSatisfy(n -> assertThat(n.get("status").asString()).isEqualTo("pending"));
        assertThat(warden("remediation", "set", IP, ADVISORY, "in_progress").code()).isZero();
        Run bad = warden("remediation", "set", IP, ADVISORY, "verified");
        assertThat(bad.code()).isEqualTo(ExitCode.BAD_CONFIG);
        assertThat(bad.err()).contains("only by a re-assessment");

        assertThat(warden("assess", IP).code()).isZero(); // still the old firmware: nothing verified
        assertThat(jsonLines(warden("remediation", "list", "--json"))).singleElement()
                .satisfies(i -> assertThat(i.get("state").asString()).isEqualTo("in_progress"));

        lab.upgrade("cam", "21.37.2.49");
        Run assess = warden("assess", IP);
        assertThat(assess.code()).as(assess.err()).isZero();
        assertThat(jsonLines(warden("remediation", "--json"))).singleElement().satisfies(i -> {
            assertThat(i.get("state").asString()).isEqualTo("verified");
            assertThat(i.get("verified_at").isNull()).isFalse();
            assertThat(i.get("action").asString()).isEqualTo("Update to firmware 21.37.2.49 (or later).");
        });
        assertThat(warden("remediation", "--overdue", "--json").out()).isEmpty();
    }
}
