/**
 * Assessment: runs the checks loaded by {@link dev.warden.assess.check.CheckLoader} over devices with
 * {@link dev.warden.assess.AssessEngine}, one executor per protocol, and the guard-rails (scope, login budget,
 * lockout signals, logout, redaction, intrusive opt-in, timeouts) in the engine rather than in each check.
 */
package dev.warden.assess;
