package dev.warden.discover.probe;

import java.io.IOException;

/** A device sent more than a probe is willing to read (an endless header, line or banner). */
public final class LimitException extends IOException {
    public LimitException(String message) {
        super(message);
    }
}
