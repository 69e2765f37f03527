package dev.warden.report;

import dev.warden.model.Device;
import dev.warden.model.Finding;
import dev.warden.model.Severity;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A self-contained HTML report of an assessment: one file, no scripts, no external resources, so it can be mailed
 * or archived as it is. Every value is escaped: device banners and check evidence come from untrusted devices.
 */
public final class HtmlReport {
    private HtmlReport() {
    }

    public static void write(Writer out, String title, Instant when, List<Device> devices, List<Finding> findings)
            throws IOException {
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(Comparator.comparing(Finding::severity).reversed().thenComparing(Finding::ip).thenComparing(Finding::check));
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        for (Finding f : findings) {
            counts.merge(f.severity(), 1, Integer::sum);
        }
        Map<String, List<Finding>> byIp = new LinkedHashMap<>();
        for (Finding f : sorted) {
            byIp.computeIfAbsent(f.ip(), k -> new ArrayList<>()).add(f);
        }
        StringBuilder h = new StringBuilder(16_384);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>").append(esc(title))
                .append("</title>\n<style>\n")
                .append("body{font:14px/1.45 system-ui,sans-serif;margin:2em;color:#1b1b1b}h1{font-size:1.5em}")
                .append("table{border-collapse:collapse;width:100%;margin:1em 0}th,td{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}")
                .append("th{background:#f1f1f1}.sev{font-weight:600;padding:1px 6px;border-radius:3px;color:#fff}")
                .append(".critical{background:#8b0000}.high{background:#d9480f}.medium{background:#c08a00}.low{background:#2f6f9f}.info{background:#6c757d}")
                .append("code{font-size:12px;word-break:break-all}.muted{color:#666}\n</style></head><body>\n");
        h.append("<h1>").append(esc(title)).append("</h1>\n<p class=\"muted\">").append(esc(when.toString()))
                .append(" &middot; ").append(devices.size()).append(" devices assessed &middot; ")
                .append(findings.size()).append(" findings</p>\n<p>");
        Severity[] all = Severity.values();
        for (int i = all.length - 1; i >= 0; i--) { // most severe first
            Severity s = all[i];
            int n = counts.getOrDefault(s, 0);
            h.append("<span class=\"sev ").append(s.wireName()).append("\">").append(s.wireName()).append(' ')
                    .append(n).append("</span> ");
        }
        h.append("</p>\n<h2>Devices</h2>\n<table><tr><th>IP</th><th>Kind</th><th>Vendor</th><th>Model</th><th>Firmware</th><th>Services</th><th>Findings</th></tr>\n");
        for (Device d : devices) {
            StringBuilder svc = new StringBuilder();
            d.services().forEach(s -> svc.append(s.port()).append('/').append(s.name()).append(' '));
            h.append("<tr><td>").append(esc(d.ip())).append("</td><td>").append(esc(d.kind().wireName()))
                    .append("</td><td>").append(esc(d.vendor())).append("</td><td>").append(esc(d.model()))
                    .append("</td><td>").append(esc(d.firmware())).append("</td><td>").append(esc(svc.toString().trim()))
                    .append("</td><td>").append(byIp.getOrDefault(d.ip(), List.of()).size()).append("</td></tr>\n");
        }
        h.append("</table>\n<h2>Findings</h2>\n");
        if (sorted.isEmpty()) {
            h.append("<p>No findings.</p>\n");
        }
        for (Map.Entry<String, List<Finding>> e : byIp.entrySet()) {
            h.append("<h3>").append(esc(e.getKey())).append("</h3>\n<table><tr><th>Severity</th><th>Finding</th><th>Evidence</th><th>What to do</th></tr>\n");
            for (Finding f : e.getValue()) {
                h.append("<tr><td><span class=\"sev ").append(f.severity().wireName()).append("\">")
                        .append(f.severity().wireName()).append("</span>");
                if (!Double.isNaN(f.cvssScore())) {
                    h.append("<br><span class=\"muted\">CVSS ").append(f.cvssScore()).append("</span>");
                }
                h.append("</td><td><b>").append(esc(f.title())).append("</b><br><span class=\"muted\">")
                        .append(esc(f.check())).append(f.port() > 0 ? " &middot; port " + f.port() : "");
                if (!f.cve().isEmpty()) {
                    h.append(" &middot; ").append(esc(String.join(", ", f.cve())));
                }
                if (!f.cwe().isEmpty()) {
                    h.append(" &middot; ").append(esc(String.join(", ", f.cwe())));
                }
                h.append("</span></td><td><code>").append(esc(f.evidence())).append("</code></td><td>")
                        .append(esc(f.remediation())).append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        h.append("<p class=\"muted\">Generated by Warden. Evidence is redacted; no response bodies are kept.</p>\n</body></html>\n");
        out.write(h.toString());
    }

    /** HTML-escapes text for element content and attribute values; null becomes a dash. */
    static String esc(String s) {
        if (s == null) {
            return "-";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t') {
                        b.append("\\x").append(String.format("%02x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
