/**
 * Detectors over flows: plain Java over (event, per-host state), no threads, clocks or I/O, time only from the
 * events, bounded state with counted evictions, thresholds from rule files under {@code content/rules/}. Each emits
 * {@link dev.warden.watch.detect.Alert}s that carry their evidence.
 */
package dev.warden.watch.detect;
