package dev.warden.lab.proto.rtsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The SPS read back with an independent Exp-Golomb reader gives the resolution it was built for. */
class H264ParameterSetsTest {
    @ParameterizedTest
    @CsvSource({"1920,1080,40", "1280,720,31", "640,360,30", "704,576,30", "2560,1440,50", "352,288,21", "3840,2160,51",
            "8192,8192,51", "16,16,21"})
    void spsDecodesToTheRequestedSize(int width, int height, int level) {
        byte[] sps = H264ParameterSets.sps(width, height);
        for (int i = 0; i + 1 < sps.length; i++) {
            assertThat(sps[i] == 0 && sps[i + 1] == 0).as("00 00 at %d would need emulation prevention", i).isFalse();
        }
        Reader r = new Reader(sps);
        assertThat(r.u(8)).isEqualTo(0x67);
        assertThat(r.u(8)).isEqualTo(77);
        assertThat(r.u(8)).isZero();
        assertThat(r.u(8)).isEqualTo(level);
        assertThat(r.ue()).isZero(); // sps id
        r.ue(); // log2_max_frame_num_minus4
        assertThat(r.ue()).isEqualTo(2); // poc type 2: nothing more to read for it
        r.ue(); // max refs
        r.u(1);
        int w = (r.ue() + 1) * 16;
        int h = (r.ue() + 1) * 16;
        assertThat(r.u(1)).isEqualTo(1); // frame_mbs_only
        r.u(1);
        if (r.u(1) == 1) {
            w -= 2 * (r.ue() + r.ue());
            h -= 2 * (r.ue() + r.ue());
        }
        assertThat(r.u(1)).isZero(); // no VUI
        assertThat(r.u(1)).isEqualTo(1); // stop bit
        assertThat(w).isEqualTo(width);
        assertThat(h).isEqualTo(height);
        assertThat(r.bitsLeft()).isLessThan(8);
        assertThat(H264ParameterSets.profileLevelId(width, height)).isEqualTo(String.format("4D00%02X", level));
    }

    @Test
    void spropCarriesBothSets() {
        String[] sets = H264ParameterSets.spropParameterSets(1920, 1080).split(",");
        assertThat(sets).hasSize(2);
        assertThat(Base64.getDecoder().decode(sets[0])).isEqualTo(H264ParameterSets.sps(1920, 1080));
        assertThat(sets[1]).isEqualTo("aM48gA==");
    }

    private static final class Reader {
        private final byte[] b;
        private int bit;

        Reader(byte[] b) {
            this.b = b;
        }

        int u(int n) {
            int v = 0;
            for (int i = 0; i < n; i++, bit++) {
                v = v << 1 | (b[bit / 8] >> (7 - bit % 8) & 1);
            }
            return v;
        }

        int ue() {
            int zeros = 0;
            while (u(1) == 0) {
                zeros++;
            }
            return (1 << zeros) - 1 + u(zeros);
        }

        int bitsLeft() {
            return b.length * 8 - bit;
        }
    }
}
