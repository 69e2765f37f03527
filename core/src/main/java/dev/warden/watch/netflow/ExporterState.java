package dev.warden.watch.netflow;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * What the decoder remembers about one exporter: its templates, keyed by observation domain (v9 source id) and
 * template id, and per domain the expected sequence number, sampling interval and system init time. Both maps are
 * capped, so an exporter that invents domains or templates costs a counter, not memory.
 */
final class ExporterState {
    /** Templates kept per exporter over all its domains; real exporters use a handful. */
    static final int MAX_TEMPLATES = 256;
    /** Observation domains (v9 source ids, v5 engines) kept per exporter. */
    static final int MAX_DOMAINS = 64;

    /** Per observation domain: sequence and the options data that applies to its flows. */
    static final class Domain {
        /** The sequence number the next datagram should carry, or -1 when unknown. */
        long expectedSequence = -1;
        long samplingInterval;
        /** IPFIX systemInitTimeMilliseconds from options data, 0 when not seen. */
        long systemInitMillis;
    }

    private final Map<Long, Template> templates = new HashMap<>();
    private final Map<Long, Domain> domains = new HashMap<>();

    private static long key(long domain, int templateId) {
        return domain << 16 | templateId;
    }

    Template template(long domain, int templateId) {
        return templates.get(key(domain, templateId));
    }

    /** Learns or refreshes a template; false when the cap is reached and this is a new one. */
    boolean putTemplate(long domain, int templateId, Template template) {
        long key = key(domain, templateId);
        if (templates.size() >= MAX_TEMPLATES && !templates.containsKey(key)) {
            return false;
        }
        templates.put(key, template);
        return true;
    }

    /** Withdraws one template; returns how many were removed (0 or 1). */
    int withdraw(long domain, int templateId) {
        return templates.remove(key(domain, templateId)) == null ? 0 : 1;
    }

    /** Withdraws all templates (or all options templates) of a domain; returns how many were removed. */
    int withdrawAll(long domain, boolean options) {
        int removed = 0;
        for (Iterator<Map.Entry<Long, Template>> it = templates.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Long, Template> e = it.next();
            if (e.getKey() >>> 16 == domain && e.getValue().options == options) {
                it.remove();
                removed++;
            }
        }
        return removed;
    }

    /** The domain's state, created on first use; null when the exporter already has {@link #MAX_DOMAINS}. */
    Domain domain(long id) {
        Domain d = domains.get(id);
        if (d == null && domains.size() < MAX_DOMAINS) {
            d = new Domain();
            domains.put(id, d);
        }
        return d;
    }
}
