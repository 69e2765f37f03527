package dev.warden.lab.proto.ftp;

import dev.warden.lab.device.SimDevice;
import dev.warden.lab.net.ServiceOptions;
import dev.warden.lab.profile.ServiceSpec;
import java.util.Set;

/**
 * An FTP service's options, rendered for one device.
 *
 * @param banner      greeting text after {@code 220}; several lines give a {@code 220-} multi-line greeting
 * @param syst        the {@code SYST} answer after {@code 215}
 * @param failDelayMs pause before {@code 530} after a wrong password (vsftpd's {@code delay_failed_login}, 1 s)
 * @param idleSeconds the session closes with {@code 421 Timeout.} after this long without a command
 */
record FtpSettings(String banner, String syst, int failDelayMs, int idleSeconds) {
    static final Set<String> OPTIONS = Set.of("banner", "syst", "fail-delay-ms", "idle-seconds");

    /** Checks the options; {@code device} null only validates. */
    static FtpSettings of(String profileId, ServiceSpec spec, SimDevice device) {
        ServiceOptions.requireKnown(profileId, spec, OPTIONS);
        String banner = spec.option("banner", "FTP server ready.");
        String syst = spec.option("syst", "UNIX Type: L8");
        if (device != null) {
            banner = device.render(banner);
            syst = device.render(syst);
        }
        return new FtpSettings(banner, syst,
                ServiceOptions.intOption(profileId, spec, "fail-delay-ms", 1000, 0),
                ServiceOptions.intOption(profileId, spec, "idle-seconds", 60, 1));
    }

    /** The {@code 220} greeting, CR LF terminated; {@code 220-} on every line but the last. */
    String greeting() {
        String[] lines = banner.split("\r?\n");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            sb.append(i < lines.length - 1 ? "220-" : "220 ").append(lines[i]).append("\r\n");
        }
        return sb.toString();
    }
}
