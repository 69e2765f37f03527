package dev.warden.discover.probe;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The favicon hash Shodan and Nuclei index ({@code http.favicon.hash}): MurmurHash3 x86 32-bit, seed 0, of the
 * icon's base64 text as Python's {@code base64.encodebytes} writes it (76-character lines, each ending in a newline),
 * as a signed int. Any other encoding gives a different number, so the exact form matters.
 */
final class Mmh3 {
    private Mmh3() {
    }

    static int faviconHash(byte[] icon) {
        String b64 = Base64.getMimeEncoder(76, new byte[] {'\n'}).encodeToString(icon);
        if (!b64.isEmpty()) {
            b64 += "\n";
        }
        return hash32(b64.getBytes(StandardCharsets.US_ASCII));
    }

    static int hash32(byte[] data) {
        final int c1 = 0xcc9e2d51;
        final int c2 = 0x1b873593;
        int h = 0;
        int blocks = data.length / 4;
        for (int i = 0; i < blocks; i++) {
            int k = (data[4 * i] & 0xff) | (data[4 * i + 1] & 0xff) << 8 | (data[4 * i + 2] & 0xff) << 16
                    | (data[4 * i + 3] & 0xff) << 24;
            k *= c1;
            k = Integer.rotateLeft(k, 15);
            k *= c2;
            h ^= k;
            h = Integer.rotateLeft(h, 13);
            h = h * 5 + 0xe6546b64;
        }
        int tail = blocks * 4;
        int rest = data.length & 3;
        if (rest > 0) {
            int k = 0;
            for (int i = rest - 1; i >= 0; i--) {
                k = (k << 8) | (data[tail + i] & 0xff);
            }
            k *= c1;
            k = Integer.rotateLeft(k, 15);
            k *= c2;
            h ^= k;
        }
        h ^= data.length;
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }
}
