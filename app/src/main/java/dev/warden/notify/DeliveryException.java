package dev.warden.notify;

/** A delivery attempt failed. A permanent failure (a 4xx answer, a refused address) is not retried. */
public final class DeliveryException extends Exception {
    private final boolean permanent;

    public DeliveryException(String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    public boolean permanent() {
        return permanent;
    }
}
