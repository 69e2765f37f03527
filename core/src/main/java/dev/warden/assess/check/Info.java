package dev.warden.assess.check;

import dev.warden.model.Severity;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a check tells the owner: title, severity, CVSS, CVE and CWE ids, description, remediation, references.
 *
 * @param cvss      CVSS vector, or null
 * @param cvssScore CVSS base score, or NaN
 */
public record Info(String title, Severity severity, String cvss, double cvssScore, List<String> cve, List<String> cwe,
                   String description, String remediation, List<String> references) {
    private static final Pattern CVE = Pattern.compile("CVE-\\d{4}-\\d{4,}");
    private static final Pattern CWE = Pattern.compile("CWE-\\d+");

    public Info {
        cve = List.copyOf(cve);
        cwe = List.copyOf(cwe);
        references = List.copyOf(references);
    }

    static Info read(Fields f) {
        String title = f.requiredString("title");
        String sev = f.requiredString("severity");
        Severity severity;
        try {
            severity = Severity.fromWire(sev);
        } catch (IllegalArgumentException e) {
            throw f.fieldError("severity", e.getMessage());
        }
        String vector = null;
        double score = Double.NaN;
        Fields cvss = f.object("cvss");
        if (cvss != null) {
            vector = cvss.requiredString("vector");
            Double s = cvss.number("score");
            if (s == null || s < 0 || s > 10) {
                throw cvss.fieldError("score", "required, 0.0..10.0");
            }
            score = s;
            cvss.done();
            if (!vector.startsWith("CVSS:3.")) {
                throw cvss.fieldError("vector", "expected a CVSS v3 vector (CVSS:3.1/AV:…)");
            }
        }
        List<String> cve = f.strings("cve");
        for (int i = 0; i < cve.size(); i++) {
            if (!CVE.matcher(cve.get(i)).matches()) {
                throw f.fieldError("cve[" + i + "]", "expected CVE-YYYY-NNNN, not '" + cve.get(i) + "'");
            }
        }
        List<String> cwe = f.strings("cwe");
        for (int i = 0; i < cwe.size(); i++) {
            if (!CWE.matcher(cwe.get(i)).matches()) {
                throw f.fieldError("cwe[" + i + "]", "expected CWE-N, not '" + cwe.get(i) + "'");
            }
        }
        String description = f.string("description");
        String remediation = f.requiredString("remediation");
        List<String> references = f.strings("references");
        f.done();
        return new Info(title, severity, vector, score, cve, cwe, description, remediation, references);
    }
}
