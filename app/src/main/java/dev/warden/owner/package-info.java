/**
 * Sites (named network blocks) and owners (who to tell, by email or signed webhook) and which devices each owner
 * answers for: {@link dev.warden.owner.Owners} is the store side, {@code warden owners} and {@code warden sites} the
 * command side.
 */
package dev.warden.owner;
