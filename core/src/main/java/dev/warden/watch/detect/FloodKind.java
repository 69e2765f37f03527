package dev.warden.watch.detect;

/** The outbound flood kinds {@link FloodDetector} tells apart, with their alert kind names. */
public enum FloodKind {
    SYN("syn-flood", "SYN flood"),
    ACK("ack-flood", "ACK flood"),
    UDP("udp-flood", "UDP flood"),
    GRE("gre-flood", "GRE flood"),
    HTTP("http-flood", "HTTP flood");

    private final String kind;
    private final String label;

    FloodKind(String kind, String label) {
        this.kind = kind;
        this.label = label;
    }

    /** The alert kind, e.g. {@code syn-flood}. */
    public String kind() {
        return kind;
    }

    /** How evidence names it, e.g. {@code SYN flood}. */
    public String label() {
        return label;
    }
}
