package dev.warden.assess.check;

import java.util.Comparator;
import java.util.List;

/**
 * A named credential list from {@code content/credentials/<name>.yaml} (the Mirai pairs): each entry with a weight
 * and the vendor families it is attributed to, so a check tries only the pairs that belong to the device.
 */
public record CredentialList(String name, List<Entry> entries) {
    public CredentialList {
        entries = List.copyOf(entries);
    }

    /** One pair, with its weight (higher = likelier) and vendors. */
    public record Entry(Credential credential, int weight, List<String> vendors) {
        public Entry {
            vendors = List.copyOf(vendors);
        }
    }

    /** The pairs attributed to the vendor, highest weight first (file order among equals); none for an unknown vendor. */
    public List<Credential> forVendor(String vendor) {
        if (vendor == null) {
            return List.of();
        }
        return entries.stream().filter(e -> e.vendors.stream().anyMatch(v -> v.equalsIgnoreCase(vendor)))
                .sorted(Comparator.comparingInt(Entry::weight).reversed())
                .map(Entry::credential).toList();
    }

    static CredentialList read(String file, Fields f) {
        String name = f.requiredString("name");
        String expected = file.substring(file.lastIndexOf('/') + 1).replaceFirst("\\.yaml$", "");
        if (!name.equals(expected)) {
            throw f.fieldError("name", "'" + name + "' must equal the file name '" + expected + "'");
        }
        List<Entry> entries = f.objects("entries", e -> {
            String user = e.requiredString("user");
            String password = e.string("password");
            Integer weight = e.integer("weight");
            List<String> vendors = e.strings("vendors");
            e.done();
            if (vendors.isEmpty()) {
                throw e.fieldError("vendors", "required: a pair is tried only on the vendors it belongs to");
            }
            return new Entry(new Credential(user, password == null ? "" : password), weight == null ? 1 : weight, vendors);
        });
        f.done();
        if (entries.isEmpty()) {
            throw f.fieldError("entries", "required");
        }
        return new CredentialList(name, entries);
    }
}
