package dev.warden.cli;

/** Warden's exit codes, the same for every command. */
public final class ExitCode {
    /** Done. */
    public static final int OK = 0;
    /** Failed while running (I/O, a service that could not be reached...). */
    public static final int FAILURE = 1;
    /** The command line is wrong (picocli's own code for usage errors). */
    public static final int USAGE = 2;
    /** A configuration or input file is wrong; nothing was started. */
    public static final int BAD_CONFIG = 3;

    private ExitCode() {
    }
}
