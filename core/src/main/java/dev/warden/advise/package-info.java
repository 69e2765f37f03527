/**
 * Advise: security advisories in, affected devices out. {@code csaf} reads CSAF 2.0 documents into
 * {@link dev.warden.model.Advisory}; {@code version} reads version ranges as real advisories write them and decides
 * whether a firmware version lies inside; {@code match} finds the inventory devices an advisory affects; {@code kev}
 * reads CISA's Known Exploited Vulnerabilities catalog. Pure functions of their input: no I/O besides the class-path
 * content they load, no threads, no clocks.
 */
package dev.warden.advise;
