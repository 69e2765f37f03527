package dev.warden.watch.zeek;

import java.util.Arrays;
import java.util.List;

/**
 * Which column of a conn.log holds each value Warden reads, from a {@code #fields} header, a plain header line, or
 * Zeek's default column order for a log without a header. Columns Warden does not need are ignored.
 */
final class ConnColumns {
    /** The values read, in the order {@link ConnLine} indexes them. */
    static final List<String> WANTED = List.of("ts", "id.orig_h", "id.orig_p", "id.resp_h", "id.resp_p", "proto",
            "duration", "conn_state", "history", "orig_pkts", "orig_ip_bytes", "resp_pkts", "resp_ip_bytes", "label",
            "detailed-label");
    static final int TS = 0, ORIG_H = 1, ORIG_P = 2, RESP_H = 3, RESP_P = 4, PROTO = 5, DURATION = 6, STATE = 7,
            HISTORY = 8, ORIG_PKTS = 9, ORIG_BYTES = 10, RESP_PKTS = 11, RESP_BYTES = 12, LABEL = 13, DETAILED = 14;
    /** Without them a line is not a connection. */
    static final List<String> REQUIRED = List.of("ts", "id.orig_h", "id.resp_h", "proto");

    /**
     * Zeek's conn.log columns (base/protocols/conn/main.zeek, no optional packages loaded), then IoT-23's labels:
     * what a log written without a header holds.
     */
    static final List<String> DEFAULT_ORDER = List.of("ts", "uid", "id.orig_h", "id.orig_p", "id.resp_h",
            "id.resp_p", "proto", "service", "duration", "orig_bytes", "resp_bytes", "conn_state", "local_orig",
            "local_resp", "missed_bytes", "history", "orig_pkts", "orig_ip_bytes", "resp_pkts", "resp_ip_bytes",
            "tunnel_parents", "label", "detailed-label");

    /** Column index of each {@link #WANTED} value, -1 when the log has no such column. */
    private final int[] column = new int[WANTED.size()];
    private final String missing;

    ConnColumns(List<String> names) {
        Arrays.fill(column, -1);
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).strip();
            int w = WANTED.indexOf("detailedlabel".equals(name) ? "detailed-label" : name);
            if (w >= 0 && column[w] < 0) {
                column[w] = i;
            }
        }
        String absent = null;
        for (String r : REQUIRED) {
            if (column[WANTED.indexOf(r)] < 0) {
                absent = absent == null ? r : absent + "," + r;
            }
        }
        this.missing = absent;
    }

    static ConnColumns defaults() {
        return new ConnColumns(DEFAULT_ORDER);
    }

    /** True when a first line is a plain header (IoT-23's resampled logs) rather than data. */
    static boolean isHeader(String[] values, int count) {
        return count > 1 && "ts".equals(values[0].strip()) && Arrays.asList(values).subList(0, count).contains("id.orig_h");
    }

    /** The required columns this log lacks (comma-separated), or null. */
    String missing() {
        return missing;
    }

    /** The column holding wanted value {@code w}, or -1. */
    int column(int w) {
        return column[w];
    }
}
