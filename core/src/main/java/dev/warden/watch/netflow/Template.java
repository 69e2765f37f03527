package dev.warden.watch.netflow;

/**
 * The layout of one v9 or IPFIX template: field types and lengths in wire order. Enterprise-specific fields and
 * option scope fields are kept only by length ({@link #SKIP}), since Warden reads none of them.
 */
final class Template {
    /** Field type of a field that is skipped by its length. */
    static final int SKIP = -1;
    /** IPFIX length meaning "variable, the record says how long" (RFC 7011 §7). */
    static final int VARIABLE = 0xFFFF;

    final int[] types;
    final int[] lengths;
    final boolean options;
    /** Shortest possible record: fixed lengths plus one length byte per variable field. */
    final int minLength;

    Template(int[] types, int[] lengths, boolean options) {
        this.types = types;
        this.lengths = lengths;
        this.options = options;
        int min = 0;
        for (int length : lengths) {
            min += length == VARIABLE ? 1 : length;
        }
        this.minLength = min;
    }
}
