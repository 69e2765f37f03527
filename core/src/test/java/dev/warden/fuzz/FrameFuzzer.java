package dev.warden.fuzz;

import dev.warden.watch.decode.DecodeStats;
import dev.warden.watch.decode.PacketDecoder;
import dev.warden.watch.decode.PacketView;
import java.nio.ByteBuffer;

/**
 * Fuzz target: one captured frame under every link type the decoders know (the first byte picks the link type, the
 * rest is the frame), with a captured length that may be shorter than the original as with a snap length.
 */
public final class FrameFuzzer {
    private static final int[] LINK_TYPES = {1, 0, 12, 101, 113, 228, 229, 276, 108};

    private FrameFuzzer() {
    }

    public static void fuzzerTestOneInput(byte[] data) {
        if (data.length < 2) {
            return;
        }
        int linkType = LINK_TYPES[(data[0] & 0xFF) % LINK_TYPES.length];
        int original = data.length - 1 + (data[1] & 0x0F) * 64;
        PacketDecoder decoder = new PacketDecoder(new DecodeStats());
        decoder.decode(linkType, ByteBuffer.wrap(data), 1, data.length - 1, original, 0L, new PacketView());
    }
}
