package dev.warden.notify;

/** Delivers a rendered message over one channel; returning normally means the other side accepted it. */
public interface Sender {
    Channel channel();

    /** @throws DeliveryException when it was not accepted (retryable unless {@link DeliveryException#permanent()}) */
    void send(Message m) throws DeliveryException;
}
