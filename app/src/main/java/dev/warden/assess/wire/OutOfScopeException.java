package dev.warden.assess.wire;

import java.io.IOException;

/** A connection to an address outside the scan's scope was refused before any packet left. */
public final class OutOfScopeException extends IOException {
    public OutOfScopeException(String ip) {
        super(ip + " is outside the scan's scope");
    }
}
