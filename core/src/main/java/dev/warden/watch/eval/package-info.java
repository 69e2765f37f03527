/**
 * Measuring the detectors: a {@link dev.warden.watch.eval.Truth} file says which host did what when (hand-written
 * for a real capture, written by the lab's traffic synthesizer for a synthetic one), and
 * {@link dev.warden.watch.eval.Evaluation} scores a run's alerts against it: detection and time to detect per attack
 * window, false positives, precision and recall per kind.
 */
package dev.warden.watch.eval;
