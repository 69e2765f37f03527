package dev.warden.lab.proto.telnet;

import dev.warden.lab.device.SimDevice;
import dev.warden.lab.net.ServiceOptions;
import dev.warden.lab.profile.ServiceSpec;
import java.util.Set;

/**
 * A telnet service's options, rendered for one device. Texts use telnet's CR LF line ends (a profile may write
 * plain {@code \n}, as a tty's output processing would turn it into CR LF).
 *
 * @param banner         printed before the first login prompt, like {@code /etc/issue.net}; empty for none
 * @param loginPrompt    {@code login: } by default; BusyBox prints {@code <hostname> login: }, and nmap names the
 *                       host (and recognises BusyBox telnetd) only when there is one, e.g. XiongMai's
 *                       {@code LocalHost login: }
 * @param passwordPrompt {@code Password: } by default
 * @param shellPrompt    {@code # } by default (a root shell)
 * @param motd           printed after a successful login; empty for none
 * @param failDelayMs    pause before "Login incorrect"; BusyBox login waits 3 s
 * @param idleSeconds    the session closes after this long without input; BusyBox login gives up after 60 s
 */
record TelnetSettings(String banner, String loginPrompt, String passwordPrompt, String shellPrompt, String motd,
                      int failDelayMs, int idleSeconds) {
    static final Set<String> OPTIONS = Set.of("banner", "login-prompt", "password-prompt", "shell-prompt", "motd",
            "fail-delay-ms", "idle-seconds");

    /** Checks the options; {@code device} null only validates. */
    static TelnetSettings of(String profileId, ServiceSpec spec, SimDevice device) {
        ServiceOptions.requireKnown(profileId, spec, OPTIONS);
        return new TelnetSettings(
                text(spec, "banner", "", device),
                text(spec, "login-prompt", "login: ", device),
                text(spec, "password-prompt", "Password: ", device),
                text(spec, "shell-prompt", "# ", device),
                text(spec, "motd", "", device),
                ServiceOptions.intOption(profileId, spec, "fail-delay-ms", 3000, 0),
                ServiceOptions.intOption(profileId, spec, "idle-seconds", 60, 1));
    }

    private static String text(ServiceSpec spec, String key, String dflt, SimDevice device) {
        String s = spec.option(key, dflt);
        if (device != null) {
            s = device.render(s);
        }
        return s.replace("\r\n", "\n").replace("\n", "\r\n");
    }
}
