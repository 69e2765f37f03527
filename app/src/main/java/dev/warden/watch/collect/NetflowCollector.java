package dev.warden.watch.collect;

import dev.warden.watch.flow.FlowEvent;
import dev.warden.watch.flow.IpAddress;
import dev.warden.watch.netflow.NetflowDecoder;
import dev.warden.watch.netflow.NetflowStats;
import dev.warden.watch.netflow.RecordFlows;
import dev.warden.watch.pipeline.WatchPipeline;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * Receives NetFlow v5, v9 and IPFIX datagrams on a UDP socket and feeds their flows to a {@link WatchPipeline}. A
 * receiver thread only copies datagrams into a bounded queue, so a slow detector never stalls the socket; when the
 * queue is full the datagram is dropped and counted (back-pressure is visible, memory is not unbounded). The caller's
 * thread is the pipeline's only thread: it decodes with one {@link NetflowDecoder} (templates and sequence numbers
 * per exporter and observation domain) and converts records with {@link RecordFlows} (one flow per direction, see
 * there why records are not paired). Runs until the stop signal, the duration, or the datagram limit.
 */
public final class NetflowCollector implements AutoCloseable {
    /** Largest UDP payload. */
    private static final int MAX_DATAGRAM = 65_535;
    private static final int POLL_MILLIS = 100;

    /**
     * How to collect.
     *
     * @param queueCapacity datagrams waiting for the pipeline at most
     * @param maxDatagrams stop after receiving this many (0: no limit), for tests and bounded runs
     * @param durationMillis stop after this long (0: until stopped)
     */
    public record Config(int queueCapacity, long maxDatagrams, long durationMillis) {
        public Config {
            if (queueCapacity < 1 || maxDatagrams < 0 || durationMillis < 0) {
                throw new IllegalArgumentException("collector: queue capacity must be positive, limits not negative");
            }
        }
    }

    /** What the collector saw, for the summary. */
    public record Summary(long datagrams, long queueDrops, long flows, long recordsWithoutAddress,
                          NetflowStats decoder) {
    }

    private record Datagram(byte[] bytes, InetAddress from, long receivedMillis) {
    }

    private final DatagramSocket socket;
    private final Config config;

    private NetflowCollector(DatagramSocket socket, Config config) {
        this.socket = socket;
        this.config = config;
    }

    /** Binds the socket now, so the port is known (and a port in use is an error) before {@link #run}. */
    public static NetflowCollector bind(InetSocketAddress address, Config config) throws SocketException {
        DatagramSocket s = new DatagramSocket(address);
        try {
            s.setSoTimeout(POLL_MILLIS);
            s.setReceiveBufferSize(4 << 20);
        } catch (SocketException e) {
            s.close();
            throw e;
        }
        return new NetflowCollector(s, config);
    }

    /**
     * {@code PORT}, {@code HOST:PORT} or {@code [IPv6]:PORT}; the host must be an address literal (no name is
     * resolved) and defaults to 127.0.0.1, so a collector listens beyond this machine only when told to.
     */
    public static InetSocketAddress parseAddress(String text) {
        String host = "127.0.0.1";
        String port = text == null ? "" : text.strip();
        int colon = port.lastIndexOf(':');
        if (colon >= 0) {
            host = port.substring(0, colon);
            port = port.substring(colon + 1);
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
        }
        int p;
        try {
            p = Integer.parseInt(port);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not [HOST:]PORT");
        }
        if (p < 0 || p > 65_535) {
            throw new IllegalArgumentException("'" + text + "': port " + p + " is out of range");
        }
        IpAddress a = IpAddress.parse(host);   // a literal, or IllegalArgumentException
        try {
            return new InetSocketAddress(InetAddress.getByName(a.toString()), p);
        } catch (IOException e) {
            throw new IllegalArgumentException("'" + text + "': " + e.getMessage(), e);
        }
    }

    /** The address the socket is bound to. */
    public InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    /** Collects until {@code stop} says so (checked every 100 ms) or a limit is reached, then finishes the pipeline. */
    public Summary run(WatchPipeline pipeline, BooleanSupplier stop) throws InterruptedException {
        BlockingQueue<Datagram> queue = new ArrayBlockingQueue<>(config.queueCapacity());
        AtomicBoolean stopping = new AtomicBoolean();
        AtomicLong received = new AtomicLong();
        AtomicLong drops = new AtomicLong();
        Thread receiver = Thread.ofPlatform().name("netflow-receiver").daemon().start(
                () -> receive(queue, stopping, received, drops));
        NetflowStats stats = new NetflowStats();
        NetflowDecoder decoder = new NetflowDecoder(stats);
        long[] flows = new long[2];   // [0] flows, [1] records without addresses
        long deadline = config.durationMillis() == 0 ? Long.MAX_VALUE
                : System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(config.durationMillis());
        while (true) {
            Datagram d = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
            if (d != null) {
                decoder.decode(ByteBuffer.wrap(d.bytes()), d.from(), d.receivedMillis(), r -> {
                    FlowEvent f = RecordFlows.of(r);
                    if (f == null) {
                        flows[1]++;
                    } else {
                        flows[0]++;
                        pipeline.flow(f);
                    }
                });
            } else if (!receiver.isAlive()) {
                break;   // the receiver stopped and the queue is drained
            }
            if (stop.getAsBoolean() || System.nanoTime() >= deadline) {
                stopping.set(true);
            }
        }
        pipeline.finish();
        return new Summary(received.get(), drops.get(), flows[0], flows[1], stats);
    }

    private void receive(BlockingQueue<Datagram> queue, AtomicBoolean stopping, AtomicLong received,
                         AtomicLong drops) {
        byte[] buf = new byte[MAX_DATAGRAM];
        DatagramPacket packet = new DatagramPacket(buf, buf.length);
        while (!stopping.get()) {
            packet.setLength(buf.length);
            try {
                socket.receive(packet);
            } catch (SocketTimeoutException e) {
                continue;
            } catch (IOException e) {
                return;   // the socket was closed
            }
            Datagram d = new Datagram(Arrays.copyOf(buf, packet.getLength()), packet.getAddress(),
                    System.currentTimeMillis());
            if (!queue.offer(d)) {
                drops.incrementAndGet();
            }
            if (received.incrementAndGet() == config.maxDatagrams()) {
                return;
            }
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
