package dev.warden.cli;

import dev.warden.home.WardenHome;
import dev.warden.notify.Deliverer;
import dev.warden.notify.DeliveryPolicy;
import dev.warden.advise.service.AdvisoryService;
import dev.warden.notify.Notifier;
import dev.warden.notify.OutboxItem;
import dev.warden.notify.Outbox;
import dev.warden.notify.Renderer;
import dev.warden.notify.Sender;
import dev.warden.notify.SmtpSender;
import dev.warden.notify.SmtpSettings;
import dev.warden.notify.WebhookSender;
import dev.warden.remediation.DuePolicy;
import dev.warden.store.Store;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code warden notify}: queues overdue reminders and delivers what the outbox holds, or lists the outbox. */
@Command(name = "notify", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Queues today's reminders for overdue remediation items, then delivers every notification",
            "whose time has come (email through the SMTP server in <home>/notify.yaml, webhooks signed with",
            "HMAC-SHA256), retrying failures with back-off. --list shows the outbox instead."})
final class NotifyCommand implements Callable<Integer> {
    static final String SETTINGS = "notify.yaml";
    private static final int MAX_SETTINGS = 64 * 1024;

    @Mixin HomeOption home;
    @Mixin StoreOption store;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Option(names = "--list", description = "List the outbox (newest first) instead of delivering.") boolean list;
    @Option(names = "--status", paramLabel = "STATUS", description = "With --list: pending, sent, dead or superseded.") String status;
    @Option(names = "--json", description = "One JSON object per outbox item (--list) or one for the delivery run.") boolean json;

    @Override
    public Integer call() {
        if (status != null && !list) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--status needs --list");
        }
        WardenHome h = home.open();
        PrintWriter out = spec.commandLine().getOut();
        try (Store s = store.open(h)) {
            if (list) {
                list(out, new Outbox(s).list(status, 1000));
                return ExitCode.OK;
            }
            List<Sender> senders = new ArrayList<>();
            DeliveryPolicy policy = DeliveryPolicy.load();
            SmtpSettings smtp = smtp(h.root().resolve(SETTINGS));
            if (smtp != null) {
                senders.add(new SmtpSender(smtp, policy.timeout(), System::getenv));
            }
            senders.add(new WebhookSender(policy.timeout(), Clock.systemUTC(), System::getenv));
            Notifier notifier = new Notifier(s, DuePolicy.load(), Clock.systemUTC());
            int caughtUp = notifier.catchUp(new AdvisoryService(s));
            int reminders = notifier.remindOverdue();
            Deliverer.Report r = new Deliverer(s, senders, new Renderer(), policy, Clock.systemUTC()).deliverDue();
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("matches_caught_up", caughtUp);
                m.put("reminders_queued", reminders);
                m.put("sent", r.sent());
                m.put("retried", r.retried());
                m.put("dead", r.dead());
                m.put("errors", r.errors());
                out.println(JsonLines.write(m));
            } else {
                if (caughtUp > 0) {
                    out.printf("%d matches had no remediation item yet (an earlier run stopped before notifying): "
                            + "opened and queued%n", caughtUp);
                }
                out.printf("%d reminders queued; %d messages sent, %d to retry, %d given up%n", reminders, r.sent(), r.retried(), r.dead());
                r.errors().forEach(e -> spec.commandLine().getErr().println("warden: " + e));
                if (smtp == null) {
                    out.println("no " + h.root().resolve(SETTINGS) + ": email stays queued until an smtp: section is there");
                }
            }
        }
        return ExitCode.OK;
    }

    private void list(PrintWriter out, List<OutboxItem> items) {
        Table t = new Table("STATUS", "CHANNEL", "ENDPOINT", "TOPIC", "ADVISORY", "IP", "ATTEMPTS", "LAST ERROR");
        for (OutboxItem i : items) {
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", i.id());
                m.put("status", i.status());
                m.put("owner", i.owner());
                m.put("channel", i.channel().wireName());
                m.put("endpoint", i.endpoint());
                m.put("topic", i.topic());
                m.put("advisory", i.advisoryId());
                m.put("ip", i.ip());
                m.put("attempts", i.attempts());
                m.put("next_attempt_at", i.nextAttemptAt().toString());
                m.put("sent_at", i.sentAt() == null ? null : i.sentAt().toString());
                m.put("last_error", i.lastError());
                out.println(JsonLines.write(m));
            } else {
                t.row(i.status(), i.channel().wireName(), i.endpoint(), i.topic(), i.advisoryId(), i.ip(), i.attempts(),
                        OwnersCommand.dash(i.lastError()));
            }
        }
        if (!json) {
            t.print(out);
        }
    }

    /** The SMTP settings from the home's notify.yaml, or null when there is no such file. */
    static SmtpSettings smtp(Path file) {
        if (!Files.exists(file)) {
            return null;
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_SETTINGS + 1);
            if (bytes.length > MAX_SETTINGS) {
                throw new BadInputException(file + ": larger than " + MAX_SETTINGS + " bytes");
            }
            return SmtpSettings.parse(file.toString(), bytes);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read it: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
    }
}
