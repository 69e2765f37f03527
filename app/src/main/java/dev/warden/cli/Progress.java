package dev.warden.cli;

import java.io.PrintWriter;

/**
 * A one-line progress bar on the terminal's stderr, redrawn in place; silent when stderr is not a terminal or the
 * output is machine JSON, so logs and pipes stay clean.
 */
final class Progress implements dev.warden.discover.ProgressListener {
    private final PrintWriter err;
    private final boolean on;
    private final String label;
    private long lastDraw;

    Progress(PrintWriter err, boolean enabled, String label) {
        this.err = err;
        this.on = enabled && System.console() != null;
        this.label = label;
    }

    @Override
    public void hostsDone(int done, int total) {
        if (!on) {
            return;
        }
        long now = System.nanoTime();
        if (done != total && now - lastDraw < 100_000_000L) {
            return;
        }
        lastDraw = now;
        int width = 30;
        int filled = total == 0 ? width : (int) ((long) done * width / total);
        err.print("\r" + label + " [" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + done + "/" + total + " hosts");
        if (done == total) {
            err.print("\r" + " ".repeat(label.length() + width + 30) + "\r");
        }
        err.flush();
    }
}
