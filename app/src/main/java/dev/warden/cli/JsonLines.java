package dev.warden.cli;

import dev.warden.model.Device;
import dev.warden.model.Finding;
import dev.warden.model.Service;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The machine output of {@code --json}: one object per line, field names fixed by the output contract in the README
 * (scripts and later capabilities rely on them), built field by field so a refactoring cannot rename one.
 * Names are lower case with underscores, the same in every command.
 */
final class JsonLines {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonLines() {
    }

    static String write(Object value) {
        return JSON.writeValueAsString(value);
    }

    /** {@code warden discover --json}: ip, kind, vendor, model, hardware, firmware, confidence, services, reasons. */
    static Map<String, Object> device(Device d, List<String> reasons) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ip", d.ip());
        m.put("kind", d.kind().wireName());
        m.put("vendor", d.vendor());
        m.put("model", d.model());
        m.put("hardware", d.hardware());
        m.put("firmware", d.firmware());
        m.put("confidence", Math.round(d.confidence() * 100) / 100.0);
        List<Map<String, Object>> services = new ArrayList<>();
        for (Service s : d.services()) {
            services.add(service(s));
        }
        m.put("services", services);
        if (reasons != null) {
            m.put("reasons", reasons);
        }
        return m;
    }

    /** One service: port, transport, name, product, version. */
    static Map<String, Object> service(Service s) {
        Map<String, Object> sm = new LinkedHashMap<>();
        sm.put("port", s.port());
        sm.put("transport", s.transport().wireName());
        sm.put("name", s.name());
        sm.put("product", s.product());
        sm.put("version", s.version());
        return sm;
    }

    /** {@code warden assess --json}: ip, port, check, severity, cvss, cvss_vector, cve, cwe, title, evidence, remediation. */
    static Map<String, Object> finding(Finding f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ip", f.ip());
        m.put("port", f.port());
        m.put("check", f.check());
        m.put("severity", f.severity().wireName());
        m.put("cvss", Double.isNaN(f.cvssScore()) ? null : f.cvssScore());
        m.put("cvss_vector", f.cvss());
        m.put("cve", f.cve());
        m.put("cwe", f.cwe());
        m.put("title", f.title());
        m.put("evidence", f.evidence());
        m.put("remediation", f.remediation());
        return m;
    }
}
