package dev.warden.discover.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Mmh3Test {
    @Test
    void matchesTheReferenceMurmur3() {
        assertThat(Mmh3.hash32(new byte[0])).isZero();
        assertThat(Mmh3.hash32("hello".getBytes(StandardCharsets.US_ASCII))).isEqualTo(613153351);
        assertThat(Mmh3.hash32("foo".getBytes(StandardCharsets.US_ASCII))).isEqualTo(-156908512);
    }

    @Test
    void faviconHashUsesPythonStyleBase64Lines() {
        byte[] icon = new byte[100];
        // 100 bytes → 136 base64 chars → two lines (76 + 60), each ending in a newline, as base64.encodebytes writes
        String b64 = java.util.Base64.getEncoder().encodeToString(icon);
        String python = b64.substring(0, 76) + "\n" + b64.substring(76) + "\n";
        assertThat(Mmh3.faviconHash(icon)).isEqualTo(Mmh3.hash32(python.getBytes(StandardCharsets.US_ASCII)));
    }
}
