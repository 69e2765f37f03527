package dev.warden.assess;

import dev.warden.assess.check.Check;
import dev.warden.assess.check.CheckCatalog;
import dev.warden.assess.check.Credential;
import dev.warden.assess.check.Extractor;
import dev.warden.assess.check.Protocol;
import dev.warden.assess.check.Response;
import dev.warden.assess.check.Tier;
import dev.warden.assess.wire.Evidence;
import dev.warden.assess.wire.Net;
import dev.warden.model.Device;
import dev.warden.model.Finding;
import dev.warden.model.Service;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * Runs the checks of a {@link CheckCatalog} over devices and owns every guard-rail: the scope allow-list before any
 * connection, intrusive checks only when allowed, the scan-wide login budget with lockout signals, logout after a
 * successful login, redacted one-line evidence, concurrency per scan and per device, and timeouts and byte caps on
 * every read. A device that misbehaves costs a note, never the scan.
 */
public final class AssessEngine {
    private final CheckCatalog catalog;
    private final Map<Protocol, Executor> executors = new EnumMap<>(Protocol.class);

    public AssessEngine(CheckCatalog catalog) {
        this.catalog = catalog;
        WebExecutor web = new WebExecutor();
        executors.put(Protocol.HTTP, web);
        executors.put(Protocol.RTSP, web);
        executors.put(Protocol.ONVIF, web);
        executors.put(Protocol.TCP, new TcpExecutor());
        executors.put(Protocol.TELNET, new TelnetExecutor());
        executors.put(Protocol.FTP, new FtpExecutor());
        executors.put(Protocol.UPNP, new UpnpExecutor());
    }

    /** Collects one scan's output from many threads. */
    private static final class Sink {
        final ConcurrentLinkedQueue<Finding> findings = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<Fact> facts = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<String> notes = new ConcurrentLinkedQueue<>();
        /** Device services the owner's account was used on: at most one login each per scan. */
        final Set<String> ownerLogins = ConcurrentHashMap.newKeySet();
    }

    /** Assesses the devices; blocks until every check has finished. */
    public AssessResult assess(List<Device> devices, AssessOptions options) {
        return assess(devices, options, OwnerCredentials.NONE);
    }

    /**
     * Assesses the devices, also reading facts (firmware) through the read-only accounts owners lent where a device
     * shows them only after login; blocks until every check has finished.
     */
    public AssessResult assess(List<Device> devices, AssessOptions options, OwnerCredentials owner) {
        Net net = new Net(options.scope(), options.connectTimeout(), options.readTimeout(), options.maxResponseBytes());
        AuthBudget budget = new AuthBudget(options.authAttempts());
        Sink sink = new Sink();
        Map<String, Device> byIp = new LinkedHashMap<>();
        devices.forEach(d -> byIp.putIfAbsent(d.ip(), d));
        List<Check> checks = catalog.checks().stream()
                .filter(c -> c.tier() != Tier.INTRUSIVE || options.allowIntrusive()).toList();
        Semaphore hosts = new Semaphore(options.concurrency());
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Device d : byIp.values()) {
                if (!options.scope().contains(d.ip())) {
                    sink.notes.add(d.ip() + ": outside the scan's scope, not assessed");
                    continue;
                }
                pool.submit(() -> {
                    hosts.acquireUninterruptibly();
                    try {
                        assessDevice(d, checks, options, net, budget, byIp, sink, owner);
                    } finally {
                        hosts.release();
                    }
                });
            }
        }
        return result(sink);
    }

    private void assessDevice(Device d, List<Check> checks, AssessOptions options, Net net, AuthBudget budget,
                              Map<String, Device> byIp, Sink sink, OwnerCredentials owner) {
        Semaphore perHost = new Semaphore(options.perHostConcurrency());
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Check c : checks) {
                if (!c.appliesTo().matches(d)) {
                    continue;
                }
                pool.submit(() -> {
                    perHost.acquireUninterruptibly();
                    try {
                        runCheck(d, c, options, net, budget, byIp, sink, owner);
                    } catch (RuntimeException e) {
                        sink.notes.add(d.ip() + " " + c.id() + ": check failed: " + Evidence.clip(String.valueOf(e), 120));
                    } finally {
                        perHost.release();
                    }
                });
            }
        }
    }

    private void runCheck(Device d, Check c, AssessOptions options, Net net, AuthBudget budget,
                          Map<String, Device> byIp, Sink sink, OwnerCredentials owner) {
        List<Service> services = c.appliesTo().services(d);
        if (c.factOnly()) {
            factOnly(d, c, services, sink);
            return;
        }
        Executor executor = executors.get(c.protocol());
        for (Service svc : services) {
            Session s = new Session(net, budget, d, svc, c, sink.notes::add);
            List<Credential> creds = c.usesCredentials() ? catalog.credentialsFor(c, d) : Collections.singletonList(null);
            boolean answered = false;
            for (Credential cred : creds) {
                Outcome o = executor.run(s, c, cred);
                answered |= o.answered();
                if (c.subject() != null) {
                    crossDevice(d, svc, c, o, options, byIp, sink);
                }
                if (o.matched()) {
                    report(d, svc, c, o, sink);
                    if (cred != null) {
                        executor.logout(s, c, cred, o.vars());
                    }
                    return;
                }
                if (o.stop()) {
                    break;
                }
            }
            if (readAsOwner(d, svc, c, s, executor, owner, sink)) {
                return;
            }
            if (answered && c.usesCredentials()) {
                return; // one web stack, one lockout counter: a definitive answer on one port is enough
            }
        }
    }

    /**
     * A login check that reads the firmware, run with the owner's read-only account once its own credentials failed:
     * facts only (the owner's own login is no finding), at most one login per device service, logout after.
     */
    private static boolean readAsOwner(Device d, Service svc, Check c, Session s, Executor executor,
                                       OwnerCredentials owner, Sink sink) {
        if (!c.usesCredentials() || c.extractors().stream().noneMatch(e -> e.fact() && e.name().equals("firmware"))) {
            return false;
        }
        Optional<Credential> cred = owner.forDevice(d.ip());
        if (cred.isEmpty() || !sink.ownerLogins.add(d.ip() + ":" + svc.port())) {
            return false;
        }
        Outcome o = executor.run(s, c, cred.get());
        if (!o.matched()) {
            sink.notes.add(d.ip() + ":" + svc.port() + " " + c.id() + ": the owner's account " + cred.get()
                    + " did not log in, firmware not read");
            return false;
        }
        facts(d, svc, c, o.response(), sink);
        executor.logout(s, c, cred.get(), o.vars());
        return true;
    }

    private static void factOnly(Device d, Check c, List<Service> services, Sink sink) {
        if (c.appliesTo().service() != null && services.isEmpty()) {
            return;
        }
        List<String> why = new ArrayList<>();
        String firmware = c.appliesTo().describeFirmware(d);
        if (firmware != null) {
            why.add(firmware);
        }
        if (!services.isEmpty()) {
            why.add(c.appliesTo().service().describe(services.get(0)));
        }
        int port = services.isEmpty() ? 0 : services.get(0).port();
        sink.findings.add(finding(d.ip(), port, c, Evidence.clip(String.join("; ", why), 300)));
    }

    private static void report(Device d, Service svc, Check c, Outcome o, Sink sink) {
        Response r = o.response();
        String status = r.status() == 0 ? "" : " → " + r.status();
        String evidence = o.request() + status + "; matched " + c.describeMatch(r);
        sink.findings.add(finding(d.ip(), svc.port(), c, Evidence.clip(evidence, 300)));
        facts(d, svc, c, r, sink);
    }

    private static void facts(Device d, Service svc, Check c, Response r, Sink sink) {
        for (Extractor e : c.extractors()) {
            if (e.fact()) {
                e.extract(r).ifPresent(v -> sink.facts.add(new Fact(d.ip(), svc.port(), c.id(), e.name(),
                        Evidence.clip(v, 128))));
            }
        }
    }

    /** A cross-device check: each matching mapping is a finding on the device it points to, when in scope and known. */
    private static void crossDevice(Device router, Service svc, Check c, Outcome o, AssessOptions options,
                                    Map<String, Device> byIp, Sink sink) {
        for (Response m : o.mappings()) {
            if (!c.matches(m)) {
                continue;
            }
            String ip = m.text(c.subject().field());
            Device target = byIp.get(ip);
            if (target == null || !options.scope().contains(ip) || !c.subject().kinds().contains(target.kind())) {
                continue;
            }
            int port;
            try {
                port = Integer.parseInt(m.text("internal-port"));
            } catch (NumberFormatException e) {
                port = 0;
            }
            String evidence = "router " + router.ip() + ":" + svc.port() + " forwards external " + m.text("protocol")
                    + " " + m.text("external-port") + " to " + ip + ":" + m.text("internal-port") + " ('"
                    + Evidence.clip(m.text("description"), 40) + "'); matched " + c.describeMatch(m);
            sink.findings.add(finding(ip, port < 1 || port > 65535 ? 0 : port, c, Evidence.clip(evidence, 300)));
        }
    }

    private static Finding finding(String ip, int port, Check c, String evidence) {
        return new Finding(ip, port, c.id(), c.info().title(), c.info().severity(), c.info().cvss(),
                c.info().cvssScore(), c.info().cve(), c.info().cwe(), evidence, c.info().remediation());
    }

    private static AssessResult result(Sink sink) {
        Map<String, Finding> unique = new LinkedHashMap<>();
        sink.findings.stream()
                .sorted(Comparator.comparing(Finding::ip).thenComparingInt(Finding::port).thenComparing(Finding::check))
                .forEach(f -> unique.putIfAbsent(f.ip() + "|" + f.port() + "|" + f.check(), f));
        List<Fact> facts = sink.facts.stream()
                .sorted(Comparator.comparing(Fact::ip).thenComparing(Fact::check).thenComparing(Fact::name)).toList();
        List<String> notes = sink.notes.stream().sorted().toList();
        return new AssessResult(List.copyOf(unique.values()), facts, notes);
    }
}
