package dev.warden.notify;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A sender that keeps what it was given. It can fail the next n attempts, or "crash" (throw an Error, as the process
 * dying would: the Deliverer does not catch it) before or after accepting a message.
 */
final class RecordingSender implements Sender {
    /** Stands for the process dying: nothing after the throw point runs. */
    static final class Crash extends Error {
        Crash() {
            super("simulated crash");
        }
    }

    private final Channel channel;
    final List<Message> accepted = new ArrayList<>();
    int failNext;
    boolean crashBeforeSend;
    boolean crashAfterSend;
    Predicate<Message> permanentFailure = m -> false;

    RecordingSender(Channel channel) {
        this.channel = channel;
    }

    @Override
    public Channel channel() {
        return channel;
    }

    @Override
    public void send(Message m) throws DeliveryException {
        if (crashBeforeSend) {
            throw new Crash();
        }
        if (permanentFailure.test(m)) {
            throw new DeliveryException("refused", true, null);
        }
        if (failNext > 0) {
            failNext--;
            throw new DeliveryException("server unavailable", false, null);
        }
        accepted.add(m);
        if (crashAfterSend) {
            throw new Crash();
        }
    }
}
