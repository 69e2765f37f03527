package dev.warden.watch.detect.c2;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The IRC line grammar on well-formed, odd and hostile payloads. */
class IrcLineTest {
    /** The IRC lines the detector's cursor finds among the first {@code budget} bytes of the payload. */
    private static List<IrcLine> parse(String payload, int budget) {
        byte[] b = payload.getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer buf = ByteBuffer.allocate(b.length + 8).put(3, b);
        List<IrcLine> lines = new ArrayList<>();
        IrcCursor cursor = new IrcCursor();
        cursor.reset(buf, 3, b.length, budget);
        while (cursor.next()) {
            IrcLine line = cursor.line();
            if (line != null) {
                lines.add(line);
            }
        }
        return lines;
    }

    @Test
    void prefixCommandParamsAndTrailingAreSplitPerRfc2812() {
        assertThat(parse(":T!T@null PRIVMSG #a925d765 :!* SSH 5 100\r\nPING :x\r\n", 2048)).containsExactly(
                new IrcLine("T!T@null", "PRIVMSG", List.of("#a925d765"), "!* SSH 5 100"),
                new IrcLine("", "PING", List.of(), "x"));
        assertThat(parse(":x2.vitun 332 A5|1|5 #chan :ssh / mips / arm", 2048)).singleElement()
                .satisfies(l -> assertThat(l.params()).containsExactly("A5|1|5", "#chan"));
        assertThat(IrcLine.parseLine("NICK :name").firstArg()).isEqualTo("name");
    }

    @Test
    void linesThatAreNotIrcAreLeftOut() {
        assertThat(parse("GET / HTTP/1.1\r\nHost: x\r\n\r\n", 2048)).extracting(IrcLine::command)
                .containsExactly("GET");
        assertThat(parse("nick lower\r\n:\r\n: x\r\n\u0000\u0001binary\r\n", 2048)).isEmpty();
    }

    @Test
    void overlongLinesAndBytesBeyondTheBudgetAreNotRead() {
        assertThat(parse("PRIVMSG #a :" + "x".repeat(600) + "\r\nJOIN #b\r\n", 2048)).extracting(IrcLine::command)
                .containsExactly("JOIN");
        assertThat(parse("JOIN #a\r\n" + "y".repeat(600) + "\r\nJOIN #late\r\n", 600))
                .extracting(IrcLine::firstArg).containsExactly("#a");
    }

    @Test
    void wireTextIsCutAndControlCharactersReplaced() {
        assertThat(IrcLine.clean("a\u0007b\u00ffc", 64)).isEqualTo("a?b?c");
        assertThat(IrcLine.clean("z".repeat(100), 64)).hasSize(64);
    }
}
