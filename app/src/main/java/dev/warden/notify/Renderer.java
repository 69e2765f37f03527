package dev.warden.notify;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders outbox items into messages with the Pebble templates in {@code content/notify/templates} (the engine
 * Dependency-Track's publishers use): a subject and plain-text body per item, or one digest listing them all. The
 * webhook body is JSON built from the same data, never from a text template, so no value can break its syntax.
 * Payloads never hold secrets: only the owner's name, the device, the advisory and the action.
 */
public final class Renderer {
    private static final String DIR = "content/notify/templates";
    private final PebbleEngine engine;

    public Renderer() {
        ClasspathLoader loader = new ClasspathLoader(Renderer.class.getClassLoader());
        loader.setPrefix(DIR);
        loader.setSuffix(".peb");
        this.engine = new PebbleEngine.Builder().loader(loader).autoEscaping(false).strictVariables(true).newLineTrimming(false).build();
    }

    /** One message for one item. */
    public Message single(OutboxItem item, String secretRef) {
        Map<String, Object> ctx = new LinkedHashMap<>();
        ctx.put("owner", item.owner());
        ctx.put("item", item.payload());
        ctx.put("delivery", item.id());
        return message(item.id(), item, secretRef, render("subject", ctx).strip(), render("email", ctx), List.of(item));
    }

    /** One message listing every item (all for the same owner, channel and endpoint). */
    public Message digest(String deliveryId, List<OutboxItem> items, String secretRef) {
        OutboxItem first = items.get(0);
        List<Map<String, Object>> payloads = new ArrayList<>();
        for (OutboxItem i : items) {
            payloads.add(i.payload());
        }
        Map<String, Object> ctx = new LinkedHashMap<>();
        ctx.put("owner", first.owner());
        ctx.put("items", payloads);
        ctx.put("delivery", deliveryId);
        return message(deliveryId, first, secretRef, render("digest-subject", ctx).strip(), render("digest", ctx), items);
    }

    private static Message message(String deliveryId, OutboxItem first, String secretRef, String subject, String text,
                                   List<OutboxItem> items) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("delivery", deliveryId);
        body.put("owner", first.owner());
        body.put("title", subject);
        body.put("text", text);
        List<Map<String, Object>> notifications = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (OutboxItem i : items) {
            Map<String, Object> n = new LinkedHashMap<>();
            n.put("id", i.id());
            n.putAll(i.payload());
            notifications.add(n);
            ids.add(i.id());
        }
        body.put("notifications", notifications);
        return new Message(deliveryId, first.owner(), first.channel(), first.endpoint(), secretRef, subject, text,
                Outbox.JSON.writeValueAsString(body), ids);
    }

    private String render(String template, Map<String, Object> ctx) {
        StringWriter w = new StringWriter();
        try {
            engine.getTemplate(template).evaluate(w, ctx);
        } catch (IOException e) {
            throw new UncheckedIOException("template " + DIR + "/" + template + ".peb: " + e.getMessage(), e);
        }
        return w.toString();
    }
}
