/**
 * Remediation tracking per device and vulnerability: states ({@link dev.warden.remediation.RemediationState}), due
 * dates by severity as data ({@link dev.warden.remediation.DuePolicy}), the action each item recommends
 * ({@link dev.warden.remediation.RecommendedAction}), and verification by a re-assessment that reads the fixed
 * firmware ({@link dev.warden.remediation.Remediations#firmwareSeen}).
 */
package dev.warden.remediation;
