package dev.warden.discover.probe;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import javax.net.ssl.SSLException;

/** Short, human reasons for a failed exchange, for {@code HostEvidence.notes}. */
final class Notes {
    private Notes() {
    }

    static String why(IOException e) {
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof SocketTimeoutException) {
            return "timed out (" + msg + ")";
        }
        if (e instanceof SSLException) {
            return "TLS failed: " + msg;
        }
        if (e instanceof ConnectException) {
            return "connection refused";
        }
        if (e instanceof LimitException) {
            return "answer too long: " + msg;
        }
        return msg;
    }
}
