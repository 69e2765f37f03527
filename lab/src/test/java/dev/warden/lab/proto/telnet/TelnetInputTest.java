package dev.warden.lab.proto.telnet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

class TelnetInputTest {
    private static byte[] strip(TelnetInput t, int... in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int b : in) {
            int c = t.next((byte) b);
            if (c >= 0) {
                out.write(c);
            }
        }
        return out.toByteArray();
    }

    @Test
    void removesNegotiationSubNegotiationAndCommands() {
        byte[] data = strip(new TelnetInput(),
                0xFF, 0xFB, 0x1F, 'a', // IAC WILL NAWS
                0xFF, 0xFA, 0x1F, 0, 80, 0xFF, 0xFF, 0, 24, 0xFF, 0xF0, 'b', // IAC SB NAWS ... (IAC IAC inside) IAC SE
                0xFF, 0xF1, 'c', // IAC NOP
                0xFF, 0xFF, 'd'); // IAC IAC = data 0xFF
        assertThat(data).containsExactly('a', 'b', 'c', 0xFF, 'd');
    }

    @Test
    void sequenceSplitAcrossReadsIsStillRemoved() {
        TelnetInput t = new TelnetInput();
        assertThat(strip(t, 'x', 0xFF)).containsExactly('x');
        assertThat(strip(t, 0xFD)).isEmpty();
        assertThat(strip(t, 0x03, 'y')).containsExactly('y');
    }
}
