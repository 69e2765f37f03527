package dev.warden.discover;

import dev.warden.scope.ScopeException;
import dev.warden.scope.Targets;
import dev.warden.evidence.HostEvidence;
import java.net.InetAddress;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Network discovery: checks every target against the scope before the first packet, then scans hosts concurrently
 * (TCP connect scan, unicast SSDP and WS-Discovery, protocol probes on open ports) and hands over one
 * {@link HostEvidence} per host that showed anything, as soon as that host is done. A misbehaving device costs a
 * timeout and a note in its evidence, never an exception out of the engine.
 */
public final class DiscoveryEngine {
    private static final Logger LOG = LoggerFactory.getLogger(DiscoveryEngine.class);
    private static final HostEvidence END = new HostEvidence("end", List.of(), List.of(), List.of(), List.of());

    private final DiscoveryOptions options;
    private final ProbePlan plan;

    /** An engine with the shipped probe plan ({@code content/discover/probes.yaml}). */
    public DiscoveryEngine(DiscoveryOptions options) {
        this(options, ProbePlan.load());
    }

    public DiscoveryEngine(DiscoveryOptions options, ProbePlan plan) {
        this.options = options;
        this.plan = plan;
    }

    /**
     * Scans the targets, calling {@code onHost} for each host with an open port or a UDP answer and
     * {@code progress} after every host, both one call at a time. Blocks until all hosts are done.
     *
     * @throws ScopeException before any packet when a target is outside the scope
     * @throws RuntimeException the first exception a callback threw, after the scan has finished
     */
    public void scan(Targets targets, Consumer<HostEvidence> onHost, ProgressListener progress) throws InterruptedException {
        options.scope().check(targets);
        PortScanner scanner = new PortScanner(options.connectLimit(), options.perHostLimit(),
                options.connectsPerSecond(), options.probes().connectMillis());
        HostScan hostScan = new HostScan(scanner, plan, options);
        Semaphore hosts = new Semaphore(options.hostConcurrency());
        AtomicInteger done = new AtomicInteger();
        Object lock = new Object();
        AtomicReference<RuntimeException> callbackFailure = new AtomicReference<>();
        int total = targets.size();
        ExecutorService ex = Executors.newVirtualThreadPerTaskExecutor();
        try {
            for (InetAddress ip : targets.hosts()) {
                hosts.acquire();
                ex.submit(() -> {
                    try {
                        HostEvidence e = scanOne(hostScan, ip);
                        synchronized (lock) {
                            if (e != null) {
                                onHost.accept(e);
                            }
                            progress.hostsDone(done.incrementAndGet(), total);
                        }
                    } catch (RuntimeException callerBug) {
                        callbackFailure.compareAndSet(null, callerBug);
                    } finally {
                        hosts.release();
                    }
                    return null;
                });
            }
        } catch (InterruptedException e) {
            ex.shutdownNow();
            throw e;
        } finally {
            ex.close();
        }
        if (callbackFailure.get() != null) {
            throw callbackFailure.get();
        }
    }

    private static HostEvidence scanOne(HostScan hostScan, InetAddress ip) throws InterruptedException {
        try {
            return hostScan.scan(ip);
        } catch (RuntimeException e) {
            LOG.warn("discovery of {} failed", ip.getHostAddress(), e);
            return null;
        }
    }

    /**
     * The same scan as a stream that yields hosts as they finish; the scope is checked before this returns. Close the
     * stream (try-with-resources) to stop a scan early.
     *
     * @throws ScopeException when a target is outside the scope
     */
    public Stream<HostEvidence> stream(Targets targets, ProgressListener progress) {
        options.scope().check(targets);
        BlockingQueue<HostEvidence> queue = new ArrayBlockingQueue<>(64);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicBoolean closed = new AtomicBoolean();
        Thread producer = Thread.ofVirtual().name("discovery").start(() -> {
            try {
                scan(targets, e -> hand(queue, e, closed), progress);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                failure.set(e);
            } finally {
                hand(queue, END, closed);
            }
        });
        Iterator<HostEvidence> it = new Iterator<>() {
            private HostEvidence next;

            @Override
            public boolean hasNext() {
                if (next == null) {
                    try {
                        next = queue.take();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted while waiting for discovery", e);
                    }
                }
                if (next == END && failure.get() != null) {
                    throw new IllegalStateException("discovery failed", failure.get());
                }
                return next != END;
            }

            @Override
            public HostEvidence next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                HostEvidence e = next;
                next = null;
                return e;
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL), false)
                .onClose(() -> {
                    closed.set(true);
                    producer.interrupt();
                    queue.clear();
                });
    }

    /** Hands a host to the stream's reader, waiting while its buffer is full, dropping it once the stream is closed. */
    private static void hand(BlockingQueue<HostEvidence> q, HostEvidence e, AtomicBoolean closed) {
        while (!closed.get()) {
            try {
                if (q.offer(e, 100, TimeUnit.MILLISECONDS)) {
                    return;
                }
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
