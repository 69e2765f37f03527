package dev.warden.discover;

import dev.warden.scope.ScopeException;
import dev.warden.scope.TargetException;
import dev.warden.scope.Targets;
import dev.warden.scope.Scope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.evidence.HostEvidence;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TargetsTest {
    private static List<String> text(Targets t) {
        return t.hosts().stream().map(InetAddress::getHostAddress).toList();
    }

    @Test
    void addressesCidrsAndRangesExpandInOrderWithoutDuplicates() {
        assertThat(text(Targets.parse("127.77.210.5"))).containsExactly("127.77.210.5");
        assertThat(text(Targets.parse("127.77.210.0/30"))).containsExactly("127.77.210.0", "127.77.210.1",
                "127.77.210.2", "127.77.210.3");
        assertThat(text(Targets.parse("127.77.210.1-3, 127.77.210.2"))).containsExactly("127.77.210.1",
                "127.77.210.2", "127.77.210.3");
        assertThat(Targets.parse("127.77.0.250-127.77.1.4").size()).isEqualTo(11);
        assertThat(Targets.parse("127.77.0.0/24").size()).isEqualTo(256);
        assertThat(text(Targets.parse(List.of("127.77.210.9 127.77.210.7")))).containsExactly("127.77.210.9", "127.77.210.7");
    }

    @Test
    void badSpecsFailNamingTheSpec() {
        assertThatThrownBy(() -> Targets.parse("127.77.210.256")).isInstanceOf(TargetException.class)
                .hasMessageContaining("'127.77.210.256'");
        assertThatThrownBy(() -> Targets.parse("camera.local")).hasMessageContaining("names are not resolved");
        assertThatThrownBy(() -> Targets.parse("127.77.210.9-3")).hasMessageContaining("ends before it starts");
        assertThatThrownBy(() -> Targets.parse("127.77.210.1-300")).hasMessageContaining("not an octet");
        assertThatThrownBy(() -> Targets.parse("127.77.210.0/33")).hasMessageContaining("prefix length");
        assertThatThrownBy(() -> Targets.parse("::1")).hasMessageContaining("IPv6 is not supported");
        assertThatThrownBy(() -> Targets.parse(" , ")).hasMessageContaining("no targets");
    }

    @Test
    void expansionIsCapped() {
        assertThat(Targets.parse("10.0.0.0/16").size()).isEqualTo(Targets.MAX_HOSTS);
        assertThatThrownBy(() -> Targets.parse("10.0.0.0/8")).isInstanceOf(TargetException.class)
                .hasMessageContaining("more than 65536 hosts");
        assertThatThrownBy(() -> Targets.parse("10.0.0.0/16", "10.1.0.0")).hasMessageContaining("'10.1.0.0'");
    }

    @Test
    void defaultScopeIsLoopbackOnly() {
        Scope s = DiscoveryOptions.defaults().scope();
        assertThat(s.allows(Targets.parse("127.77.210.1").hosts().get(0))).isTrue();
        assertThat(s.allows(Targets.parse("192.168.1.10").hosts().get(0))).isFalse();
        assertThatThrownBy(() -> Scope.parse(List.of("10.0.0.0/xx"))).hasMessageContaining("scope '10.0.0.0/xx'");
    }

    @Test
    void aTargetOutsideTheScopeRefusesTheWholeScanBeforeAnyPacket() {
        DiscoveryEngine engine = new DiscoveryEngine(DiscoveryOptions.defaults()
                .withScope(Scope.parse(List.of("127.77.210.0/24"))));
        List<HostEvidence> seen = new ArrayList<>();
        List<Integer> progress = new ArrayList<>();
        assertThatThrownBy(() -> engine.scan(Targets.parse("127.77.210.1", "127.77.211.1", "192.168.1.10"), seen::add,
                (done, total) -> progress.add(done)))
                .isInstanceOf(ScopeException.class)
                .hasMessageContaining("2 target(s) outside the scope [127.77.210.0/24]")
                .hasMessageContaining("127.77.211.1, 192.168.1.10")
                .hasMessageContaining("nothing was sent");
        assertThat(seen).isEmpty();
        assertThat(progress).isEmpty();
        assertThatThrownBy(() -> new DiscoveryEngine(DiscoveryOptions.defaults()).stream(Targets.parse("10.1.2.3"),
                ProgressListener.NONE)).isInstanceOf(ScopeException.class).hasMessageContaining("[127.0.0.0/8]");
    }
}
