package dev.warden.lab.proto.telnet;

import java.util.Locale;

/**
 * The BusyBox {@code ash} a successful telnet login lands in — as far as a scanner needs to see it. It runs nothing:
 * every command is "not found", as on a stripped-down firmware, so the lab can be probed by anything without being
 * turned into a shell. {@code busybox <applet>} gets BusyBox's own "applet not found", the answer bots and
 * honeypot checks look for.
 */
final class Shell {
    private Shell() {
    }

    /** Whether the line ends the session. */
    static boolean isExit(String line) {
        String cmd = line.trim().toLowerCase(Locale.ROOT);
        return cmd.equals("exit") || cmd.equals("logout");
    }

    /** What the shell prints for a non-empty command line that is not exit (without the prompt). */
    static String answer(String line) {
        String[] words = line.trim().split("\\s+");
        boolean busybox = words[0].equals("busybox") || words[0].endsWith("/busybox");
        if (busybox && words.length > 1) {
            return words[1] + ": applet not found\r\n";
        }
        return "-sh: " + words[0] + ": not found\r\n";
    }
}
