package dev.warden.lab;

import dev.warden.lab.device.SimDevice;
import dev.warden.lab.profile.ProfileCatalog;
import dev.warden.lab.profile.ServiceSpec;
import dev.warden.model.Transport;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Checks from the outside that every service of every device answers: the lab's self-test after start-up
 * ({@code warden lab --check}). A TCP service must accept a connection; a UDP service must answer the probe datagram
 * its protocol supplies ({@link dev.warden.lab.net.ProtocolServer#selfCheckProbe}). A flaky device may reset a
 * connection and UDP may lose a datagram, so each port gets a few tries.
 */
public final class LabProbe {
    /** One port that did not answer. */
    public record Failure(String device, String address, int port, String reason) {
    }

    /** @param tcpPorts TCP ports tried; @param udpPorts UDP ports probed; @param failures those that never answered */
    public record Result(int devices, int tcpPorts, int udpPorts, List<Failure> failures) {
        public boolean ok() {
            return failures.isEmpty();
        }
    }

    private LabProbe() {
    }

    public static Result check(ProfileCatalog catalog, List<SimDevice> devices, int timeoutMs, int parallel) {
        Semaphore permits = new Semaphore(parallel);
        List<Future<Failure>> results = new ArrayList<>();
        int udp = 0;
        try (ExecutorService ex = Executors.newVirtualThreadPerTaskExecutor()) {
            for (SimDevice d : devices) {
                for (ServiceSpec s : d.services()) {
                    var server = catalog.protocol(s.protocol());
                    byte[] datagram = null;
                    if (server.transport() == Transport.UDP) {
                        datagram = server.selfCheckProbe(d, s);
                        if (datagram == null) {
                            continue;
                        }
                        udp++;
                    }
                    byte[] payload = datagram;
                    results.add(ex.submit(() -> {
                        permits.acquire();
                        try {
                            return payload == null ? probe(d, s.port(), timeoutMs) : probeUdp(d, s.port(), payload, timeoutMs);
                        } finally {
                            permits.release();
                        }
                    }));
                }
            }
            List<Failure> failures = new ArrayList<>();
            for (Future<Failure> f : results) {
                Failure fail = f.get();
                if (fail != null) {
                    failures.add(fail);
                }
            }
            return new Result(devices.size(), results.size() - udp, udp, failures);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabException("lab check interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
            throw new LabException("lab check failed: " + e.getCause());
        }
    }

    private static Failure probe(SimDevice d, int port, int timeoutMs) {
        String last = "no answer";
        for (int attempt = 0; attempt < 5; attempt++) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(d.address(), port), timeoutMs);
                return null;
            } catch (IOException e) {
                last = e.getMessage();
            }
        }
        return new Failure(d.name(), d.ip(), port, last);
    }

    private static Failure probeUdp(SimDevice d, int port, byte[] payload, int timeoutMs) {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            s.setSoTimeout(Math.max(200, timeoutMs / 3));
            byte[] buf = new byte[8192];
            for (int attempt = 0; attempt < 3; attempt++) {
                s.send(new DatagramPacket(payload, payload.length, d.address(), port));
                try {
                    s.receive(new DatagramPacket(buf, buf.length));
                    return null;
                } catch (java.net.SocketTimeoutException e) {
                    // UDP: try again
                }
            }
            return new Failure(d.name(), d.ip(), port, "udp: no answer to the probe");
        } catch (IOException e) {
            return new Failure(d.name(), d.ip(), port, "udp: " + e.getMessage());
        }
    }
}
