/**
 * Advisories against the inventory: {@link dev.warden.advise.service.AdvisoryService} imports, re-matches after
 * inventory changes and answers what an advisory or CVE affects; {@link dev.warden.advise.service.MatchListener}s
 * (notifications) hear every change once it is committed.
 */
package dev.warden.advise.service;
