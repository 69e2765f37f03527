package dev.warden.lab.profile;

import dev.warden.model.DeviceKind;
import java.util.List;
import java.util.Map;

/**
 * A simulated device family: what it is, the firmware it may run, its accounts and the services it answers.
 * Loaded from {@code lab/profiles/<id>.yaml}; adding a family means adding a file, not code.
 *
 * @param id         kebab-case id, equal to the file name
 * @param vendor     vendor as the real product names itself
 * @param model      model
 * @param kind       camera, dvr, nvr, router or other
 * @param hardware   hardware revisions; one is drawn per device
 * @param macPrefix  the vendor's OUI, "AA:BB:CC"
 * @param firmware   firmware variants
 * @param accounts   login accounts
 * @param lockout    lock-out policy, or null for none
 * @param tlsSubject certificate subject for TLS services, e.g. "CN=IPC"; every device of a profile shares the key
 * @param vars       extra template variables
 * @param services   the services
 */
public record Profile(String id, String vendor, String model, DeviceKind kind, List<String> hardware, String macPrefix,
                      List<FirmwareVariant> firmware, List<AccountSpec> accounts, Lockout lockout, String tlsSubject,
                      Map<String, String> vars, List<ServiceSpec> services) {
    public Profile {
        hardware = hardware == null || hardware.isEmpty() ? List.of("") : List.copyOf(hardware);
        firmware = firmware == null ? List.of() : List.copyOf(firmware);
        accounts = accounts == null ? List.of() : List.copyOf(accounts);
        vars = vars == null ? Map.of() : Map.copyOf(vars);
        services = services == null ? List.of() : List.copyOf(services);
    }

    /** The variant a lab file names by its label (the version, unless the profile gave it a label). */
    public FirmwareVariant firmware(String label) {
        for (FirmwareVariant f : firmware) {
            if (f.label().equals(label)) {
                return f;
            }
        }
        return null;
    }
}
