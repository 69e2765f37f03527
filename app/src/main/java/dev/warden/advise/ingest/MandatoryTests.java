package dev.warden.advise.ingest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The CSAF 2.0 mandatory tests matching depends on, which the JSON schema cannot express: 6.1.1 every referenced
 * product id is defined, 6.1.2 no product id is defined twice, 6.1.4 every referenced group id is defined, 6.1.5 no
 * group id is defined twice. Written by hand because no Java library implements them (advisories.md §0.4).
 */
final class MandatoryTests {
    private static final List<String> STATUS_LISTS = List.of("first_affected", "first_fixed", "fixed", "known_affected",
            "known_not_affected", "last_affected", "recommended", "under_investigation");

    private MandatoryTests() {
    }

    /** The first {@code max} failures, each as "JSON pointer: message"; empty when the document passes. */
    static List<String> failures(JsonNode doc, int max) {
        List<String> out = new ArrayList<>();
        Map<String, String> products = new LinkedHashMap<>();
        Map<String, String> groups = new LinkedHashMap<>();
        JsonNode tree = doc.path("product_tree");
        defineBranches(tree.path("branches"), "/product_tree/branches", products, out);
        eachElement(tree.path("full_product_names"), "/product_tree/full_product_names",
                (n, at) -> define(products, n.path("product_id"), at + "/product_id", "6.1.2 product id", out));
        eachElement(tree.path("relationships"), "/product_tree/relationships",
                (n, at) -> define(products, n.path("full_product_name").path("product_id"),
                        at + "/full_product_name/product_id", "6.1.2 product id", out));
        eachElement(tree.path("product_groups"), "/product_tree/product_groups",
                (n, at) -> define(groups, n.path("group_id"), at + "/group_id", "6.1.5 group id", out));

        Set<String> defined = products.keySet();
        eachElement(tree.path("product_groups"), "/product_tree/product_groups",
                (n, at) -> refs(n.path("product_ids"), at + "/product_ids", defined, "6.1.1 product id", out));
        eachElement(tree.path("relationships"), "/product_tree/relationships", (n, at) -> {
            ref(n.path("product_reference"), at + "/product_reference", defined, "6.1.1 product id", out);
            ref(n.path("relates_to_product_reference"), at + "/relates_to_product_reference", defined,
                    "6.1.1 product id", out);
        });
        eachElement(doc.path("vulnerabilities"), "/vulnerabilities", (v, at) -> {
            for (String list : STATUS_LISTS) {
                refs(v.path("product_status").path(list), at + "/product_status/" + list, defined, "6.1.1 product id", out);
            }
            for (String part : List.of("remediations", "threats", "flags")) {
                eachElement(v.path(part), at + "/" + part, (r, rat) -> {
                    refs(r.path("product_ids"), rat + "/product_ids", defined, "6.1.1 product id", out);
                    refs(r.path("group_ids"), rat + "/group_ids", groups.keySet(), "6.1.4 group id", out);
                });
            }
            eachElement(v.path("scores"), at + "/scores",
                    (s, sat) -> refs(s.path("products"), sat + "/products", defined, "6.1.1 product id", out));
        });
        return out.size() > max ? out.subList(0, max) : out;
    }

    private interface Visit {
        void at(JsonNode node, String pointer);
    }

    private static void eachElement(JsonNode array, String pointer, Visit visit) {
        if (array.isArray()) {
            for (int i = 0; i < array.size(); i++) {
                visit.at(array.get(i), pointer + "/" + i);
            }
        }
    }

    private static void defineBranches(JsonNode branches, String pointer, Map<String, String> products, List<String> out) {
        eachElement(branches, pointer, (b, at) -> {
            define(products, b.path("product").path("product_id"), at + "/product/product_id", "6.1.2 product id", out);
            defineBranches(b.path("branches"), at + "/branches", products, out);
        });
    }

    private static void define(Map<String, String> ids, JsonNode id, String pointer, String test, List<String> out) {
        if (id.isString()) {
            String first = ids.putIfAbsent(id.asString(), pointer);
            if (first != null) {
                out.add(pointer + ": " + test + " '" + id.asString() + "' is already defined at " + first);
            }
        }
    }

    private static void refs(JsonNode array, String pointer, Set<String> defined, String test, List<String> out) {
        Set<String> seen = new HashSet<>();
        eachElement(array, pointer, (n, at) -> {
            if (seen.add(n.asString(""))) {
                ref(n, at, defined, test, out);
            }
        });
    }

    private static void ref(JsonNode id, String pointer, Set<String> defined, String test, List<String> out) {
        if (id.isString() && !defined.contains(id.asString())) {
            out.add(pointer + ": " + test + " '" + id.asString() + "' is referenced but never defined");
        }
    }
}
