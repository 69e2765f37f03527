package dev.warden.lab;

/** A lab that cannot be built or started: bad configuration, unknown profile, address or port clash. One clear line. */
public class LabException extends RuntimeException {
    public LabException(String message) {
        super(message);
    }

    public LabException(String message, Throwable cause) {
        super(message, cause);
    }
}
