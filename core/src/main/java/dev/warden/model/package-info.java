/**
 * Warden's vocabulary, shared end to end: {@link dev.warden.model.Device}, {@link dev.warden.model.Service} and
 * (with later capabilities) Finding, Alert and Advisory. Plain values; no I/O.
 */
package dev.warden.model;
