package dev.warden.lab.profile;

import java.util.List;
import java.util.Map;

/**
 * One firmware a profile's devices may run.
 *
 * @param label      how lab files pick this variant; defaults to the version. Two variants of the same firmware
 *                   that differ in configuration (telnet switched on, say) share a version, not a label.
 * @param version    the version string the device reports
 * @param weight     how often {@code --count} draws it (default 1)
 * @param weaknesses the weakness ids planted on devices running it
 * @param vars       extra template variables for this firmware (build dates, system firmware, ...)
 */
public record FirmwareVariant(String label, String version, int weight, List<String> weaknesses, Map<String, String> vars) {
    public FirmwareVariant {
        label = label == null ? version : label;
        weight = weight <= 0 ? 1 : weight;
        weaknesses = weaknesses == null ? List.of() : List.copyOf(weaknesses);
        vars = vars == null ? Map.of() : Map.copyOf(vars);
    }
}
