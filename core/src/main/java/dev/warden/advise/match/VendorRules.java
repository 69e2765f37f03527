package dev.warden.advise.match;

import dev.warden.advise.AdvisoryException;
import dev.warden.data.DataFileErrors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Vendor knowledge for matching, loaded from {@code content/advisories/vendors.yaml}: which spellings name the same
 * vendor, and for which vendors the leading components of a firmware version name a firmware line (see that file).
 */
public final class VendorRules {
    /** The shipped file on the class path. */
    public static final String RESOURCE = "content/advisories/vendors.yaml";
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private record FileSpec(List<VendorSpec> vendors) {
    }

    private record VendorSpec(String name, List<String> aliases, Integer firmwareLine) {
    }

    private final Map<String, String> canonical = new HashMap<>();
    private final Map<String, Integer> lines = new HashMap<>();

    private VendorRules() {
    }

    /** The shipped rules, read once: they are immutable, and a matcher per advisory need not parse them again. */
    public static VendorRules shipped() {
        return Shipped.RULES;
    }

    /** Holds the shipped rules, read on first use. */
    private static final class Shipped {
        static final VendorRules RULES = load();
    }

    private static VendorRules load() {
        try (InputStream in = VendorRules.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            return parse(RESOURCE, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (AdvisoryException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Reads and checks a rules file; {@code source} names it in messages. */
    public static VendorRules parse(String source, byte[] yaml) throws AdvisoryException {
        FileSpec spec;
        try {
            spec = YAML.readValue(yaml, FileSpec.class);
        } catch (JacksonException e) {
            throw new AdvisoryException(DataFileErrors.describe(source, e), e);
        }
        if (spec == null || spec.vendors() == null) {
            throw new AdvisoryException(source + ": vendors is missing");
        }
        VendorRules rules = new VendorRules();
        for (int i = 0; i < spec.vendors().size(); i++) {
            VendorSpec v = spec.vendors().get(i);
            String at = source + " at vendors[" + i + "]";
            if (v == null || v.name() == null || key(v.name()).isEmpty()) {
                throw new AdvisoryException(at + ".name: missing");
            }
            if (v.firmwareLine() != null && (v.firmwareLine() < 1 || v.firmwareLine() > 4)) {
                throw new AdvisoryException(at + ".firmware-line: must be 1 to 4, not " + v.firmwareLine());
            }
            String name = key(v.name());
            rules.alias(name, name, at + ".name");
            for (String a : v.aliases() == null ? List.<String>of() : v.aliases()) {
                rules.alias(key(a), name, at + ".aliases");
            }
            if (v.firmwareLine() != null) {
                rules.lines.put(name, v.firmwareLine());
            }
        }
        return rules;
    }

    private void alias(String alias, String name, String at) throws AdvisoryException {
        String before = canonical.putIfAbsent(alias, name);
        if (before != null && !before.equals(name)) {
            throw new AdvisoryException(at + ": '" + alias + "' already names vendor '" + before + "'");
        }
    }

    /** The vendor's key: its canonical name, lower case, letters and digits only; "" for null. */
    public String vendorKey(String vendor) {
        if (vendor == null) {
            return "";
        }
        String k = key(vendor);
        return canonical.getOrDefault(k, k);
    }

    /** How many leading firmware components name a line for this vendor key; 0 when it has no lines. */
    public int firmwareLine(String vendorKey) {
        return lines.getOrDefault(vendorKey, 0);
    }

    private static String key(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toLowerCase(Locale.ROOT).toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                b.append(c);
            }
        }
        return b.toString();
    }
}
