package dev.warden.lab;

import dev.warden.lab.device.SimDevice;
import dev.warden.lab.profile.ProfileCatalog;
import dev.warden.lab.profile.ServiceSpec;
import dev.warden.model.Transport;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Checks from the outside that every TCP service of every device accepts a connection: the lab's self-test after
 * start-up ({@code warden lab --check}). A flaky device may reset a connection, so each port gets a few tries.
 * UDP services are checked by their own protocol tests; a datagram has no "accepted".
 */
public final class LabProbe {
    /** One port that did not answer. */
    public record Failure(String device, String address, int port, String reason) {
    }

    /** @param tcpPorts TCP ports tried; @param failures those that never accepted */
    public record Result(int devices, int tcpPorts, List<Failure> failures) {
        public boolean ok() {
            return failures.isEmpty();
        }
    }

    private LabProbe() {
    }

    public static Result check(ProfileCatalog catalog, List<SimDevice> devices, int timeoutMs, int parallel) {
        Semaphore permits = new Semaphore(parallel);
        List<Future<Failure>> results = new ArrayList<>();
        try (ExecutorService ex = Executors.newVirtualThreadPerTaskExecutor()) {
            for (SimDevice d : devices) {
                for (ServiceSpec s : d.services()) {
                    if (catalog.protocol(s.protocol()).transport() != Transport.TCP) {
                        continue;
                    }
                    results.add(ex.submit(() -> {
                        permits.acquire();
                        try {
                            return probe(d, s.port(), timeoutMs);
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
            return new Result(devices.size(), results.size(), failures);
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
}
