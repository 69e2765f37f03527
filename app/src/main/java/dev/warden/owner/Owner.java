package dev.warden.owner;

import java.util.Objects;

/**
 * Someone answerable for devices, and how to reach them. Either contact may be null, not both.
 *
 * @param name          unique name
 * @param email         mailbox for notifications, or null
 * @param webhookUrl    http(s) URL that receives signed JSON notifications, or null
 * @param webhookSecret a {@link SecretRef} naming where the webhook's HMAC secret is kept; never the secret itself
 * @param digest        true: one message listing everything pending instead of one message per item
 */
public record Owner(String name, String email, String webhookUrl, String webhookSecret, boolean digest) {
    public Owner {
        Objects.requireNonNull(name, "name");
    }
}
