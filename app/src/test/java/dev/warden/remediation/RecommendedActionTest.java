package dev.warden.remediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.model.Remedy;
import dev.warden.model.Remedy.Category;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The action text per remedy category, its normalized hash, version order and the due-days file's validation. */
class RecommendedActionTest {
    private static Remedy remedy(Category c, String text, String fixed) {
        return new Remedy(c, text, null, Set.of("P1"), fixed);
    }

    @Test
    void eachCategorySaysWhatToDo() {
        assertThat(RecommendedAction.of(remedy(Category.VENDOR_FIX, "x", "2.x.2.55")).text()).isEqualTo("Update to firmware 2.x.2.55 (or later).");
        assertThat(RecommendedAction.of(remedy(Category.VENDOR_FIX, "Get it from the support site.", null)).text())
                .isEqualTo("Update to the vendor's fixed firmware. Get it from the support site.");
        assertThat(RecommendedAction.of(remedy(Category.WORKAROUND, "Disable UPnP on the router.", null)).text())
                .isEqualTo("Disable UPnP on the router.");
        assertThat(RecommendedAction.of(remedy(Category.MITIGATION, "Block port 88 from the internet.", null)).text())
                .isEqualTo("Block port 88 from the internet.");
        for (Category c : new Category[] {Category.NO_FIX_PLANNED, Category.NONE_AVAILABLE}) {
            assertThat(RecommendedAction.of(remedy(c, "End of life.", null)).text())
                    .startsWith("Take the device off the internet and fence it").endsWith("Advisory: End of life.");
        }
        assertThat(RecommendedAction.of(null).text()).startsWith("Take the device off the internet").contains("names no remedy");
    }

    @Test
    void theHashIgnoresCaseAndSpacingButNotTheAction() {
        String a = RecommendedAction.of(remedy(Category.WORKAROUND, "Disable  UPnP\non the router.", null)).hash();
        assertThat(RecommendedAction.of(remedy(Category.WORKAROUND, "disable UPnP on the router.", null)).hash()).isEqualTo(a);
        assertThat(RecommendedAction.of(remedy(Category.MITIGATION, "Disable UPnP on the router.", null)).hash()).isNotEqualTo(a);
        assertThat(RecommendedAction.of(remedy(Category.WORKAROUND, "Disable telnet.", null)).hash()).isNotEqualTo(a);
    }

    @Test
    void aBadDueDaysFileNamesTheFileAndField() {
        assertThatThrownBy(() -> DuePolicy.parse("due.yaml", "critical: 15\nhigh: 30\nmedium: 90\nlow: 0\ninfo: 1\n".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("due.yaml: low: expected a whole number 1..10000000");
        assertThatThrownBy(() -> DuePolicy.parse("due.yaml", "critical: 15\nhigh: 30\nmedium: 90\nlow: 180\n".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("due.yaml: info: missing");
        assertThatThrownBy(() -> DuePolicy.parse("due.yaml", "critcal: 15\n".getBytes(StandardCharsets.UTF_8)))
                .hasMessageStartingWith("due.yaml: critcal: unknown field");
        assertThatThrownBy(() -> DuePolicy.parse("due.yaml", "[1, 2".getBytes(StandardCharsets.UTF_8)))
                .hasMessageStartingWith("due.yaml: not valid YAML");
    }
}
