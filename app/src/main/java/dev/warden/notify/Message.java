package dev.warden.notify;

import java.util.List;

/**
 * A rendered notification, ready for a {@link Sender}: one outbox item, or every pending item of a digest owner's
 * endpoint.
 *
 * @param deliveryId the id receivers use to drop a duplicate (the item's id; for a digest, derived from its items')
 * @param owner      the owner's name
 * @param channel    how it travels
 * @param endpoint   mailbox or URL
 * @param secretRef  for a webhook, the reference to its HMAC secret; else null
 * @param subject    the email subject (also the webhook's title)
 * @param text       the plain-text body
 * @param json       the webhook body (JSON), rendered for every message
 * @param itemIds    the outbox items it carries
 */
public record Message(String deliveryId, String owner, Channel channel, String endpoint, String secretRef, String subject,
                      String text, String json, List<String> itemIds) {
    public Message {
        itemIds = List.copyOf(itemIds);
    }
}
