package dev.warden.watch.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.watch.decode.PacketView;
import dev.warden.watch.flow.EndReason;
import dev.warden.watch.flow.FlowEvent;
import dev.warden.watch.flow.IpAddress;
import dev.warden.watch.flow.TcpState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The port-scan rule of {@link ScanDetector}: half-open SYNs to many ports alert; completed handshakes never do. */
class PortScanTest {
    private static final IpAddress SCANNER = IpAddress.parse("192.168.1.50");
    private static final IpAddress TARGET = IpAddress.parse("192.168.1.1");

    private static FlowEvent syn(int port, long t, int clientFlags) {
        return new FlowEvent(4, PacketView.PROTO_TCP, SCANNER.high(), SCANNER.low(), 40000, TARGET.high(),
                TARGET.low(), port, t, t, 1, 60, 1, 40, clientFlags, PacketView.TCP_RST | PacketView.TCP_ACK,
                TcpState.CLOSED, true, false, EndReason.EXTERNAL);
    }

    private static List<Alert> feed(ScanDetector d, int ports, long step, int clientFlags) {
        List<Alert> alerts = new ArrayList<>();
        for (int i = 0; i < ports; i++) {
            d.check(syn(1000 + i, i * step, clientFlags)).ifPresent(alerts::add);
        }
        return alerts;
    }

    private static ScanDetector detector() {
        return new ScanDetector(ScanRules.load(), LocalNetworks.of(List.of("192.168.0.0/16")));
    }

    @Test
    void halfOpenSynsToFiftyPortsAreOnePortScan() {
        List<Alert> alerts = feed(detector(), 100, 10_000_000L, PacketView.TCP_SYN | PacketView.TCP_RST);
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.host()).isEqualTo("192.168.1.50");
            assertThat(a.kind()).isEqualTo("scan");
            assertThat(a.evidence()).startsWith("half-open SYNs (no ACK from the host) to 50 distinct ports of 1 "
                    + "addresses within 0.5 s");
            assertThat(a.peers()).containsExactly("192.168.1.1");
        });
    }

    @Test
    void completedHandshakesSlowProbesAndTheRuleOffNeverAlert() {
        assertThat(feed(detector(), 100, 10_000_000L, PacketView.TCP_SYN | PacketView.TCP_ACK)).isEmpty();
        assertThat(feed(detector(), 100, 2_000_000_000L, PacketView.TCP_SYN)).isEmpty();   // 30 ports per 60 s window
        ScanDetector off = new ScanDetector(ScanRules.parse("t", "minPorts: 0\n".getBytes()),
                LocalNetworks.of(List.of("192.168.0.0/16")));
        assertThat(feed(off, 100, 10_000_000L, PacketView.TCP_SYN)).isEmpty();
    }
}
