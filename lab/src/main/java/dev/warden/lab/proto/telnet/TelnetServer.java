package dev.warden.lab.proto.telnet;

import dev.warden.lab.device.SimDevice;
import dev.warden.lab.net.ProtocolServer;
import dev.warden.lab.profile.ServiceSpec;
import dev.warden.model.Transport;
import io.netty.channel.Channel;

/**
 * Telnet as a BusyBox telnetd on a XiongMai DVR or an OEM camera runs it: the Mirai vector (hard-coded
 * {@code root}/{@code xc3511} and friends, accounts of service {@code telnet}). See {@link TelnetSession} for the
 * conversation.
 *
 * <p>Options, all texts rendered with the device's variables: {@code banner}, {@code login-prompt}
 * (default {@code "login: "}), {@code password-prompt} ({@code "Password: "}), {@code shell-prompt} ({@code "# "}),
 * {@code motd}; {@code fail-delay-ms} (3000, BusyBox login's pause after a wrong password) and {@code idle-seconds}
 * (60, BusyBox login's time-out).
 */
public final class TelnetServer implements ProtocolServer {
    @Override
    public String name() {
        return "telnet";
    }

    @Override
    public Transport transport() {
        return Transport.TCP;
    }

    @Override
    public void validate(String profileId, ServiceSpec spec) {
        TelnetSettings.of(profileId, spec, null);
    }

    @Override
    public void init(Channel ch, SimDevice device, ServiceSpec spec) {
        TelnetSettings settings = TelnetSettings.of(device.profile().id(), spec, device);
        new TelnetSession(device, settings).install(ch, settings.idleSeconds());
    }
}
