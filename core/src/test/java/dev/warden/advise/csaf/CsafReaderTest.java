package dev.warden.advise.csaf;

import dev.warden.advise.AdvisoryException;
import dev.warden.model.Advisory;
import dev.warden.model.AffectedProduct;
import dev.warden.model.Remedy;
import dev.warden.model.Severity;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsafReaderTest {
    static final Path REAL = Path.of("../../shared/data/advisories/csaf");
    static final Path SHIPPED = Path.of("../content/advisories");

    static Advisory real(String file) throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(REAL), "real advisories not found at " + REAL.toAbsolutePath()
                + " (shared data absent): skipped");
        return CsafReader.read(Files.readAllBytes(REAL.resolve(file)), file);
    }

    @Test
    void readsHikvisionWithItsMessyRangesAndScores() throws Exception {
        Advisory a = real("cisa-icsa-17-124-01.json");
        assertThat(a.id()).isEqualTo("ICSA-17-124-01");
        assertThat(a.revision()).isEqualTo("1");
        assertThat(a.publisher()).isEqualTo("CISA");
        assertThat(a.cves()).containsExactly("CVE-2017-7921", "CVE-2017-7923");
        assertThat(a.vulnerabilities().get(0).severity()).isEqualTo(Severity.CRITICAL);
        assertThat(a.vulnerabilities().get(0).cvss()).isEqualTo(10.0);
        AffectedProduct p7 = a.products().get(6);
        assertThat(p7.vendor()).isEqualTo("Hikvision");
        assertThat(p7.models()).containsExactly("DS-2CD2xx2F-I Series");
        assertThat(p7.versionRange()).isEqualTo(">= 5.2.0 build 140721 | <= 5.4.0  build 160530");
        assertThat(p7.status()).isEqualTo(AffectedProduct.ProductStatus.AFFECTED);
    }

    @Test
    void readsMobotixFirmwareInstalledOnHardware() throws Exception {
        Advisory a = real("cisa-icsa-24-235-03.json");
        AffectedProduct p = a.products().stream().filter(x -> x.productId().equals("CSAFPID-0309")).findFirst().orElseThrow();
        assertThat(p.models()).containsExactly("D24M");
        assertThat(p.vendor()).isEqualTo("Mobotix");
        assertThat(p.versionRange()).isEqualTo("MX-V4.1.4.11");
        assertThat(a.products()).extracting(AffectedProduct::status)
                .contains(AffectedProduct.ProductStatus.FIXED, AffectedProduct.ProductStatus.NOT_AFFECTED);
        Remedy fix = a.vulnerabilities().get(0).remedies().get(0);
        assertThat(fix.category()).isEqualTo(Remedy.Category.VENDOR_FIX);
        assertThat(fix.fixedFirmware()).isEqualTo("MX-V4.7.2.18");
        assertThat(fix.productIds()).contains("CSAFPID-0309");
    }

    @Test
    void readsZavioNoFixPlanned() throws Exception {
        Advisory a = real("cisa-icsa-23-304-03.json");
        assertThat(a.products()).hasSize(11);
        assertThat(a.vulnerabilities().get(0).remedies().get(0).category()).isEqualTo(Remedy.Category.NO_FIX_PLANNED);
    }

    @Test
    void readsTheSpecificationExamples() throws Exception {
        assertThat(real("oasis-bsi-2022-0001.json").id()).isEqualTo("BSI-2022-0001");
        Advisory cisco = real("oasis-cisco-sa-20180328-smi2.json");
        assertThat(cisco.products()).isNotEmpty();
        assertThat(cisco.released()).isNotNull();
    }

    @Test
    void readsEveryShippedAdvisory() throws Exception {
        try (var files = Files.list(SHIPPED)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                Advisory a = CsafReader.read(Files.readAllBytes(f), f.getFileName().toString());
                assertThat(a.publisher()).as(f.toString()).isEqualTo("Warden project");
                assertThat(a.products()).as(f.toString()).isNotEmpty();
                assertThat(a.severity()).as(f.toString()).isGreaterThanOrEqualTo(Severity.HIGH);
            }
        }
    }

    @Test
    void hostileDocumentsFailWithAClearMessage() {
        String deep = "{\"document\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        assertThatThrownBy(() -> CsafReader.read(deep.getBytes(StandardCharsets.US_ASCII), "deep.json"))
                .isInstanceOf(AdvisoryException.class).hasMessageStartingWith("deep.json").hasMessageContaining("nesting");
        byte[] badUtf8 = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        assertThatThrownBy(() -> CsafReader.read(badUtf8, "utf8.json")).isInstanceOf(AdvisoryException.class)
                .hasMessageStartingWith("utf8.json");
        assertThatThrownBy(() -> CsafReader.read(new byte[CsafJson.MAX_BYTES + 1], "huge.json"))
                .isInstanceOf(AdvisoryException.class).hasMessageContaining("more than");
        assertThatThrownBy(() -> CsafReader.read("{\"a\":1,\"a\":2}".getBytes(StandardCharsets.US_ASCII), "dup.json"))
                .isInstanceOf(AdvisoryException.class).hasMessageContaining("dup.json");
    }

    @Test
    void missingFieldsAndUndefinedProductsNameTheirPointer() {
        String noId = "{\"document\":{\"tracking\":{\"version\":\"1\"}}}";
        assertThatThrownBy(() -> CsafReader.read(noId.getBytes(StandardCharsets.UTF_8), "x.json"))
                .hasMessage("x.json: /document/tracking/id is missing");
        String undefined = "{\"document\":{\"tracking\":{\"id\":\"A\",\"version\":\"1\"}},"
                + "\"vulnerabilities\":[{\"product_status\":{\"known_affected\":[\"P1\"]}}]}";
        assertThatThrownBy(() -> CsafReader.read(undefined.getBytes(StandardCharsets.UTF_8), "y.json"))
                .hasMessage("y.json: /vulnerabilities/0/product_status/known_affected/0: product id 'P1' is not defined in the product tree");
    }
}
