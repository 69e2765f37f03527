/**
 * What a scan may touch: {@link dev.warden.scope.Targets} (addresses, CIDRs, ranges) and the
 * {@link dev.warden.scope.Scope} allow-list that every discovery and assessment checks before its first packet.
 * Loopback only unless the user widens it.
 */
package dev.warden.scope;
