/**
 * What {@code warden watch} found, kept: every alert in the store, and per device the incidents they fold into
 * (first and last seen, count, kinds, worst severity, open or closed). Read by {@code warden incidents}.
 */
package dev.warden.incident;
