package dev.warden.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * Ctrl-C or SIGTERM for a command that runs until stopped (a live capture, a collector): the JVM's shutdown hook asks
 * the run loop to stop and waits a little for it to finish, so the summary is still printed. Closing it removes the
 * hook (tests run many commands in one JVM).
 */
final class StopSignal implements BooleanSupplier, AutoCloseable {
    private static final long GRACE_SECONDS = 3;
    private final AtomicBoolean stop = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook = new Thread(this::onSignal, "warden-stop");

    StopSignal() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    private void onSignal() {
        stop.set(true);
        try {
            finished.await(GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean getAsBoolean() {
        return stop.get();
    }

    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook is running and now sees the run finished
        }
    }
}
