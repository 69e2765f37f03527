package dev.warden.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.warden.model.Severity;
import dev.warden.store.Store;
import dev.warden.watch.detect.Alert;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Alerts stored and folded into incidents, the same on every store backend. Subclasses open a fresh, empty store. */
abstract class IncidentsContract {
    static final long S = 1_000_000_000L;
    static final long T0 = 1_767_607_200L * S;

    Store store;
    Incidents incidents;

    abstract Store openFresh() throws Exception;

    @BeforeEach
    void open() throws Exception {
        store = openFresh();
        incidents = new Incidents(store, Duration.ofMinutes(10));
    }

    @AfterEach
    void close() {
        store.close();
    }

    static Alert alert(long seconds, String host, String kind, Severity severity, Alert.Role role) {
        return new Alert(T0 + seconds * S, host, kind, severity, List.of("203.0.113.7", "203.0.113.8"),
                "evidence for " + kind, Map.of("targets", 64L, "syns", 70L), role);
    }

    @Test
    void alertsRoundTripAndFoldPerDevice() {
        Alert scan = alert(0, "10.0.0.5", "scan", Severity.HIGH, Alert.Role.SOURCE);
        List<Alert> run = List.of(scan,
                alert(120, "10.0.0.5", "c2", Severity.MEDIUM, Alert.Role.SOURCE),
                alert(300, "10.0.0.5", "syn-flood", Severity.CRITICAL, Alert.Role.SOURCE),
                alert(60, "10.0.0.9", "scan", Severity.LOW, Alert.Role.VICTIM),
                alert(1500, "10.0.0.5", "scan", Severity.LOW, Alert.Role.SOURCE)); // 20 min later: a new incident
        assertThat(incidents.record(run, "pcap:a.pcap")).isEqualTo(5);
        assertThat(incidents.record(run, "pcap:a.pcap")).as("the same run again").isZero();

        assertThat(incidents.alerts("10.0.0.5")).hasSize(4).first().isEqualTo(scan);
        assertThat(incidents.alerts("10.0.0.9")).extracting(Alert::role).containsExactly(Alert.Role.VICTIM);

        assertThat(incidents.list(null)).extracting(Incident::id, Incident::host, Incident::firstSeenNanos,
                Incident::lastSeenNanos, Incident::alerts, Incident::kinds, Incident::maxSeverity, Incident::status)
                .containsExactly(
                        tuple(1L, "10.0.0.5", T0, T0 + 300 * S, 3L, List.of("c2", "scan", "syn-flood"),
                                Severity.CRITICAL, Incident.Status.CLOSED),
                        tuple(2L, "10.0.0.5", T0 + 1500 * S, T0 + 1500 * S, 1L, List.of("scan"), Severity.LOW,
                                Incident.Status.OPEN));
        assertThat(incidents.list("10.0.0.9")).as("a victim has no incident").isEmpty();
    }

    @Test
    void aLaterRunExtendsTheOpenIncident() {
        incidents.record(List.of(alert(0, "10.0.0.5", "scan", Severity.HIGH, Alert.Role.SOURCE)), "pcap:a.pcap");
        incidents.record(List.of(alert(400, "10.0.0.5", "scan", Severity.HIGH, Alert.Role.SOURCE),
                alert(450, "10.0.0.6", "c2", Severity.HIGH, Alert.Role.SOURCE)), "pcap:b.pcap");
        assertThat(incidents.list("10.0.0.5")).singleElement().satisfies(i -> {
            assertThat(i.alerts()).isEqualTo(2);
            assertThat(i.lastSeen()).isEqualTo(java.time.Instant.ofEpochSecond(0, T0 + 400 * S));
            assertThat(i.status()).isEqualTo(Incident.Status.OPEN);
        });
        assertThat(incidents.list(null)).hasSize(2);
    }
}
