package dev.warden.notify;

import java.time.Instant;
import java.util.Map;

/**
 * One row of the outbox: a notification for one endpoint of one owner.
 *
 * @param id            the delivery id receivers see ({@code X-Warden-Delivery}, the Message-ID), stable across retries
 * @param dedupKey      sha256 over channel, endpoint, topic, advisory, device and action (or day, for reminders)
 * @param owner         the owner it is for
 * @param channel       email or webhook
 * @param endpoint      the mailbox or URL
 * @param topic         {@code advisory} (a device is affected) or {@code overdue} (a reminder)
 * @param advisoryId    the advisory
 * @param ip            the device
 * @param payload       what the message says, as data (rendered at delivery)
 * @param attempts      delivery attempts so far
 * @param nextAttemptAt when it may be tried (again)
 * @param status        pending, sent, dead or superseded
 * @param lastError     why the last attempt failed, or null
 * @param sentAt        when it was delivered, or null
 */
public record OutboxItem(String id, String dedupKey, String owner, Channel channel, String endpoint, String topic,
                         String advisoryId, String ip, Map<String, Object> payload, int attempts, Instant nextAttemptAt,
                         String status, String lastError, Instant sentAt) {
}
