package dev.warden.watch.live;

/** A live capture could not start: libpcap missing, no such interface, permission denied, or a bad filter. */
public final class CaptureException extends Exception {
    public CaptureException(String message) {
        super(message);
    }
}
