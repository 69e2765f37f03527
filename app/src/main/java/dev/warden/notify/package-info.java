/**
 * Owner notifications through a transactional outbox: {@link dev.warden.notify.Notifier} turns advisory matches
 * into remediation items and queued notifications in one transaction; {@link dev.warden.notify.Deliverer} sends
 * them by email ({@link dev.warden.notify.SmtpSender}) or signed webhook ({@link dev.warden.notify.WebhookSender},
 * checked on the receiving side by {@link dev.warden.notify.WebhookSignature}) with retries, back-off, digests and
 * deduplication, rendered from the Pebble templates in {@code content/notify/templates}.
 */
package dev.warden.notify;
