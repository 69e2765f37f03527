package dev.warden.watch.detect.c2;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IrcCursorTest {
    private static final List<String> COMMANDS = List.of("NICK", "PRIVMSG", "332");
    private static final List<byte[]> COMMAND_BYTES = COMMANDS.stream()
            .map(c -> c.getBytes(StandardCharsets.US_ASCII)).toList();

    private static IrcCursor cursor(String payload) {
        byte[] b = payload.getBytes(StandardCharsets.ISO_8859_1);
        IrcCursor c = new IrcCursor();
        c.reset(ByteBuffer.wrap(b), 0, b.length, 2048);
        return c;
    }

    /** The command each line's bytes name, and the one {@link IrcLine#parseLine} finds, side by side. */
    @Test
    void findsTheSameCommandAsTheStringParser() {
        IrcCursor c = cursor(":srv 332 bot #c :topic\r\nNICK x\r\n:a PRIVMSG #c :hi\r\n: PRIVMSG #c :no\r\n"
                + ":noprefixspace\r\nPRIVMSGX #c\r\nnick lower\r\n\r\nPING :k");
        List<String> byBytes = new ArrayList<>();
        List<String> byStrings = new ArrayList<>();
        while (c.next()) {
            int i = c.command(COMMAND_BYTES);
            byBytes.add(i < 0 ? "-" : COMMANDS.get(i));
            IrcLine line = c.line();
            byStrings.add(line == null || !COMMANDS.contains(line.command()) ? "-" : line.command());
        }
        assertThat(byBytes).containsExactly("332", "NICK", "PRIVMSG", "-", "-", "-", "-", "-", "-")
                .isEqualTo(byStrings);
    }

    @Test
    void mayContainAnswersFalseOnlyWithoutAnOrderWord() {
        List<char[]> words = List.of("!udp".toCharArray(), "!syn".toCharArray());
        assertThat(mayContain(":b!b@h PRIVMSG #bots :!UDP 198.51.100.77 80", words)).isTrue();
        assertThat(mayContain(":b!b@h PRIVMSG #bots :hello !syn", words)).isTrue();
        assertThat(mayContain(":b!b@h PRIVMSG #bots :hello there", words)).isFalse();
        assertThat(mayContain(":b!b@h PRIVMSG #bots :!udpx !sy", words)).isFalse();
        assertThat(mayContain(":b!b@h PRIVMSG #bots :caf\u00e9", words)).isTrue();
    }

    private static boolean mayContain(String line, List<char[]> words) {
        IrcCursor c = cursor(line);
        assertThat(c.next()).isTrue();
        return c.mayContain(words);
    }
}
