package dev.warden.lab.proto.http;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ConcurrentHashMap;
import javax.imageio.ImageIO;

/**
 * The frame a simulated camera returns for a snapshot: a 320x240 grey JPEG with the device's name on it, drawn in
 * memory once per device (never an image taken from anywhere).
 */
public final class SnapshotJpeg {
    private static final ConcurrentHashMap<String, byte[]> FRAMES = new ConcurrentHashMap<>();

    private SnapshotJpeg() {
    }

    /** The JPEG bytes for a device (shared; do not modify). */
    public static byte[] of(String deviceName) {
        return FRAMES.computeIfAbsent(deviceName, SnapshotJpeg::draw);
    }

    private static byte[] draw(String caption) {
        BufferedImage img = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(new Color(0x80, 0x80, 0x80));
            g.fillRect(0, 0, 320, 240);
            g.setColor(Color.WHITE);
            g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 14));
            g.drawString(caption, 8, 20);
        } catch (RuntimeException | Error e) {
            // a JRE without fonts cannot draw text: the frame stays plain grey, still a valid JPEG
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        try {
            ImageIO.write(img, "jpeg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
