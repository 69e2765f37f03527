package dev.warden.watch.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.watch.decode.DecodeStats;
import dev.warden.watch.decode.PacketDecoder;
import dev.warden.watch.decode.PacketView;
import dev.warden.watch.decode.Packets;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Question names read from real packet bytes, hostile ones refused, and the registered-domain heuristic. */
class DnsQuestionTest {
    private static String name(byte[] dns) {
        byte[] packet = Packets.ipv4(17, "192.168.1.5", "192.168.1.1", Packets.udp(4000, 53, dns));
        PacketView v = new PacketView();
        assertThat(new PacketDecoder(new DecodeStats()).decode(101, ByteBuffer.wrap(packet), 0, packet.length,
                packet.length, 0, v)).isTrue();
        return DnsQuestion.name(v);
    }

    @Test
    void readsTheQuestionNameLowerCased() {
        assertThat(name(FloodDetectorTest.query("X7fk2.Victim-DNS.com"))).isEqualTo("x7fk2.victim-dns.com");
    }

    @Test
    void refusesTruncatedPointerResponseAndControlCharacterNames() {
        byte[] q = FloodDetectorTest.query("abc.example.com");
        assertThat(name(Arrays.copyOf(q, 16))).isNull();
        byte[] pointer = q.clone();
        pointer[12] = (byte) 0xC0;
        assertThat(name(pointer)).isNull();
        byte[] response = q.clone();
        response[2] = (byte) 0x81;
        assertThat(name(response)).isNull();
        byte[] control = q.clone();
        control[13] = 0x01;
        assertThat(name(control)).isNull();
        byte[] overlong = q.clone();
        overlong[12] = 60;
        assertThat(name(overlong)).isNull();
    }

    @Test
    void theRegisteredDomainIsTheLastTwoLabelsOrThreeUnderACountrysSecondLevel() {
        assertThat(DnsQuestion.registeredDomain("a.b.example.com")).isEqualTo("example.com");
        assertThat(DnsQuestion.registeredDomain("x1.shop.example.co.uk")).isEqualTo("example.co.uk");
        assertThat(DnsQuestion.registeredDomain("localhost")).isEqualTo("localhost");
        assertThat(DnsQuestion.entropy("aaaa")).isZero();
        assertThat(DnsQuestion.entropy("abcd")).isEqualTo(2.0);
    }
}
