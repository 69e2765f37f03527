package dev.warden.lab.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineAssemblerTest {
    private static List<String> lines(LineAssembler a, String input) {
        List<String> out = new ArrayList<>();
        for (byte b : input.getBytes(StandardCharsets.ISO_8859_1)) {
            if (a.feed(b) == LineAssembler.Fed.LINE) {
                out.add(a.take());
            }
        }
        return out;
    }

    @Test
    void everyNewlineFormEndsExactlyOneLine() {
        assertThat(lines(new LineAssembler(64), "a\r\nb\r\u0000c\nd\re\r\n\n"))
                .containsExactly("a", "b", "c", "d", "e", "");
    }

    @Test
    void overlongLineIsTruncatedAndStillEndsAtItsNewline() {
        LineAssembler a = new LineAssembler(4);
        assertThat(lines(a, "abcdefgh\r\nxy\n")).containsExactly("abcd", "xy");
    }

    @Test
    void eraseRemovesTheLastByteOnly() {
        LineAssembler a = new LineAssembler(8);
        lines(a, "ab");
        assertThat(a.erase()).isTrue();
        assertThat(a.erase()).isTrue();
        assertThat(a.erase()).isFalse();
        assertThat(lines(a, "c\n")).containsExactly("c");
    }
}
