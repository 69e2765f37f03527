package dev.warden.advise.store;

import java.util.List;

/**
 * The revision of an advisory in force, with how many devices it affects now.
 *
 * @param id            the tracking id
 * @param revision      the tracking version in force
 * @param released      epoch ms of its current release date, or null
 * @param title         its title
 * @param publisher     its publisher
 * @param severity      the highest severity of its vulnerabilities (wire name)
 * @param cves          its CVEs
 * @param devices       distinct devices with an active match
 * @param openReview    open review items
 */
public record AdvisoryRow(String id, String revision, Long released, String title, String publisher, String severity,
                          List<String> cves, int devices, int openReview) {
}
