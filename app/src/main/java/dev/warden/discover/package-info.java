/**
 * Network discovery: which hosts in scope are up, which IoT ports they serve and what each service says about itself.
 * {@link dev.warden.scope.Targets} and {@link dev.warden.scope.Scope} decide what may be touched (loopback only
 * unless widened), {@link dev.warden.discover.DiscoveryEngine} scans and streams one
 * {@link dev.warden.evidence.HostEvidence} per host, {@link dev.warden.discover.ServiceNamer} names the services.
 * What to probe on which port is data: {@code content/discover/probes.yaml}.
 */
package dev.warden.discover;
