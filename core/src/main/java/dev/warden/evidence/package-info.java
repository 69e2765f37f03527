/**
 * What discovery saw, before any conclusion: {@link dev.warden.evidence.HostEvidence} of
 * {@link dev.warden.evidence.Observation}s keyed by {@link dev.warden.evidence.EvidenceKeys}.
 */
package dev.warden.evidence;
