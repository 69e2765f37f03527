package dev.warden.lab.proto.ftp;

import dev.warden.lab.device.SimDevice;
import dev.warden.lab.net.ProtocolServer;
import dev.warden.lab.profile.ServiceSpec;
import dev.warden.model.Transport;
import io.netty.channel.Channel;

/**
 * The FTP server of a camera's SD-card recordings (Foscam/Opticam on 50021 or 21, with the fixed {@code ftpuser1}
 * and blank password of CVE-2018-19064): the control connection only, see {@link FtpSession}.
 *
 * <p>Options: {@code banner} (greeting after {@code 220}, device variables allowed, default
 * {@code "FTP server ready."}; a multi-line text gives a {@code 220-} greeting), {@code syst} (default
 * {@code "UNIX Type: L8"}), {@code fail-delay-ms} (1000) and {@code idle-seconds} (60).
 */
public final class FtpServer implements ProtocolServer {
    @Override
    public String name() {
        return "ftp";
    }

    @Override
    public Transport transport() {
        return Transport.TCP;
    }

    @Override
    public void validate(String profileId, ServiceSpec spec) {
        FtpSettings.of(profileId, spec, null);
    }

    @Override
    public void init(Channel ch, SimDevice device, ServiceSpec spec) {
        FtpSettings settings = FtpSettings.of(device.profile().id(), spec, device);
        new FtpSession(device, settings).install(ch, settings.idleSeconds());
    }
}
