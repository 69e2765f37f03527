package dev.warden.discover;

/** Told after each host is finished, from the scan's threads one call at a time; the CLI draws a progress bar. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (done, total) -> { };

    void hostsDone(int done, int total);
}
