package dev.warden.lab.device;

/**
 * How a device misbehaves on the wire, to test that scanners survive real networks.
 *
 * @param delayMs  every response is held back this long (a slow responder); 0 for none
 * @param dropRate share of accepted TCP connections reset at once, 0..1 (a flaky device)
 */
public record Behaviour(int delayMs, double dropRate) {
    public static final Behaviour NORMAL = new Behaviour(0, 0);

    public Behaviour {
        if (delayMs < 0) {
            throw new IllegalArgumentException("delay-ms must be >= 0");
        }
        if (dropRate < 0 || dropRate > 1) {
            throw new IllegalArgumentException("drop-rate must be within 0..1");
        }
    }

    public boolean isNormal() {
        return delayMs == 0 && dropRate == 0;
    }
}
