/**
 * Checks as data: the model of a check file ({@link dev.warden.assess.check.Check}), its loading and validation
 * ({@link dev.warden.assess.check.CheckLoader}), matchers, extractors, applies-to predicates and version comparison.
 * Pure: no I/O beyond reading the files; the network executors and guard-rails live in the app's
 * {@code dev.warden.assess}. The format is documented in {@code content/checks/README.md}.
 */
package dev.warden.assess.check;
