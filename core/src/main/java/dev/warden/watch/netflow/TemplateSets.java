package dev.warden.watch.netflow;

import dev.warden.watch.netflow.NetflowStats.Counter;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.function.Consumer;

/**
 * The template-driven formats: NetFlow v9 (RFC 3954) and IPFIX (RFC 7011) share the walk over sets (flowsets),
 * template and options-template records, and data records; they differ in header, set ids, variable-length fields,
 * enterprise numbers, withdrawal and what the sequence number counts. Every length is checked against the set's end
 * before it is read; a bad set ends the datagram's decoding with a counted reason.
 */
final class TemplateSets {
    /** Fields in one template at most; real templates have 10 to 40. */
    static final int MAX_FIELDS = 128;

    private static final int V9_HEADER = 20;
    private static final int IPFIX_HEADER = 16;
    private static final int SET_HEADER = 4;

    private final NetflowStats stats;
    private final RecordFields fields = new RecordFields();

    /** What one datagram is decoded against; one per call, so the decoder keeps no per-datagram fields. */
    private record Context(int version, InetAddress exporter, long domainId, ExporterState state,
                           ExporterState.Domain domain, long receivedMillis, long exportMillis, long uptimeBase,
                           Consumer<FlowRecord> out) {
        boolean ipfix() {
            return version == 10;
        }
    }

    TemplateSets(NetflowStats stats) {
        this.stats = stats;
    }

    void decode(int version, ByteBuffer buf, int off, int len, InetAddress exporter, ExporterState state,
                long receivedMillis, Consumer<FlowRecord> out) {
        boolean ipfix = version == 10;
        int header = ipfix ? IPFIX_HEADER : V9_HEADER;
        if (len < header) {
            stats.inc(Counter.TRUNCATED);
            return;
        }
        int end = off + len;
        if (ipfix) {
            int messageLength = buf.getShort(off + 2) & 0xFFFF;
            if (messageLength > len) {
                stats.inc(Counter.TRUNCATED);
                return;
            }
            if (messageLength < header) {
                stats.inc(Counter.BAD_LENGTH);
                return;
            }
            end = off + messageLength;
        }
        long sequence = buf.getInt(off + (ipfix ? 8 : 12)) & 0xFFFF_FFFFL;
        long domainId = buf.getInt(off + (ipfix ? 12 : 16)) & 0xFFFF_FFFFL;
        ExporterState.Domain domain = state.domain(domainId);
        if (domain == null) {
            stats.inc(Counter.TOO_MANY_DOMAINS);
            return;
        }
        long exportMillis;
        long uptimeBase = 0;   // IPFIX: the domain's systemInitTimeMilliseconds, which options data may set midway
        if (ipfix) {
            exportMillis = (buf.getInt(off + 4) & 0xFFFF_FFFFL) * 1000;
        } else {
            exportMillis = (buf.getInt(off + 8) & 0xFFFF_FFFFL) * 1000;
            uptimeBase = exportMillis - (buf.getInt(off + 4) & 0xFFFF_FFFFL);
            NetflowDecoder.checkSequence(stats, domain, sequence, 1);
        }
        Context ctx = new Context(version, exporter, domainId, state, domain, receivedMillis, exportMillis,
                uptimeBase, out);
        int[] records = new int[2];   // [records of any kind (v9 header count), data records (IPFIX sequence)]
        boolean complete = walkSets(ctx, buf, off + header, end, records);
        if (ipfix) {
            NetflowDecoder.checkSequence(stats, domain, sequence, complete ? records[1] : -1);
        } else if (complete && records[0] < (buf.getShort(off + 2) & 0xFFFF)) {
            stats.inc(Counter.COUNT_MISMATCH);   // v9 has no length field: a cut datagram shows as fewer records
        }
    }

    /** Walks the sets; false when one could not be decoded, so the record count is unknown. */
    private boolean walkSets(Context ctx, ByteBuffer buf, int pos, int end, int[] records) {
        boolean complete = true;
        while (end - pos >= SET_HEADER) {
            int setId = buf.getShort(pos) & 0xFFFF;
            int setLength = buf.getShort(pos + 2) & 0xFFFF;
            if (setLength < SET_HEADER) {
                stats.inc(Counter.BAD_SET);
                return false;
            }
            if (setLength > end - pos) {
                stats.inc(Counter.TRUNCATED);
                return false;
            }
            int body = pos + SET_HEADER;
            int setEnd = pos + setLength;
            int templateSet = ctx.ipfix() ? 2 : 0;
            if (setId == templateSet || setId == templateSet + 1) {
                if (!templates(ctx, buf, body, setEnd, setId == templateSet + 1, setId, records)) {
                    return false;
                }
            } else if (setId >= 256) {
                if (!data(ctx, buf, body, setEnd, setId, records)) {
                    complete = false;
                }
            } else if (ctx.ipfix() && setId < 2) {
                stats.inc(Counter.BAD_SET);   // 0 and 1 are v9's ids, never valid in IPFIX
                complete = false;
            }
            // other ids below 256 are reserved: skipped by length
            pos = setEnd;
        }
        if (pos != end && ctx.ipfix()) {
            stats.inc(Counter.BAD_SET);   // IPFIX sets fill the message exactly
            return false;
        }
        return complete;
    }

    /** Template or options-template records of one set; false on a malformed one (the rest is unreadable). */
    private boolean templates(Context ctx, ByteBuffer buf, int pos, int end, boolean options, int setId,
                              int[] records) {
        int fixed = options ? 6 : 4;
        while (end - pos >= 4) {
            int id = buf.getShort(pos) & 0xFFFF;
            int a = buf.getShort(pos + 2) & 0xFFFF;
            if (id == 0 && a == 0) {
                return true;   // padding
            }
            records[0]++;
            if (ctx.ipfix() && a == 0) {   // a withdrawal is 4 bytes, also in an options template set
                withdraw(ctx, id, setId, options);
                pos += 4;
                continue;
            }
            if (end - pos < fixed) {
                return true;   // v9 pads options template flowsets; a 4- or 5-byte rest is padding
            }
            int fieldCount;
            int scopeCount;
            if (ctx.ipfix()) {
                fieldCount = a;
                scopeCount = options ? buf.getShort(pos + 4) & 0xFFFF : 0;
            } else if (options) {
                int optionLength = buf.getShort(pos + 4) & 0xFFFF;
                if (a % 4 != 0 || optionLength % 4 != 0) {
                    stats.inc(Counter.BAD_TEMPLATE);
                    return false;
                }
                scopeCount = a / 4;
                fieldCount = scopeCount + optionLength / 4;
            } else {
                fieldCount = a;
                scopeCount = 0;
            }
            if (id < 256 || fieldCount == 0 || (options && ctx.ipfix() && (scopeCount == 0 || scopeCount > fieldCount))) {
                stats.inc(Counter.BAD_TEMPLATE);
                return false;
            }
            if (fieldCount > MAX_FIELDS) {
                stats.inc(Counter.TOO_MANY_FIELDS);
                return false;
            }
            pos = template(ctx, buf, pos + fixed, end, id, fieldCount, scopeCount, options);
            if (pos < 0) {
                return false;
            }
        }
        return true;
    }

    /** Reads the field specifiers and stores the template; returns the position after it, or -1 if malformed. */
    private int template(Context ctx, ByteBuffer buf, int pos, int end, int id, int fieldCount, int scopeCount,
                         boolean options) {
        int[] types = new int[fieldCount];
        int[] lengths = new int[fieldCount];
        for (int i = 0; i < fieldCount; i++) {
            if (end - pos < 4) {
                stats.inc(Counter.BAD_TEMPLATE);
                return -1;
            }
            int type = buf.getShort(pos) & 0xFFFF;
            int length = buf.getShort(pos + 2) & 0xFFFF;
            pos += 4;
            boolean enterprise = ctx.ipfix() && (type & 0x8000) != 0;
            if (enterprise) {
                if (end - pos < 4) {
                    stats.inc(Counter.BAD_TEMPLATE);
                    return -1;
                }
                pos += 4;   // the private enterprise number: Warden reads no vendor fields
            }
            if (!ctx.ipfix() && length == Template.VARIABLE) {
                stats.inc(Counter.BAD_TEMPLATE);   // v9 has no variable-length fields
                return -1;
            }
            types[i] = enterprise || i < scopeCount ? Template.SKIP : type;
            lengths[i] = length;
        }
        Template template = new Template(types, lengths, options);
        if (template.minLength == 0) {
            stats.inc(Counter.BAD_TEMPLATE);   // a record of no bytes would repeat forever
            return pos;
        }
        if (ctx.state().putTemplate(ctx.domainId(), id, template)) {
            stats.inc(Counter.TEMPLATES_LEARNED);
        } else {
            stats.inc(Counter.TOO_MANY_TEMPLATES);
        }
        return pos;
    }

    private void withdraw(Context ctx, int id, int setId, boolean options) {
        int removed;
        if (id == setId) {
            removed = ctx.state().withdrawAll(ctx.domainId(), options);
        } else if (id >= 256) {
            removed = ctx.state().withdraw(ctx.domainId(), id);
        } else {
            stats.inc(Counter.BAD_TEMPLATE);
            return;
        }
        stats.add(Counter.TEMPLATES_WITHDRAWN, removed);
    }

    /** The data records of one set; false when they could not all be decoded. */
    private boolean data(Context ctx, ByteBuffer buf, int pos, int end, int templateId, int[] records) {
        Template template = ctx.state().template(ctx.domainId(), templateId);
        if (template == null) {
            stats.inc(Counter.NO_TEMPLATE);
            return false;
        }
        while (end - pos >= template.minLength) {   // fewer bytes than a record: padding
            if (records[0] >= NetflowDecoder.MAX_RECORDS_PER_DATAGRAM) {
                stats.inc(Counter.TOO_MANY_RECORDS);
                return false;
            }
            pos = record(ctx, buf, pos, end, template);
            if (pos < 0) {
                return false;
            }
            records[0]++;
            records[1]++;
        }
        return true;
    }

    /** One data record; returns the position after it, or -1 if a variable length runs past the set. */
    private int record(Context ctx, ByteBuffer buf, int pos, int end, Template template) {
        fields.reset();
        for (int i = 0; i < template.types.length; i++) {
            int length = template.lengths[i];
            if (length == Template.VARIABLE) {
                if (end - pos < 1) {
                    stats.inc(Counter.BAD_VARLEN);
                    return -1;
                }
                length = buf.get(pos) & 0xFF;
                pos++;
                if (length == 255) {
                    if (end - pos < 2) {
                        stats.inc(Counter.BAD_VARLEN);
                        return -1;
                    }
                    length = buf.getShort(pos) & 0xFFFF;
                    pos += 2;
                }
            }
            if (end - pos < length) {
                stats.inc(Counter.BAD_VARLEN);
                return -1;
            }
            if (template.types[i] != Template.SKIP) {
                fields.set(template.types[i], buf, pos, length);
            }
            pos += length;
        }
        if (template.options) {
            stats.inc(Counter.OPTIONS_RECORDS);
            if (fields.samplingInterval != 0) {
                ctx.domain().samplingInterval = fields.samplingInterval;
            }
            if (fields.systemInitMillis != 0) {
                ctx.domain().systemInitMillis = fields.systemInitMillis;
            }
        } else {
            stats.inc(Counter.RECORDS);
            ctx.out().accept(fields.toRecord(ctx.version(), ctx.exporter(), ctx.domainId(), ctx.receivedMillis(),
                    ctx.exportMillis(), ctx.ipfix() ? ctx.domain().systemInitMillis : ctx.uptimeBase(),
                    ctx.domain().samplingInterval));
        }
        return pos;
    }
}
