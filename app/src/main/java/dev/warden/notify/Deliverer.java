package dev.warden.notify;

import dev.warden.owner.Owner;
import dev.warden.owner.Owners;
import dev.warden.remediation.RecommendedAction;
import dev.warden.store.Store;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sends what the outbox holds: every pending item whose time has come, one message each, or one digest per endpoint
 * for owners who chose digests. An item is claimed (hidden for the lease), sent, and only then marked sent; a failure
 * is retried with exponential back-off until the policy's attempts run out (then the item is dead).
 *
 * <p>The guarantee, exactly: an item marked sent is never sent again (its status is final and its dedup key cannot be
 * queued twice). An item whose delivery was cut short — the process died after the server accepted it but before the
 * mark was written, or before it was sent at all — is still pending and is sent again once its lease has passed: at
 * least once, and in the first case twice with the same delivery id (Message-ID / {@code X-Warden-Delivery}), which
 * receivers use to drop the duplicate. Claims use a compare-and-set on the next attempt time, so two Deliverers on the
 * same store never send the same item at the same time.
 */
public final class Deliverer {
    private final Outbox outbox;
    private final Owners owners;
    private final Map<Channel, Sender> senders = new EnumMap<>(Channel.class);
    private final Renderer renderer;
    private final DeliveryPolicy policy;
    private final Clock clock;

    /**
     * What one run did.
     *
     * @param sent    messages accepted by their server (a digest counts once)
     * @param retried messages that failed and will be tried again
     * @param dead    messages given up on
     * @param errors  the failures, one line each (never a secret: references only)
     */
    public record Report(int sent, int retried, int dead, List<String> errors) {
    }

    /** @param senders one per channel; a channel without a sender leaves its items pending with an error */
    public Deliverer(Store store, List<Sender> senders, Renderer renderer, DeliveryPolicy policy, Clock clock) {
        this.outbox = new Outbox(store);
        this.owners = new Owners(store);
        for (Sender s : senders) {
            this.senders.put(s.channel(), s);
        }
        this.renderer = renderer;
        this.policy = policy;
        this.clock = clock;
    }

    /** Delivers what is due now (at most the policy's batch of items). */
    public Report deliverDue() {
        Instant now = clock.instant();
        Map<String, Owner> byName = new HashMap<>();
        for (Owner o : owners.owners()) {
            byName.put(o.name(), o);
        }
        Map<String, List<OutboxItem>> groups = new LinkedHashMap<>();
        for (OutboxItem i : outbox.due(now, policy.batch())) {
            Owner o = byName.get(i.owner());
            String key = o != null && o.digest() ? "digest\n" + i.owner() + "\n" + i.channel() + "\n" + i.endpoint() : i.id();
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
        }
        int sent = 0;
        int retried = 0;
        int dead = 0;
        List<String> errors = new ArrayList<>();
        for (Map.Entry<String, List<OutboxItem>> g : groups.entrySet()) {
            List<OutboxItem> claimed = new ArrayList<>();
            for (OutboxItem i : g.getValue()) {
                if (outbox.claim(i, now.plus(policy.lease()))) {
                    claimed.add(i);
                }
            }
            if (claimed.isEmpty()) {
                continue;
            }
            List<String> ids = claimed.stream().map(OutboxItem::id).toList();
            OutboxItem first = claimed.get(0);
            Owner o = byName.get(first.owner());
            try {
                Sender s = senders.get(first.channel());
                if (s == null) {
                    throw new DeliveryException("no " + first.channel().wireName() + " sender is configured", false, null);
                }
                if (o == null) {
                    throw new DeliveryException("owner " + first.owner() + " no longer exists", true, null);
                }
                s.send(render(g.getKey().startsWith("digest\n"), claimed, o));
                outbox.markSent(ids, clock.instant());
                sent++;
            } catch (DeliveryException e) {
                int attempts = claimed.stream().mapToInt(OutboxItem::attempts).max().orElse(0) + 1;
                boolean give = e.permanent() || attempts >= policy.maxAttempts();
                outbox.markFailed(ids, e.getMessage(), now.plus(policy.backoff(attempts)), give);
                errors.add(first.channel().wireName() + " " + first.endpoint() + ": " + e.getMessage());
                if (give) {
                    dead++;
                } else {
                    retried++;
                }
            }
        }
        return new Report(sent, retried, dead, errors);
    }

    private Message render(boolean digest, List<OutboxItem> items, Owner o) throws DeliveryException {
        String ref = items.get(0).channel() == Channel.WEBHOOK ? o.webhookSecret() : null;
        try {
            if (!digest) {
                return renderer.single(items.get(0), ref);
            }
            List<String> ids = new ArrayList<>(items.stream().map(OutboxItem::id).sorted().toList());
            return renderer.digest("digest-" + RecommendedAction.sha256(String.join(",", ids)).substring(0, 32), items, ref);
        } catch (RuntimeException e) {
            throw new DeliveryException("cannot render: " + e.getMessage(), true, e);
        }
    }
}
