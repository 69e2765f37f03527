package dev.warden.advise.kev;

import dev.warden.advise.AdvisoryException;
import dev.warden.model.Advisory;
import dev.warden.model.KnownExploited;
import dev.warden.model.Vulnerability;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KevCatalogTest {
    /** Hand-written in CISA's format; not a copy of the catalog. */
    private static final String CATALOG = """
            {"title": "CISA Catalog of Known Exploited Vulnerabilities", "catalogVersion": "test", "count": 2,
             "vulnerabilities": [
              {"cveID": "CVE-2017-7921", "vendorProject": "Hikvision", "product": "Multiple Products",
               "vulnerabilityName": "Hikvision Improper Authentication", "dateAdded": "2021-12-10",
               "shortDescription": "Improper authentication.", "requiredAction": "Apply updates per vendor instructions.",
               "dueDate": "2022-06-10", "knownRansomwareCampaignUse": "Unknown", "notes": ""},
              {"cveID": "CVE-2018-6830", "vendorProject": "Foscam", "product": "IP cameras",
               "vulnerabilityName": "Test entry", "dateAdded": "2020-01-01", "requiredAction": "Apply updates.",
               "dueDate": "", "knownRansomwareCampaignUse": "Known"}]}
            """;

    @Test
    void readsEntriesAndJoinsThemByCve() throws Exception {
        Map<String, KnownExploited> kev = KevCatalog.read(CATALOG.getBytes(StandardCharsets.UTF_8));
        assertThat(kev).containsKeys("CVE-2017-7921", "CVE-2018-6830");
        KnownExploited h = kev.get("CVE-2017-7921");
        assertThat(h.dateAdded()).isEqualTo(LocalDate.of(2021, 12, 10));
        assertThat(h.dueDate()).isEqualTo(LocalDate.of(2022, 6, 10));
        assertThat(h.requiredAction()).startsWith("Apply updates");
        assertThat(kev.get("CVE-2018-6830").dueDate()).isNull();

        Advisory a = new Advisory("ICSA-17-124-01", "1", "t", "CISA", null, null, List.of(), List.of(
                new Vulnerability("CVE-2017-7921", null, null, null, List.of(), null),
                new Vulnerability("CVE-2017-7923", null, null, null, List.of(), null)));
        Advisory joined = KevCatalog.join(a, kev);
        assertThat(joined.vulnerabilities().get(0).exploited()).isEqualTo(h);
        assertThat(joined.vulnerabilities().get(1).exploited()).isNull();
    }

    @Test
    void rejectsEntriesItCannotUse() {
        assertThatThrownBy(() -> KevCatalog.read("{\"vulnerabilities\":[{\"cveID\":\"nope\"}]}".getBytes()))
                .isInstanceOf(AdvisoryException.class).hasMessageContaining("/vulnerabilities/0/cveID");
        assertThatThrownBy(() -> KevCatalog.read(
                "{\"vulnerabilities\":[{\"cveID\":\"CVE-2017-7921\",\"dateAdded\":\"10/12/2021\"}]}".getBytes()))
                .hasMessageContaining("dateAdded");
        assertThatThrownBy(() -> KevCatalog.read("[]".getBytes())).isInstanceOf(AdvisoryException.class);
    }
}
