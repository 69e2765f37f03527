package dev.warden.assess;

import dev.warden.scope.Scope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScopeAndBudgetTest {
    @Test
    void scopeIsAnAllowListOfBlocks() {
        Scope s = Scope.parse("127.77.213.0/24, 10.0.0.5");
        assertThat(s.contains("127.77.213.77")).isTrue();
        assertThat(s.contains("127.77.214.1")).isFalse();
        assertThat(s.contains("10.0.0.5")).isTrue();
        assertThat(s.contains("10.0.0.6")).isFalse();
        assertThat(s.contains("example.com")).as("names are never resolved").isFalse();
        assertThatThrownBy(() -> Scope.parse("127.0.0.0/33")).hasMessageContaining("prefix length must be 0..32");
        assertThatThrownBy(() -> Scope.parse("camera.local")).hasMessageContaining("camera.local");
    }

    @Test
    void theBudgetIsSharedByServiceAndEndsAtALockout() {
        AuthBudget b = new AuthBudget(3);
        String web = AuthBudget.key("127.77.213.1", 80, false, "http");
        assertThat(b.tryAcquire(web)).isTrue();
        assertThat(b.tryAcquire(web)).isTrue();
        assertThat(b.tryAcquire(web)).isTrue();
        assertThat(b.tryAcquire(web)).isFalse();
        assertThat(b.used(web)).isEqualTo(3);
        String telnet23 = AuthBudget.key("127.77.213.1", 23, true, "telnet");
        assertThat(telnet23).isEqualTo(AuthBudget.key("127.77.213.1", 2323, true, "telnet"));
        b.lockout(telnet23);
        assertThat(b.tryAcquire(telnet23)).isFalse();
        assertThat(b.used(telnet23)).isZero();
    }
}
