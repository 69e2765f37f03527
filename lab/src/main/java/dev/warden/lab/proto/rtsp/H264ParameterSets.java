package dev.warden.lab.proto.rtsp;

import java.io.ByteArrayOutputStream;
import java.util.Base64;

/**
 * The H.264 sequence and picture parameter sets a camera announces in its SDP ({@code sprop-parameter-sets}), built
 * for the stream's real resolution so that a client that decodes them (ffprobe, VLC) sees a consistent Main-profile
 * stream of that size, and the matching {@code profile-level-id}.
 *
 * <p>SPS: Main profile, level from the frame size, POC type 2, one reference frame, progressive, cropped to the
 * exact size, no VUI. PPS: CAVLC, deblocking control present, everything else zero.
 *
 * <p>No emulation-prevention bytes are needed: the longest run of zero bits these fields can produce (the zero
 * constraint byte into the level, or an Exp-Golomb prefix for 8192 pixels) is far shorter than the 16 that
 * {@code 00 00} takes.
 */
final class H264ParameterSets {
    private static final int MAIN_PROFILE = 77;
    /** nal_unit_type 8, nal_ref_idc 3, pps/sps id 0, CAVLC, deblocking_filter_control_present_flag 1. */
    private static final byte[] PPS = {0x68, (byte) 0xCE, 0x3C, (byte) 0x80};

    private H264ParameterSets() {
    }

    /** {@code profile-level-id}: profile, constraint flags and level as six hex digits, e.g. {@code 4D0028}. */
    static String profileLevelId(int width, int height) {
        return String.format("%02X%02X%02X", MAIN_PROFILE, 0, level(width, height));
    }

    /** {@code sprop-parameter-sets}: Base64 SPS and PPS, comma-separated. */
    static String spropParameterSets(int width, int height) {
        Base64.Encoder b64 = Base64.getEncoder();
        return b64.encodeToString(sps(width, height)) + "," + b64.encodeToString(PPS);
    }

    static byte[] sps(int width, int height) {
        int mbW = (width + 15) / 16;
        int mbH = (height + 15) / 16;
        Bits b = new Bits();
        b.u(8, 0x67); // nal_ref_idc 3, nal_unit_type 7
        b.u(8, MAIN_PROFILE);
        b.u(8, 0); // constraint_set flags
        b.u(8, level(width, height));
        b.ue(0); // seq_parameter_set_id
        b.ue(0); // log2_max_frame_num_minus4
        b.ue(2); // pic_order_cnt_type
        b.ue(1); // max_num_ref_frames
        b.u(1, 0); // gaps_in_frame_num_value_allowed_flag
        b.ue(mbW - 1);
        b.ue(mbH - 1);
        b.u(1, 1); // frame_mbs_only_flag
        b.u(1, 1); // direct_8x8_inference_flag
        boolean crop = mbW * 16 != width || mbH * 16 != height;
        b.u(1, crop ? 1 : 0);
        if (crop) { // in 2-pixel units for 4:2:0 progressive
            b.ue(0);
            b.ue((mbW * 16 - width) / 2);
            b.ue(0);
            b.ue((mbH * 16 - height) / 2);
        }
        b.u(1, 0); // vui_parameters_present_flag
        b.u(1, 1); // rbsp_stop_one_bit, then zero bits to the byte boundary
        return b.bytes();
    }

    /** The lowest level whose maximum frame size (in macroblocks) holds the picture. */
    static int level(int width, int height) {
        int mbs = ((width + 15) / 16) * ((height + 15) / 16);
        return mbs <= 396 ? 21 : mbs <= 1620 ? 30 : mbs <= 3600 ? 31 : mbs <= 8192 ? 40 : mbs <= 22080 ? 50 : 51;
    }

    /** A big-endian bit writer with unsigned Exp-Golomb codes. */
    private static final class Bits {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private int acc;
        private int n;

        void u(int bits, int value) {
            for (int i = bits - 1; i >= 0; i--) {
                acc = acc << 1 | (value >>> i & 1);
                if (++n == 8) {
                    out.write(acc);
                    acc = 0;
                    n = 0;
                }
            }
        }

        void ue(int value) {
            int v = value + 1;
            int len = 32 - Integer.numberOfLeadingZeros(v);
            u(len - 1, 0);
            u(len, v);
        }

        byte[] bytes() {
            if (n > 0) {
                u(8 - n, 0);
            }
            return out.toByteArray();
        }
    }
}
