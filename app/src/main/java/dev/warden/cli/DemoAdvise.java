package dev.warden.cli;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.warden.advise.ingest.IngestLimits;
import dev.warden.advise.ingest.ShippedAdvisories;
import dev.warden.advise.service.AdvisoryService;
import dev.warden.advise.service.ImportResult;
import dev.warden.advise.store.AdvisoryRow;
import dev.warden.advise.store.MatchRow;
import dev.warden.assess.AssessOptions;
import dev.warden.assess.OwnerCredentials;
import dev.warden.inventory.Inventory;
import dev.warden.inventory.KnownDevice;
import dev.warden.lab.Lab;
import dev.warden.lab.device.Account;
import dev.warden.lab.device.SimDevice;
import dev.warden.model.AdvisoryMatch;
import dev.warden.model.Device;
import dev.warden.notify.Deliverer;
import dev.warden.notify.DeliveryPolicy;
import dev.warden.notify.Renderer;
import dev.warden.notify.SmtpSender;
import dev.warden.notify.SmtpSettings;
import dev.warden.owner.Owner;
import dev.warden.owner.Owners;
import dev.warden.remediation.FirmwareLineOrder;
import dev.warden.remediation.RecommendedAction;
import dev.warden.remediation.Remediation;
import dev.warden.remediation.Remediations;
import dev.warden.scope.Scope;
import dev.warden.store.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The demo's advise part: Warden's shipped advisories imported into the lab's inventory, the devices they hit, a site
 * and owner for the lab, the notifications delivered to a mailbox the demo runs in-process (GreenMail on the lab's
 * .254 address, started after discovery so no scan sees it) and printed, then one camera upgraded, re-assessed with
 * the read-only account its owner lends, and shown verified.
 */
final class DemoAdvise {
    /** The lab camera the demo patches, and the firmware its profile offers that the advisories no longer hit. */
    static final String PATCHED_DEVICE = "foscam-nursery";
    static final String FIXED_FIRMWARE = "2.11.1.135";

    private DemoAdvise() {
    }

    static void run(Store store, Lab lab, String prefix, Scope scope, Path demoDir, PrintWriter out) throws IOException {
        Owners owners = new Owners(store);
        owners.addSite("demo-lab", List.of(prefix + "0/24"));
        owners.addOwner(new Owner("lab-owner", "owner@lab.example", null, null, false));
        owners.assignSite("lab-owner", "demo-lab");
        out.println("site demo-lab (" + prefix + "0/24), owner lab-owner <owner@lab.example>");
        AdvisoryService advisories = Scans.advisories(store, IngestLimits.load(), null);
        ImportResult r = advisories.importFrom(List.of(ShippedAdvisories.source()), u -> false);
        out.printf("imported %d shipped advisories (%d rejected), %d matches%n", r.imported().size(), r.rejected().size(),
                r.matchesAdded());
        printMatches(store, advisories, out);

        out.println();
        out.println("Notifications: delivered to a local mailbox (in-process SMTP), as an owner would read them");
        GreenMail mailbox = new GreenMail(new ServerSetup(2525, prefix + "254", ServerSetup.PROTOCOL_SMTP));
        mailbox.start();
        try {
            SmtpSettings smtp = new SmtpSettings(prefix + "254", 2525, SmtpSettings.Security.NONE, null, null,
                    "warden@lab.example", null);
            DeliveryPolicy policy = DeliveryPolicy.load();
            Deliverer.Report sent = new Deliverer(store, List.of(new SmtpSender(smtp, policy.timeout(), System::getenv)),
                    new Renderer(), policy, Clock.systemUTC()).deliverDue();
            out.printf("%d messages sent, %d to retry%n", sent.sent(), sent.retried());
            for (MimeMessage m : mailbox.getReceivedMessages()) {
                out.println("  ── To: " + GreenMailUtil.getAddressList(m.getAllRecipients()) + "  Subject: " + m.getSubject());
                GreenMailUtil.getBody(m).lines().map(String::strip).filter(l -> !l.isEmpty()).limit(4)
                        .forEach(l -> out.println("     " + l));
            }
        } catch (jakarta.mail.MessagingException e) {
            out.println("mailbox could not be read: " + e.getMessage());
        } finally {
            mailbox.stop();
        }

        out.println();
        verify(store, lab, scope, demoDir, out);
    }

    /** One row per device and advisory: its CVEs, the matcher's lowest confidence and the action. */
    private static void printMatches(Store store, AdvisoryService advisories, PrintWriter out) {
        Inventory inventory = new Inventory(store);
        Table t = new Table("DEVICE", "IP", "ADVISORY", "CVES", "CONFIDENCE", "ACTION");
        for (AdvisoryRow a : advisories.list()) {
            Map<String, List<AdvisoryMatch>> byDevice = new LinkedHashMap<>();
            for (MatchRow row : advisories.affected(a.id())) {
                byDevice.computeIfAbsent(row.match().deviceIp(), ip -> new ArrayList<>()).add(row.match());
            }
            for (Map.Entry<String, List<AdvisoryMatch>> e : byDevice.entrySet()) {
                List<AdvisoryMatch> ms = e.getValue();
                AdvisoryMatch first = ms.get(0);
                String device = inventory.device(e.getKey()).map(KnownDevice::device)
                        .map(d -> d.vendor() + " " + d.model()).orElse("?");
                List<String> cves = ms.stream().map(AdvisoryMatch::cve).filter(java.util.Objects::nonNull).toList();
                String cveText = cves.isEmpty() ? "-" : cves.size() <= 2 ? String.join(" ", cves)
                        : cves.get(0) + " … " + cves.get(cves.size() - 1) + " (" + cves.size() + ")";
                double confidence = ms.stream().mapToDouble(AdvisoryMatch::confidence).min().orElse(0);
                t.row(device, e.getKey(), first.advisoryId(), cveText, String.format("%.2f", confidence),
                        clip(RecommendedAction.of(first.remedy()).text(), 50));
            }
        }
        t.print(out);
    }

    /**
     * Patches one camera in the lab, lends its read-only account (a password file referenced from a credentials file,
     * as an owner would), re-assesses it and prints its remediation items.
     */
    private static void verify(Store store, Lab lab, Scope scope, Path demoDir, PrintWriter out) throws IOException {
        Optional<SimDevice> cam = lab.devices().stream().filter(d -> d.name().equals(PATCHED_DEVICE)).findFirst();
        if (cam.isEmpty()) {
            out.println("no " + PATCHED_DEVICE + " in this lab: the upgrade step is skipped");
            return;
        }
        String ip = cam.get().ip();
        out.println("Fix and verify: the owner updates " + PATCHED_DEVICE + " (" + ip + ") from " + cam.get().firmware().version()
                + " to " + FIXED_FIRMWARE);
        SimDevice patched = lab.upgrade(PATCHED_DEVICE, FIXED_FIRMWARE);
        // The update also ends the blank admin password, so the camera no longer shows its firmware to a scan: the
        // owner lends the account (by file reference, never on the command line) for the re-assessment to read it.
        Account web = patched.accounts().stream().filter(a -> a.service().equals("web")).findFirst().orElseThrow();
        Files.createDirectories(demoDir);
        Path secret = demoDir.resolve(PATCHED_DEVICE + ".password");
        Files.deleteIfExists(secret);
        Files.createFile(secret, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(secret, web.password() + "\n");
        String yaml = "credentials:\n  - {ip: " + ip + ", user: " + web.user() + ", password: \"file:" + secret + "\"}\n";
        Path creds = Files.writeString(demoDir.resolve("credentials.yaml"), yaml);
        OwnerCredentials lent = OwnerCredentials.parse(creds.toString(), yaml.getBytes(StandardCharsets.UTF_8), System::getenv);
        Device known = new Inventory(store).device(ip).map(KnownDevice::device).orElseThrow();
        Scans.Assessed a = Scans.assess(store, List.of(known), AssessOptions.defaults(scope), ip, lent);
        out.println("re-assessed with the owner's read-only account (" + creds + "): firmware "
                + a.devices().get(0).firmware());
        Table t = new Table("IP", "ADVISORY", "CVE", "STATE", "WHY");
        for (Remediation r : new Remediations(store, Clock.systemUTC(), FirmwareLineOrder.shipped()).list(false)) {
            if (r.ip().equals(ip)) {
                t.row(r.ip(), r.advisoryId(), r.cve().isEmpty() ? "-" : r.cve(), r.state().wireName(),
                        r.reason() == null ? "-" : r.reason());
            }
        }
        t.print(out);
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

}
