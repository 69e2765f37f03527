package dev.warden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.advise.SharedAdvisories;
import dev.warden.advise.service.AdvisoryServiceContractSupport;
import dev.warden.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class AdvisoriesCommandTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path home;

    private MainTest.Run warden(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--home";
        all[args.length + 1] = home.toString();
        return MainTest.run(all);
    }

    private static List<JsonNode> lines(String out) {
        return out.lines().filter(l -> !l.isBlank()).map(JSON::readTree).toList();
    }

    @Test
    void importListShowAffectedAndReview() throws Exception {
        Path csaf = SharedAdvisories.documents().get(0).getParent();
        String schema = SharedAdvisories.schema().toString();
        try (Store store = Store.open("jdbc:sqlite:" + home.resolve("warden.db"))) {
            AdvisoryServiceContractSupport.discoverZavio(store);
        }
        Path kev = home.resolve("kev.json");
        Files.writeString(kev, """
                {"title": "CISA Catalog of Known Exploited Vulnerabilities", "vulnerabilities": [
                  {"cveID": "CVE-2023-3959", "vendorProject": "Zavio", "product": "IP Camera", "dateAdded": "2024-01-02",
                   "requiredAction": "Discontinue use of the product.", "dueDate": "2024-01-23",
                   "knownRansomwareCampaignUse": "Unknown"}]}""");

        MainTest.Run imported = warden("advisories", "import", csaf.toString(), "--schema", schema, "--kev", kev.toString());
        assertThat(imported.code()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("KEV: 1 known exploited", "5 new, 0 updated, 0 unchanged", "ICSA-23-304-03");

        MainTest.Run list = warden("advisories", "list", "--json");
        assertThat(lines(list.out())).hasSize(5).extracting(n -> n.path("advisory_id").asString())
                .contains("ICSA-23-304-03", "BSI-2022-0001");
        JsonNode zavio = lines(list.out()).stream().filter(n -> n.path("advisory_id").asString().equals("ICSA-23-304-03"))
                .findFirst().orElseThrow();
        assertThat(zavio.path("devices").asInt()).isEqualTo(2);

        MainTest.Run show = warden("advisories", "show", "ICSA-23-304-03");
        assertThat(show.out()).contains("Revisions:", "Vulnerabilities:", "KEV, due 2024-01-23", "Products:", "CF7500",
                "127.77.170.11", "no_fix_planned");
        JsonNode shown = lines(warden("advisories", "show", "ICSA-23-304-03", "--json").out()).get(0);
        assertThat(shown.path("revisions")).hasSize(1);
        assertThat(shown.path("vulnerabilities").get(0).path("known_exploited").path("due_date").asString()).isEqualTo("2024-01-23");

        List<JsonNode> affected = lines(warden("affected", "CVE-2023-3959", "--json").out());
        assertThat(affected).extracting(n -> n.path("ip").asString()).containsExactly("127.77.170.11", "127.77.170.12");
        assertThat(affected.get(0).path("model").asString()).isEqualTo("CF7500");
        assertThat(affected.get(0).path("remedy").path("category").asString()).isEqualTo("no_fix_planned");
        assertThat(affected.get(0).path("reasons")).isNotEmpty();
        assertThat(warden("affected", "ICSA-23-304-03").out()).contains("127.77.170.12", "CF7300");

        assertThat(warden("advisories", "review").code()).isZero();
        MainTest.Run unknown = warden("affected", "NOPE-1");
        assertThat(unknown.code()).isEqualTo(ExitCode.BAD_CONFIG);
        assertThat(unknown.err()).contains("no advisory 'NOPE-1'");
    }

    @Test
    void rejectedDocumentsAndAMissingSchemaAreSaid() throws Exception {
        Path bad = home.resolve("bad.json");
        Files.write(bad, new byte[] {'{', (byte) 0xC3, '}'});
        MainTest.Run r = warden("advisories", "import", bad.toString());
        assertThat(r.code()).isEqualTo(ExitCode.BAD_CONFIG);
        assertThat(r.out()).contains("WARNING: no CSAF schema configured", "NOT validated", "rejected " + bad + ": not valid UTF-8");

        MainTest.Run json = warden("advisories", "import", bad.toString(), "--json");
        assertThat(lines(json.out())).extracting(n -> n.path("event").asString()).containsExactly("warning", "rejected");

        assertThat(warden("advisories", "import").code()).isEqualTo(ExitCode.USAGE);
        assertThat(warden("advisories", "import", home.resolve("missing.json").toString()).err()).contains("no such file");
    }
}
