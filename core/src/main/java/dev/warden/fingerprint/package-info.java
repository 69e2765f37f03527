/**
 * Fingerprints: turns what discovery saw ({@link dev.warden.evidence.HostEvidence}) into who a device is (kind,
 * vendor, model, hardware, firmware) with a confidence and the reasons for it. The knowledge is data, one YAML file
 * per vendor family under {@code content/fingerprints/}; {@link dev.warden.fingerprint.FingerprintEngine} compiles
 * the files once and applies them.
 */
package dev.warden.fingerprint;
