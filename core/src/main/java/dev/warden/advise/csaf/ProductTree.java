package dev.warden.advise.csaf;

import dev.warden.advise.AdvisoryException;
import dev.warden.advise.ModelRevision;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A CSAF {@code product_tree} flattened into one {@link Product} per product id: the vendor, model(s), hardware
 * revision and firmware version or range that the branches above it, its identification helper or its relationship
 * say.
 * <p>
 * Rules: a {@code product_identification_helper.model_numbers} list (CSAF wildcards kept) replaces the
 * {@code product_name} as the models; a trailing {@code V<n>} on a model name is its hardware revision; a relationship
 * ({@code installed_on} and the other categories alike) makes a product of the firmware
 * ({@code product_reference}) on the hardware ({@code relates_to_product_reference}): the hardware's vendor, models
 * and revision — a {@code product_version} under a hardware product names a hardware revision — with the firmware's
 * version or range.
 */
final class ProductTree {
    /** One product, flattened. {@code version} is a single version, {@code range} a range; at most one is set. */
    record Product(String id, String vendor, List<String> models, String hardware, String version, String range) {
    }

    private final String source;
    private final Map<String, Product> products = new LinkedHashMap<>();
    private final Map<String, List<String>> groups = new LinkedHashMap<>();

    private ProductTree(String source) {
        this.source = source;
    }

    /** Flattens {@code tree} (may be null: a document without products). */
    static ProductTree read(JsonNode tree, String source) throws AdvisoryException {
        ProductTree t = new ProductTree(source);
        if (tree == null || tree.isNull()) {
            return t;
        }
        t.branches(tree.get("branches"), new Context(null, null, null, null, null), "/product_tree/branches");
        JsonNode full = tree.get("full_product_names");
        for (int i = 0; full != null && i < full.size(); i++) {
            JsonNode p = full.get(i);
            t.leaf(p, new Context(null, null, null, null, null), "/product_tree/full_product_names/" + i);
        }
        JsonNode rels = tree.get("relationships");
        for (int i = 0; rels != null && i < rels.size(); i++) {
            t.relationship(rels.get(i), "/product_tree/relationships/" + i);
        }
        JsonNode gs = tree.get("product_groups");
        for (int i = 0; gs != null && i < gs.size(); i++) {
            String ptr = "/product_tree/product_groups/" + i;
            t.groups.put(Csaf.text(gs.get(i), "group_id", ptr, source), Csaf.texts(gs.get(i).get("product_ids")));
        }
        return t;
    }

    Map<String, Product> products() {
        return products;
    }

    /** The product ids of a group, empty when unknown. */
    List<String> group(String id) {
        return groups.getOrDefault(id, List.of());
    }

    private record Context(String vendor, String family, String productName, String version, String range) {
        Context with(String category, String name) {
            return switch (category) {
                case "vendor" -> new Context(name, family, productName, version, range);
                case "product_family" -> new Context(vendor, name, productName, version, range);
                case "product_name" -> new Context(vendor, family, name, version, range);
                case "product_version" -> new Context(vendor, family, productName, name, null);
                case "product_version_range" -> new Context(vendor, family, productName, null, name);
                default -> this;
            };
        }
    }

    private void branches(JsonNode branches, Context ctx, String ptr) throws AdvisoryException {
        for (int i = 0; branches != null && i < branches.size(); i++) {
            JsonNode b = branches.get(i);
            String here = ptr + "/" + i;
            Context c = ctx.with(Csaf.text(b, "category", here, source), Csaf.text(b, "name", here, source));
            if (b.has("product")) {
                leaf(b.get("product"), c, here + "/product");
            }
            branches(b.get("branches"), c, here + "/branches");
        }
    }

    private void leaf(JsonNode p, Context ctx, String ptr) throws AdvisoryException {
        String id = Csaf.text(p, "product_id", ptr, source);
        String name = Csaf.text(p, "name", ptr, source);
        List<String> models = new ArrayList<>();
        JsonNode helper = p.get("product_identification_helper");
        if (helper != null) {
            models.addAll(Csaf.texts(helper.get("model_numbers")));
        }
        if (models.isEmpty()) {
            String model = ctx.productName != null ? ctx.productName : ctx.family != null ? ctx.family : name;
            models.add(model);
        }
        String hardware = null;
        List<String> split = new ArrayList<>();
        for (String m : models) {
            ModelRevision mr = ModelRevision.split(m);
            split.add(mr.model());
            hardware = hardware == null ? mr.revision() : hardware;
        }
        define(new Product(id, ctx.vendor, List.copyOf(split), hardware, ctx.version, ctx.range), ptr);
    }

    private void relationship(JsonNode r, String ptr) throws AdvisoryException {
        String firmwareId = Csaf.text(r, "product_reference", ptr, source);
        String hardwareId = Csaf.text(r, "relates_to_product_reference", ptr, source);
        String id = Csaf.text(r.get("full_product_name"), "product_id", ptr + "/full_product_name", source);
        Product firmware = products.get(firmwareId);
        Product hardware = products.get(hardwareId);
        if (firmware == null || hardware == null) {
            throw new AdvisoryException(source + ": " + ptr + ": product id '"
                    + (firmware == null ? firmwareId : hardwareId) + "' is not defined in the product tree");
        }
        String revision = hardware.version() != null ? hardware.version() : hardware.hardware();
        define(new Product(id, hardware.vendor() != null ? hardware.vendor() : firmware.vendor(), hardware.models(),
                revision, firmware.version(), firmware.range()), ptr);
    }

    private void define(Product p, String ptr) throws AdvisoryException {
        if (products.putIfAbsent(p.id(), p) != null) {
            throw new AdvisoryException(source + ": " + ptr + ": product id '" + p.id() + "' is defined twice");
        }
    }
}
