package dev.warden.discover;

import dev.warden.discover.probe.Recorder;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * TCP connect scan of one host's ports, one virtual thread per port, under a global limit of connects in flight,
 * a per-host limit and a global connect rate. A refused connect (RST) is closed at once; a connect that times out
 * is tried once more, then the port counts as filtered. The connection is closed straight after it opens: the
 * protocol probes make their own.
 */
public final class PortScanner {
    private final Semaphore global;
    private final int perHost;
    private final RateLimiter rate;
    private final int connectMillis;

    public PortScanner(int connectLimit, int perHostLimit, int connectsPerSecond, int connectMillis) {
        this.global = new Semaphore(connectLimit);
        this.perHost = perHostLimit;
        this.rate = new RateLimiter(connectsPerSecond);
        this.connectMillis = connectMillis;
    }

    /** The open ports, ascending; a note on {@code r} says how many stayed silent. */
    public List<Integer> open(InetAddress ip, List<Integer> ports, Recorder r) throws InterruptedException {
        Semaphore host = new Semaphore(perHost);
        boolean[] open = new boolean[ports.size()];
        AtomicInteger filtered = new AtomicInteger();
        try (ExecutorService ex = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < ports.size(); i++) {
                int index = i;
                ex.submit(() -> {
                    host.acquire();
                    try {
                        State s = tryTwice(ip, ports.get(index));
                        open[index] = s == State.OPEN;
                        if (s == State.FILTERED) {
                            filtered.incrementAndGet();
                        }
                    } finally {
                        host.release();
                    }
                    return null;
                });
            }
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException("port scan interrupted");
        }
        if (filtered.get() > 0) {
            r.note(filtered.get() + " TCP port(s) did not answer a connect within " + connectMillis + " ms (twice)");
        }
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < open.length; i++) {
            if (open[i]) {
                out.add(ports.get(i));
            }
        }
        return out.stream().sorted().toList();
    }

    private enum State { OPEN, CLOSED, FILTERED }

    static boolean isResetAfterAccept(IOException e) {
        String m = e.getMessage();
        return m != null && m.toLowerCase(java.util.Locale.ROOT).contains("reset") && !m.toLowerCase(java.util.Locale.ROOT).contains("refused");
    }

    private State tryTwice(InetAddress ip, int port) throws InterruptedException {
        State s = once(ip, port);
        return s == State.FILTERED ? once(ip, port) : s;
    }

    private State once(InetAddress ip, int port) throws InterruptedException {
        global.acquire();
        try {
            rate.acquire();
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(ip, port), connectMillis);
                return State.OPEN;
            } catch (SocketTimeoutException e) {
                return State.FILTERED;
            } catch (IOException e) {
                // Refused (RST to the SYN) is closed. A reset that races the end of connect() means the handshake
                // completed and the service then dropped us: something listens there (flaky devices, Mirai's killer).
                return isResetAfterAccept(e) ? State.OPEN : State.CLOSED;
            }
        } finally {
            global.release();
        }
    }
}
