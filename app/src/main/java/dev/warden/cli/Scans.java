package dev.warden.cli;

import dev.warden.advise.service.AdvisoryService;
import dev.warden.assess.AssessEngine;
import dev.warden.assess.AssessOptions;
import dev.warden.assess.OwnerCredentials;
import dev.warden.assess.AssessResult;
import dev.warden.assess.Fact;
import dev.warden.assess.check.CheckCatalog;
import dev.warden.assess.check.CheckLoader;
import dev.warden.discover.DiscoveryEngine;
import dev.warden.discover.DiscoveryOptions;
import dev.warden.discover.ProgressListener;
import dev.warden.discover.ServiceNamer;
import dev.warden.scope.Targets;
import dev.warden.evidence.HostEvidence;
import dev.warden.fingerprint.FingerprintEngine;
import dev.warden.fingerprint.Identification;
import dev.warden.inventory.Change;
import dev.warden.inventory.Findings;
import dev.warden.inventory.FindingCounts;
import dev.warden.inventory.Inventory;
import dev.warden.inventory.IpOrder;
import dev.warden.inventory.Scan;
import dev.warden.inventory.ScanKind;
import dev.warden.model.Device;
import dev.warden.model.Finding;
import dev.warden.remediation.Remediations;
import dev.warden.remediation.FirmwareLineOrder;
import dev.warden.remediation.DuePolicy;
import dev.warden.notify.Notifier;
import dev.warden.advise.ingest.CsafSchema;
import dev.warden.advise.ingest.IngestLimits;
import dev.warden.store.Store;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * The discover → identify → record and assess → record pipelines, shared by the commands and the demo.
 * Discovery yields evidence per host, fingerprints turn it into a Device, the inventory records what changed;
 * assessment runs the checks over devices, feeds learned firmware back to the inventory and records findings.
 * Whenever the inventory changed, the devices are matched again against the advisories in force.
 */
final class Scans {
    private Scans() {
    }

    record Discovered(Scan scan, List<Device> devices, List<Change> changes) {
    }

    /** @param devices the assessed devices as the inventory now knows them (with firmware the checks learned) */
    record Assessed(Scan scan, List<Device> devices, List<Finding> findings, List<Fact> facts, List<String> notes,
                    FindingCounts counts) {
    }

    /** Discovers the targets, calling {@code each} as every device is identified, and records the scan. */
    static Discovered discover(Store store, Targets targets, DiscoveryOptions options, String targetText,
                               ProgressListener progress, BiConsumer<Device, Identification> each) throws InterruptedException {
        FingerprintEngine fingerprints = FingerprintEngine.load();
        DiscoveryEngine engine = new DiscoveryEngine(options);
        long started = System.currentTimeMillis();
        List<Device> devices = new ArrayList<>();
        engine.scan(targets, (HostEvidence e) -> {
            Identification id = fingerprints.identify(e);
            Device d = fingerprints.toDevice(e, ServiceNamer.services(e));
            devices.add(d);
            each.accept(d, id);
        }, progress);
        devices.sort(Comparator.comparing(Device::ip, IpOrder.COMPARATOR));
        Scan scan = Scan.of(ScanKind.DISCOVER, targetText, started, System.currentTimeMillis());
        Set<String> targetSet = new LinkedHashSet<>();
        targets.hosts().forEach(h -> targetSet.add(h.getHostAddress()));
        Predicate<String> inScope = targetSet::contains;
        List<Change> changes = new Inventory(store).recordDiscovery(scan, devices, inScope);
        if (!changes.isEmpty()) {
            advisories(store).rematch();
        }
        Map<String, String> seen = new LinkedHashMap<>();
        devices.stream().filter(d -> d.firmware() != null).forEach(d -> seen.put(d.ip(), d.firmware()));
        verifyRemediations(store, seen);
        return new Discovered(scan, devices, changes);
    }

    /** Assesses the devices and records what was learned and found. */
    static Assessed assess(Store store, List<Device> devices, AssessOptions options, String targetText) {
        return assess(store, devices, options, targetText, OwnerCredentials.NONE);
    }

    /** Assesses the devices, reading firmware through owners' read-only accounts too, and records what was learned and found. */
    static Assessed assess(Store store, List<Device> devices, AssessOptions options, String targetText, OwnerCredentials owner) {
        CheckCatalog catalog = CheckLoader.load();
        long started = System.currentTimeMillis();
        AssessResult r = new AssessEngine(catalog).assess(devices, options, owner);
        Scan scan = Scan.of(ScanKind.ASSESS, targetText, started, System.currentTimeMillis());
        Inventory inventory = new Inventory(store);
        boolean firmwareChanged = false;
        Map<String, String> seen = new LinkedHashMap<>();
        for (Fact f : r.facts()) {
            if (f.name().equals("firmware") && inventory.device(f.ip()).isPresent()) {
                seen.put(f.ip(), f.value());
                firmwareChanged |= inventory.updateFirmware(scan, f.ip(), f.value(), "check " + f.check()).isPresent();
            }
        }
        if (firmwareChanged) {
            advisories(store).rematch();
        }
        List<String> ips = devices.stream().map(Device::ip).toList();
        FindingCounts counts = new Findings(store).record(scan, r.findings(), ips);
        List<Device> known = devices.stream()
                .map(d -> inventory.device(d.ip()).map(dev.warden.inventory.KnownDevice::device).orElse(d)).toList();
        verifyRemediations(store, seen);
        return new Assessed(scan, known, r.findings(), r.facts(), r.notes(), counts);
    }

    /**
     * The advisory service every command uses: its matches open remediation items and queue the owners'
     * notifications ({@link Notifier}), so import → match → remediation → outbox is one flow.
     */
    static AdvisoryService advisories(Store store, IngestLimits limits, CsafSchema schema) {
        AdvisoryService service = new AdvisoryService(store, limits, schema);
        service.addListener(new Notifier(store, DuePolicy.load(), Clock.systemUTC()).listener());
        return service;
    }

    /** {@link #advisories(Store, IngestLimits, CsafSchema)} for matching only (no schema: imports run the mandatory tests). */
    static AdvisoryService advisories(Store store) {
        return advisories(store, IngestLimits.load(), null);
    }

    /** The re-assessment hook: firmware a scan just read (ip → firmware) may be the fix a remediation waits for. */
    private static void verifyRemediations(Store store, Map<String, String> seen) {
        Remediations remediations = new Remediations(store, Clock.systemUTC(), FirmwareLineOrder.shipped());
        seen.forEach(remediations::firmwareSeen);
    }
}
