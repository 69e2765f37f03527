package dev.warden.advise.version;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VersionRangeTest {

    private static Verdict eval(String range, String version, int line) throws UnreadableRangeException {
        return VersionRange.parse(range).evaluate(Version.parse(version), line);
    }

    @ParameterizedTest(name = "{0} contains {1}: {2}")
    @CsvSource(delimiter = ';', value = {
            "vers:generic/>=1.0|<2.0; 1.5; IN",
            "vers:generic/>=1.0|<2.0; 2.0; OUT",
            "vers:generic/>=1.0|<2.0; 0.9; OUT",
            "vers:all/*; 9.9; IN",
            "vers:all/<V13.2; V13.1.9; IN",
            "vers:all/<V13.2; V13.2; OUT",
            "<=20081; 20081; IN",
            "<=20081; 20082; OUT",
            ">=2003|<=2006; 2004; IN",
            ">=2003|<=2006; 2007; OUT",
            "All versions < V4.33; V4.32.1; IN",
            "All versions < V4.33; 4.33; OUT",
            "All versions; 1; IN",
            ">=  5.3.1 build 150410 | <= 5.4.4  Build 161125; V5.3.0 build 150513; OUT",
            ">=  5.3.1 build 150410 | <= 5.4.4  Build 161125; V5.4.0 build 160530; IN",
            ">=  5.3.1 build 150410 | <= 5.4.4  Build 161125; V5.4.5 build 170124; OUT",
            ">= 5.2.0 build 140721 | <= 5.4.0  build 160530; 5.4.0 build 160530; IN",
            "prior to 4.2; 4.1.9; IN",
            "prior to 4.2; 4.2; OUT",
            "4.2 and earlier; 4.2; IN",
            "4.2 and later; 4.10; IN",
            "1.0 through 2.0; 2.0; IN",
            "1.0 through 2.0; 2.0.1; OUT",
            "' <2.420.HW01.33.20190812'; 2.419; IN",
            "M2.1.6.05; M2.1.6.05; IN",
            "M2.1.6.05; M2.1.6.06; OUT",
            "4K | 4.5.181  | 4.5.196; 4.5.196; IN",
            "vers:intdot/<=2.52.2.47; 2.52.2.100; OUT",
            "vers:generic/>=1.0|!=1.5|<2.0; 1.5; OUT",
    })
    void readsTheFormsRealAdvisoriesUse(String range, String version, Verdict expected) throws Exception {
        assertThat(eval(range, version, 0)).isEqualTo(expected);
    }

    @Test
    void boundsOnlyJudgeVersionsOnTheirOwnFirmwareLine() throws Exception {
        // A C1 V3 bound (line 2.82) says nothing about a C1 V1 on 2.52; without lines it would wrongly be "in".
        assertThat(eval("vers:intdot/<2.82.2.33", "2.52.2.43", 2)).isEqualTo(Verdict.NOT_JUDGED);
        assertThat(eval("vers:intdot/<2.82.2.33", "2.52.2.43", 0)).isEqualTo(Verdict.IN);
        assertThat(eval("vers:intdot/<2.82.2.33", "2.82.2.20", 2)).isEqualTo(Verdict.IN);
        assertThat(eval("vers:intdot/<2.82.2.33", "2.82.2.33", 2)).isEqualTo(Verdict.OUT);
        assertThat(eval("vers:intdot/>=2.52.0.0|<2.53.0.0", "2.52.9.9", 2)).isEqualTo(Verdict.IN);
        assertThat(eval("vers:intdot/>=2.52.0.0|<2.53.0.0", "2.53.0.1", 2)).isEqualTo(Verdict.OUT);
        assertThat(eval("<=2.52.2.47|<=2.82.2.33", "2.82.2.40", 2)).isEqualTo(Verdict.OUT);
        assertThat(eval("<=2.52.2.47|<=2.82.2.33", "2.52.2.40", 2)).isEqualTo(Verdict.IN);
    }

    @Test
    void maskedVersionsAndUnknownLinesAreUndecided() throws Exception {
        assertThat(eval("vers:intdot/<=2.52.2.47", "2.x.2.43", 0)).isEqualTo(Verdict.UNKNOWN);
        assertThat(eval("vers:intdot/<=2.52.2.47", "2.x.2.43", 2)).isEqualTo(Verdict.UNKNOWN);
    }

    @Test
    void versionsCompareByNumberBuildAndWord() {
        assertThat(Version.parse("2.52.2.100").compare(Version.parse("2.52.2.47")).getAsInt()).isPositive();
        assertThat(Version.parse("5.4").compare(Version.parse("5.4.0")).getAsInt()).isZero();
        assertThat(Version.parse("V5.4.0 build 160530").compare(Version.parse("5.4.0 Build 160414")).getAsInt()).isPositive();
        assertThat(Version.parse("MX-V4.0.2.33.r2").compare(Version.parse("MX-V4.0.2.33")).getAsInt()).isPositive();
        assertThat(Version.parse("1.0rc1").compare(Version.parse("1.0")).getAsInt()).isNegative();
        assertThat(Version.parse("007").compare(Version.parse("7")).getAsInt()).isZero();
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "All versions prior to the fix", "vers:none/<1", "vers:generic", "''", "< ", "see vendor notice"})
    void unreadableRangesSayWhy(String range) {
        assertThatThrownBy(() -> VersionRange.parse(range)).isInstanceOf(UnreadableRangeException.class)
                .hasMessageNotContaining("null");
    }

    @Test
    void readsFormsAndRecordsHowTheyWereRead() throws Exception {
        assertThat(VersionRange.parse("vers:intdot/>=2.52.0.0|<2.52.2.47").form()).isEqualTo(VersionRange.Form.VERS);
        assertThat(VersionRange.parse("vers:all/<V13.2").form()).isEqualTo(VersionRange.Form.LENIENT);
        assertThat(VersionRange.parse("2.52.2.43").form()).isEqualTo(VersionRange.Form.SINGLE);
        assertThat(VersionRange.parse("vers:generic/<1%7C2").constraints().get(0).version().text()).isEqualTo("1|2");
    }
}
