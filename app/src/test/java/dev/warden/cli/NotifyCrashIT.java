package dev.warden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.advise.ingest.ShippedAdvisories;
import dev.warden.inventory.Inventory;
import dev.warden.inventory.Scan;
import dev.warden.inventory.ScanKind;
import dev.warden.model.Device;
import dev.warden.model.DeviceKind;
import dev.warden.notify.Outbox;
import dev.warden.notify.OutboxItem;
import dev.warden.owner.Owner;
import dev.warden.owner.Owners;
import dev.warden.store.Store;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety with a real process kill: {@code warden notify} runs as a child JVM against an SMTP server on
 * 127.77.190.20 that takes its time to accept each message, is killed with SIGKILL mid-delivery, and is run again. The
 * documented guarantee (Deliverer): every notification arrives; one cut short after the server accepted it may arrive a
 * second time with the same delivery id (Message-ID), which the receiver drops. So: after dedup by Message-ID every
 * queued notification is there exactly once, and at most the one in flight at the kill came twice.
 * <p>
 * The child's class path starts with a {@code content/notify/delivery.yaml} whose lease is 1 s (shipped: 120 s), so
 * the second run may retry the claimed item without the test waiting two minutes.
 */
class NotifyCrashIT {
    private static final String SMTP_HOST = "127.77.190.20";
    private static final long ACCEPT_MILLIS = 400;

    @TempDir
    Path tmp;
    private ServerSocket smtp;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final List<Process> children = new ArrayList<>();

    @AfterEach
    void stop() throws IOException {
        children.forEach(Process::destroyForcibly);
        if (smtp != null) {
            smtp.close();
        }
    }

    @Test
    void killedMidDeliveryLosesNothingAndDuplicatesOnlyWhatTheReceiverDrops() throws Exception {
        Path home = tmp.resolve("home");
        Files.createDirectories(home);
        int queued = queueNotifications(home, 8);
        assertThat(queued).isGreaterThanOrEqualTo(8);
        startSlowSmtp();
        Files.writeString(home.resolve("notify.yaml"), "smtp:\n  host: " + SMTP_HOST + "\n  port: " + smtp.getLocalPort()
                + "\n  security: none\n  from: warden@example.org\n");

        Process first = notifyProcess(home);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (received.size() < 3 && first.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(first.isAlive()).as("the first run is still delivering when it is killed").isTrue();
        first.destroyForcibly(); // SIGKILL: no shutdown hook, no finally
        first.waitFor(10, TimeUnit.SECONDS);
        int beforeRestart = received.size();
        assertThat(beforeRestart).isLessThan(queued);

        Thread.sleep(1500); // past the 1 s lease of the item in flight
        Process second = notifyProcess(home);
        assertThat(second.waitFor(90, TimeUnit.SECONDS)).as("the second run finishes").isTrue();
        assertThat(second.exitValue()).as(new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();

        Map<String, Integer> byId = new TreeMap<>();
        received.forEach(id -> byId.merge(id, 1, Integer::sum));
        try (Store store = Store.open("jdbc:sqlite:" + home.resolve("warden.db"))) {
            List<OutboxItem> items = new Outbox(store).list(null, 1000);
            assertThat(items).hasSize(queued).allSatisfy(i -> assertThat(i.status()).isEqualTo("sent"));
            assertThat(byId.keySet()).as("every notification arrived, by delivery id").hasSize(queued);
        }
        assertThat(received.size() - byId.size()).as("duplicates (same delivery id) beyond the one in flight").isLessThanOrEqualTo(1);
    }

    /** A store with {@code n} affected Foscam cameras of one owner and Warden's advisories imported: the outbox filled. */
    private int queueNotifications(Path home, int n) {
        try (Store store = Store.open("jdbc:sqlite:" + home.resolve("warden.db"))) {
            List<Device> cams = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                cams.add(new Device("127.77.190." + (100 + i), DeviceKind.CAMERA, "Foscam", "FI9826P", "V1", "2.11.1.120", 0.9, List.of()));
            }
            long now = System.currentTimeMillis();
            new Inventory(store).recordDiscovery(Scan.of(ScanKind.DISCOVER, "127.77.190.0/24", now, now), cams, ip -> true);
            Owners owners = new Owners(store);
            owners.addOwner(new Owner("alice", "alice@example.org", null, null, false));
            cams.forEach(c -> owners.assignIp("alice", c.ip()));
            Scans.advisories(store).importFrom(List.of(ShippedAdvisories.source()), u -> false);
            return new Outbox(store).list("pending", 1000).size();
        }
    }

    private Process notifyProcess(Path home) throws IOException {
        Path override = tmp.resolve("override");
        Files.createDirectories(override.resolve("content/notify"));
        Files.writeString(override.resolve("content/notify/delivery.yaml"), """
                max-attempts: 8
                first-retry-seconds: 1
                max-retry-seconds: 2
                lease-seconds: 1
                batch: 200
                timeout-seconds: 10
                """);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = override + File.pathSeparator + System.getProperty("java.class.path");
        Process p = new ProcessBuilder(java, "-cp", cp, Main.class.getName(), "notify", "--home", home.toString())
                .redirectErrorStream(true).start();
        children.add(p);
        return p;
    }

    /** A minimal SMTP server that records each accepted message's Message-ID, ACCEPT_MILLIS after its data ends. */
    private void startSlowSmtp() throws IOException {
        smtp = new ServerSocket(0, 50, InetAddress.getByName(SMTP_HOST));
        Thread.ofVirtual().start(() -> {
            while (!smtp.isClosed()) {
                try {
                    Socket s = smtp.accept();
                    Thread.ofVirtual().start(() -> session(s));
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    private void session(Socket s) {
        try (s) {
            s.setSoTimeout(30_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = s.getOutputStream();
            reply(out, "220 slow.test ESMTP");
            String line;
            while ((line = in.readLine()) != null) {
                String cmd = line.length() >= 4 ? line.substring(0, 4).toUpperCase(Locale.ROOT) : line.toUpperCase(Locale.ROOT);
                switch (cmd) {
                    case "EHLO", "HELO", "MAIL", "RCPT", "RSET", "NOOP" -> reply(out, "250 ok");
                    case "DATA" -> {
                        reply(out, "354 go ahead");
                        String id = null;
                        for (String d = in.readLine(); d != null && !d.equals("."); d = in.readLine()) {
                            if (id == null && d.regionMatches(true, 0, "Message-ID:", 0, 11)) {
                                id = d.substring(11).strip();
                            }
                        }
                        Thread.sleep(ACCEPT_MILLIS);
                        received.add(String.valueOf(id));
                        reply(out, "250 accepted");
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "502 not here");
                }
            }
        } catch (IOException | InterruptedException e) {
            // the client went away (killed): what this test does on purpose
        }
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }
}
