package dev.warden.watch.flow;

import dev.warden.watch.decode.PacketView;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An IP address as the decoders hold it: 128 bits in two longs, IPv4 as the IPv4-mapped IPv6 address
 * ({@code ::ffff:a.b.c.d}), so one comparison works for both families. Used by readers of text (Zeek logs) and
 * binary flow records (NetFlow) to build {@link FlowEvent}s like the packet path does.
 */
public record IpAddress(int version, long high, long low) {
    private static final long V4_MAPPED_LOW = 0x0000FFFF00000000L;

    /** An IPv4 address from its 32 bits. */
    public static IpAddress ofIpv4(int address) {
        return new IpAddress(4, 0, V4_MAPPED_LOW | (address & 0xFFFFFFFFL));
    }

    /**
     * Parses an IPv4 or IPv6 literal. Never resolves a name: anything that is not a literal is an
     * {@link IllegalArgumentException}.
     */
    public static IpAddress parse(String text) {
        if (text == null || text.isEmpty() || text.length() > 45) {
            throw new IllegalArgumentException("not an IP address: " + text);
        }
        if (text.indexOf(':') < 0) {
            return ofIpv4(parseIpv4(text));
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c == ':' || c == '.' || Character.digit(c, 16) >= 0)) {
                throw new IllegalArgumentException("not an IP address: " + text);
            }
        }
        try {
            // A string with ':' and only hex digits, dots and colons is taken as a literal: no lookup happens.
            return of(InetAddress.getByName(text));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: " + text, e);
        }
    }

    /** The address of {@code a} (IPv4 or IPv6). */
    public static IpAddress of(InetAddress a) {
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            return ofIpv4(((b[0] & 0xFF) << 24) | ((b[1] & 0xFF) << 16) | ((b[2] & 0xFF) << 8) | (b[3] & 0xFF));
        }
        long high = 0;
        long low = 0;
        for (int i = 0; i < 8; i++) {
            high = (high << 8) | (b[i] & 0xFF);
            low = (low << 8) | (b[i + 8] & 0xFF);
        }
        return new IpAddress(6, high, low);
    }

    private static int parseIpv4(String text) {
        int value = 0;
        int parts = 0;
        int i = 0;
        while (i <= text.length()) {
            int start = i;
            int octet = 0;
            while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9' && i - start < 3) {
                octet = octet * 10 + (text.charAt(i) - '0');
                i++;
            }
            if (i == start || octet > 255 || (i < text.length() && text.charAt(i) != '.')) {
                throw new IllegalArgumentException("not an IP address: " + text);
            }
            value = (value << 8) | octet;
            parts++;
            i++;
        }
        if (parts != 4) {
            throw new IllegalArgumentException("not an IP address: " + text);
        }
        return value;
    }

    @Override
    public String toString() {
        return PacketView.address(high, low, version);
    }
}
