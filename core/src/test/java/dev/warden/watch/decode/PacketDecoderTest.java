package dev.warden.watch.decode;

import static dev.warden.watch.decode.Packets.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.watch.decode.DecodeStats.Reason;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PacketDecoderTest {
    private static final byte[] TCP_OPTIONS = {2, 4, 5, (byte) 0xB4, 1, 1, 4, 2}; // MSS, NOP, NOP, SACK-permitted
    private static final byte[] HELLO = ascii("hello");

    private record Fixture(String name, int linkType, byte[] bytes) {
    }

    private static List<Fixture> fixtures() {
        byte[] tcp = tcp(40000, 23, 0xFFFFFFF0L, 7, PacketView.TCP_SYN | PacketView.TCP_ACK, TCP_OPTIONS, HELLO);
        byte[] v4tcp = ipv4(6, "192.168.1.198", "10.0.0.5", 51, 0xBEEF, 0x4000, new byte[] {1, 1, 1, 0}, tcp);
        byte[] v4udp = ipv4(17, "192.168.1.5", "8.8.8.8", udp(5353, 53, HELLO));
        byte[] v6udp = ipv6(17, "2001:db8::1", "fe80::2", udp(1900, 1900, HELLO));
        byte[] v6icmp = ipv6(58, "2001:db8::1", "2001:db8::2", icmp(128, 0, HELLO));
        byte[] v4icmp = ipv4(1, "10.1.1.1", "10.1.1.2", icmp(8, 0, HELLO));
        List<Fixture> f = new ArrayList<>();
        f.add(new Fixture("eth-ipv4-tcp", 1, eth(0x0800, v4tcp)));
        f.add(new Fixture("qinq-ipv6-udp", 1, eth(0x86DD, v6udp, 100, 200)));
        f.add(new Fixture("sll-ipv4-icmp", 113, sll(0x0800, v4icmp)));
        f.add(new Fixture("sll2-ipv6-icmpv6", 276, sll2(0x86DD, v6icmp)));
        f.add(new Fixture("null-le-ipv4", 0, loopback(2, true, v4udp)));
        f.add(new Fixture("null-le-ipv6", 0, loopback(30, true, v6udp)));
        f.add(new Fixture("loop-ipv4", 108, loopback(2, false, v4tcp)));
        f.add(new Fixture("raw-ipv4", 101, v4tcp));
        f.add(new Fixture("raw12-ipv6", 12, v6udp));
        f.add(new Fixture("ipv4-linktype", 228, v4udp));
        f.add(new Fixture("ipv6-linktype", 229, v6icmp));
        f.add(new Fixture("ipv4-first-fragment", 101,
                ipv4(17, "10.0.0.1", "10.0.0.2", 64, 77, 0x2000, new byte[0], udp(53, 4444, new byte[40]))));
        f.add(new Fixture("ipv4-later-fragment", 101,
                ipv4(17, "10.0.0.1", "10.0.0.2", 64, 77, 0x0005, new byte[0], new byte[24])));
        f.add(new Fixture("ipv6-ext-fragment", 229, ipv6(0, "2001:db8::1", "2001:db8::2",
                ipv6Ext(60, ipv6Ext(44, ipv6Fragment(6, 0, true, 0xCAFE, tcp)))))); // hop-by-hop, dest opts, frag
        f.add(new Fixture("ipv6-later-fragment", 229, ipv6(44, "2001:db8::1", "2001:db8::2",
                ipv6Fragment(17, 1232, false, 0xCAFE, new byte[16]))));
        f.add(new Fixture("gre-key-ipv4-udp", 1, eth(0x0800, ipv4(47, "203.0.113.1", "203.0.113.2",
                gre(0x0800, 0xABCD, 0xDEADBEEFL, 9L, v4udp)))));
        f.add(new Fixture("gre-teb-eth-ipv4-tcp", 1, eth(0x0800, ipv4(47, "203.0.113.1", "203.0.113.2",
                gre(0x6558, null, null, null, eth(0x0800, v4tcp, 42))))));
        f.add(new Fixture("gre-in-gre-ipv6", 101, ipv4(47, "198.51.100.1", "198.51.100.2",
                gre(0x0800, null, 5L, null, ipv4(47, "172.16.0.1", "172.16.0.2", gre(0x86DD, null, null, null, v6udp))))));
        f.add(new Fixture("ipip-ipv6", 101, ipv4(41, "198.51.100.1", "198.51.100.2", v6icmp)));
        f.add(new Fixture("arp", 1, eth(0x0806, new byte[28])));
        return f;
    }

    private final DecodeStats stats = new DecodeStats();
    private final PacketDecoder decoder = new PacketDecoder(stats);
    private final PacketView view = new PacketView();

    /** Decodes {@code bytes[0, cap)} placed at offset 3 of a buffer that ends there, checking the false-iff-counted rule. */
    private boolean decode(int linkType, byte[] bytes, int cap, int orig) {
        byte[] room = new byte[cap + 3];
        System.arraycopy(bytes, 0, room, 3, cap);
        ByteBuffer b = ByteBuffer.wrap(room);
        long before = stats.malformedTotal();
        boolean ok = decoder.decode(linkType, b, 3, cap, orig, 1_000L, view);
        assertThat(stats.malformedTotal() - before).as("malformed counted once iff decode returned false")
                .isEqualTo(ok ? 0 : 1);
        return ok;
    }

    private boolean decode(Fixture f) {
        return decode(f.linkType, f.bytes, f.bytes.length, f.bytes.length);
    }

    private Fixture fixture(String name) {
        return fixtures().stream().filter(f -> f.name.equals(name)).findFirst().orElseThrow();
    }

    @Test
    void ethernetIpv4TcpWithOptions() {
        assertThat(decode(fixture("eth-ipv4-tcp"))).isTrue();
        assertThat(view.ipVersion()).isEqualTo(4);
        assertThat(view.srcAddress()).isEqualTo("192.168.1.198");
        assertThat(view.dstAddress()).isEqualTo("10.0.0.5");
        assertThat(view.ttl()).isEqualTo(51);
        assertThat(view.ipId()).isEqualTo(0xBEEF);
        assertThat(view.dontFragment()).isTrue();
        assertThat(view.fragment()).isFalse();
        assertThat(view.protocol()).isEqualTo(PacketView.PROTO_TCP);
        assertThat(view.srcPort()).isEqualTo(40000);
        assertThat(view.dstPort()).isEqualTo(23);
        assertThat(view.seq()).isEqualTo(0xFFFFFFF0L);
        assertThat(view.ack()).isEqualTo(7);
        assertThat(view.hasTcpFlags(PacketView.TCP_SYN | PacketView.TCP_ACK)).isTrue();
        assertThat(view.hasTcpFlags(PacketView.TCP_RST)).isFalse();
        assertThat(view.window()).isEqualTo(29200);
        assertThat(view.l3Offset()).isEqualTo(3 + 14);
        assertThat(view.l4Offset()).isEqualTo(3 + 14 + 24);
        assertThat(view.payloadOffset()).isEqualTo(3 + 14 + 24 + 28);
        assertThat(view.payloadLength()).isEqualTo(5);
        assertThat(view.etherType()).isEqualTo(0x0800);
        assertThat(view.truncated()).isFalse();
        assertThat(view.timestampNanos()).isEqualTo(1_000L);
        assertThat(stats.packets()).isEqualTo(1);
        assertThat(stats.nonZero()).isEmpty();
    }

    @Test
    void stackedVlansIpv6Udp() {
        assertThat(decode(fixture("qinq-ipv6-udp"))).isTrue();
        assertThat(view.vlanCount()).isEqualTo(2);
        assertThat(view.outerVlan()).isEqualTo(100);
        assertThat(view.innerVlan()).isEqualTo(200);
        assertThat(view.ipVersion()).isEqualTo(6);
        assertThat(view.srcAddress()).isEqualTo("2001:db8::1");
        assertThat(view.dstAddress()).isEqualTo("fe80::2");
        assertThat(view.ttl()).isEqualTo(55);
        assertThat(view.tos()).isEqualTo(0xAB);
        assertThat(view.protocol()).isEqualTo(PacketView.PROTO_UDP);
        assertThat(view.srcPort()).isEqualTo(1900);
        assertThat(view.payloadLength()).isEqualTo(5);
    }

    @Test
    void cookedLoopbackAndRawLinks() {
        assertThat(decode(fixture("sll-ipv4-icmp"))).isTrue();
        assertThat(view.icmpType()).isEqualTo(8);
        assertThat(view.srcAddress()).isEqualTo("10.1.1.1");
        assertThat(view.payloadLength()).isEqualTo(5);
        assertThat(decode(fixture("sll2-ipv6-icmpv6"))).isTrue();
        assertThat(view.protocol()).isEqualTo(PacketView.PROTO_ICMPV6);
        assertThat(view.icmpType()).isEqualTo(128);
        for (String name : List.of("null-le-ipv4", "null-le-ipv6", "loop-ipv4", "raw-ipv4", "raw12-ipv6",
                "ipv4-linktype", "ipv6-linktype")) {
            Fixture f = fixture(name);
            assertThat(decode(f)).as(name).isTrue();
            assertThat(view.ipVersion()).as(name).isEqualTo(name.contains("ipv6") ? 6 : 4);
            assertThat(view.protocol()).as(name).isNotZero();
            assertThat(view.payloadLength()).as(name).isEqualTo(5);
        }
        assertThat(stats.malformedTotal()).isZero();
    }

    @Test
    void ipv4FragmentsFirstHasPortsLaterIsNoted() {
        assertThat(decode(fixture("ipv4-first-fragment"))).isTrue();
        assertThat(view.fragment()).isTrue();
        assertThat(view.moreFragments()).isTrue();
        assertThat(view.laterFragment()).isFalse();
        assertThat(view.dstPort()).isEqualTo(4444);
        assertThat(decode(fixture("ipv4-later-fragment"))).isTrue();
        assertThat(view.laterFragment()).isTrue();
        assertThat(view.fragmentOffset()).isEqualTo(40);
        assertThat(view.dstPort()).isZero();
        assertThat(view.protocol()).isEqualTo(PacketView.PROTO_UDP);
        assertThat(view.payloadLength()).isEqualTo(24);
        assertThat(stats.count(Reason.IPV4_FRAGMENT)).isEqualTo(1);
    }

    @Test
    void ipv6ExtensionHeadersAndFragments() {
        assertThat(decode(fixture("ipv6-ext-fragment"))).isTrue();
        assertThat(view.protocol()).isEqualTo(PacketView.PROTO_TCP);
        assertThat(view.fragment()).isTrue();
        assertThat(view.ipId()).isEqualTo(0xCAFE);
        assertThat(view.dstPort()).isEqualTo(23);
        assertThat(view.l4Offset()).isEqualTo(3 + 40 + 8 + 8 + 8);
        assertThat(decode(fixture("ipv6-later-fragment"))).isTrue();
        assertThat(view.laterFragment()).isTrue();
        assertThat(view.fragmentOffset()).isEqualTo(1232);
        assertThat(view.dstPort()).isZero();
        assertThat(stats.count(Reason.IPV6_FRAGMENT)).isEqualTo(1);

        byte[] chain = udp(1, 2, HELLO);
        for (int i = 0; i < Ipv6Decoder.MAX_EXTENSION_HEADERS + 1; i++) {
            chain = ipv6Ext(i == 0 ? 17 : 60, chain);
        }
        assertThat(decode(229, ipv6(60, "::1", "::2", chain), 40 + chain.length, 40 + chain.length)).isFalse();
        assertThat(stats.count(Reason.IPV6_EXT_TOO_MANY)).isEqualTo(1);
    }

    @Test
    void greTunnelsKeepOuterEndpointsAndDecodeInner() {
        assertThat(decode(fixture("gre-key-ipv4-udp"))).isTrue();
        assertThat(view.encapDepth()).isEqualTo(1);
        assertThat(view.tunnelProtocol()).isEqualTo(PacketView.PROTO_GRE);
        assertThat(view.greKeyPresent()).isTrue();
        assertThat(view.greKey()).isEqualTo(0xDEADBEEFL);
        assertThat(view.payloadByte(view.payloadLength())).isEqualTo(-1);
        assertThat(view.payloadByte(-1)).isEqualTo(-1);
        assertThat(PacketView.address(view.tunnelSrcHigh(), view.tunnelSrcLow(), view.tunnelIpVersion()))
                .isEqualTo("203.0.113.1");
        assertThat(view.srcAddress()).isEqualTo("192.168.1.5");
        assertThat(view.dstPort()).isEqualTo(53);

        assertThat(decode(fixture("ipip-ipv6"))).isTrue();
        assertThat(view.tunnelProtocol()).isEqualTo(41);

        assertThat(decode(fixture("gre-teb-eth-ipv4-tcp"))).isTrue();
        assertThat(view.vlanCount()).isEqualTo(1);
        assertThat(view.outerVlan()).isEqualTo(42);
        assertThat(view.srcAddress()).isEqualTo("192.168.1.198");
        assertThat(view.dstPort()).isEqualTo(23);

        assertThat(decode(fixture("gre-in-gre-ipv6"))).isTrue();
        assertThat(view.encapDepth()).isEqualTo(2);
        assertThat(view.ipVersion()).isEqualTo(6);
        assertThat(PacketView.address(view.tunnelDstHigh(), view.tunnelDstLow(), 4)).isEqualTo("198.51.100.2");
        assertThat(view.greKeyPresent()).isTrue();

        byte[] nested = ipv4(17, "10.0.0.1", "10.0.0.2", udp(1, 2, HELLO));
        for (int i = 0; i <= Dispatch.MAX_ENCAP_DEPTH; i++) {
            nested = ipv4(47, "10.9.9.1", "10.9.9.2", gre(0x0800, null, null, null, nested));
        }
        assertThat(decode(101, nested, nested.length, nested.length)).isFalse();
        assertThat(stats.count(Reason.ENCAP_TOO_DEEP)).isEqualTo(1);

        byte[] pptp = ipv4(47, "10.0.0.1", "10.0.0.2", cat(u16(0x3001), u16(0x880B), u32(0x00040000L), new byte[4]));
        assertThat(decode(101, pptp, pptp.length, pptp.length)).isTrue();
        assertThat(stats.count(Reason.GRE_UNSUPPORTED)).isEqualTo(1);
    }

    @Test
    void otherEthertypesAndLinksAreNotedNotMalformed() {
        assertThat(decode(fixture("arp"))).isTrue();
        assertThat(stats.count(Reason.ETHERTYPE_OTHER)).isEqualTo(1);
        assertThat(decode(147, HELLO, 5, 5)).isTrue();
        assertThat(stats.count(Reason.LINK_UNSUPPORTED)).isEqualTo(1);
        assertThat(stats.malformedTotal()).isZero();
    }

    @Test
    void snapLengthCutDecodesHeadersAndMarksTruncated() {
        Fixture f = fixture("eth-ipv4-tcp");
        assertThat(decode(1, f.bytes, f.bytes.length - 3, f.bytes.length)).isTrue();
        assertThat(view.truncated()).isTrue();
        assertThat(view.dstPort()).isEqualTo(23);
        assertThat(view.payloadLength()).isEqualTo(2);
        assertThat(stats.count(Reason.SNAP_TRUNCATED)).isEqualTo(1);
    }

    /** Every prefix: headers cut short are malformed (counted once); a cut in the payload still decodes. */
    @Test
    void everyTruncatedPrefixIsCountedOrDecodedNeverThrown() {
        for (Fixture f : fixtures()) {
            assertThat(decode(f)).as(f.name).isTrue();
            int headerEnd = view.payloadOffset() - 3;
            int fullPayload = view.payloadLength();
            for (int cap = 0; cap < f.bytes.length; cap++) {
                boolean ok = decode(f.linkType, f.bytes, cap, f.bytes.length);
                if (cap < headerEnd) {
                    assertThat(ok).as("%s cut at %d", f.name, cap).isFalse();
                } else {
                    assertThat(ok).as("%s cut at %d", f.name, cap).isTrue();
                    assertThat(view.truncated()).isTrue();
                    assertThat(view.payloadLength()).as("%s cut at %d", f.name, cap)
                            .isEqualTo(Math.min(fullPayload, cap - headerEnd));
                }
            }
        }
    }

    @Test
    void randomCorruptionsNeverThrowAndFalseIsAlwaysCounted() {
        Random random = new Random(20261126L);
        List<Fixture> fixtures = fixtures();
        int[] linkTypes = {0, 1, 12, 101, 108, 113, 228, 229, 276};
        for (int i = 0; i < 30_000; i++) {
            Fixture f = fixtures.get(random.nextInt(fixtures.size()));
            byte[] bytes = f.bytes.clone();
            for (int flips = 1 + random.nextInt(6); flips > 0; flips--) {
                bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
            }
            int cap = random.nextInt(4) == 0 ? random.nextInt(bytes.length + 1) : bytes.length;
            int link = random.nextInt(10) == 0 ? linkTypes[random.nextInt(linkTypes.length)] : f.linkType;
            decode(link, bytes, cap, bytes.length);
            assertThat(view.payloadOffset() + view.payloadLength()).isLessThanOrEqualTo(3 + cap);
        }
        assertThat(stats.packets()).isEqualTo(30_000);
        assertThat(stats.malformedTotal()).isPositive();
    }
}
