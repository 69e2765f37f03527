package dev.warden.assess.check;

import dev.warden.model.Device;
import dev.warden.model.DeviceKind;
import dev.warden.model.Service;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which devices a check is for. Every given condition must hold; a condition on a fact the device lacks (unknown
 * vendor, model or firmware) does not hold, so Warden never spends a login attempt on a guess.
 *
 * @param vendors  vendor names, compared case-insensitively; empty means any
 * @param kinds    device kinds; empty means any
 * @param model    regex found in the model, or null
 * @param firmware firmware ranges (any may hold); empty means any
 * @param service  the services the check talks to, or null (a fact-only check about the device as a whole)
 */
public record AppliesTo(List<String> vendors, List<DeviceKind> kinds, Pattern model, List<VersionRange> firmware,
                        ServiceSelector service) {
    public AppliesTo {
        vendors = List.copyOf(vendors);
        kinds = List.copyOf(kinds);
        firmware = List.copyOf(firmware);
    }

    /** Whether the device itself qualifies (vendor, kind, model, firmware); services are {@link #services}. */
    public boolean matches(Device d) {
        if (!vendors.isEmpty() && (d.vendor() == null
                || vendors.stream().noneMatch(v -> v.equalsIgnoreCase(d.vendor())))) {
            return false;
        }
        if (!kinds.isEmpty() && !kinds.contains(d.kind())) {
            return false;
        }
        if (model != null && (d.model() == null || !model.matcher(d.model()).find())) {
            return false;
        }
        return firmware.isEmpty() || (d.firmware() != null && firmware.stream().anyMatch(r -> r.contains(d.firmware())));
    }

    /** The device's services the check talks to, in the order the file lists its ports, then by port. */
    public List<Service> services(Device d) {
        if (service == null) {
            return List.of();
        }
        Comparator<Service> order = Comparator.comparingInt(s -> {
            int i = service.ports().indexOf(s.port());
            return i < 0 ? Integer.MAX_VALUE : i;
        });
        return d.services().stream().filter(service::matches)
                .sorted(order.thenComparingInt(Service::port)).toList();
    }

    /** Why a fact-only check holds, for its evidence: the firmware and the range it falls in. */
    public String describeFirmware(Device d) {
        for (VersionRange r : firmware) {
            if (d.firmware() != null && r.contains(d.firmware())) {
                return "firmware " + d.firmware() + " within " + r.describe();
            }
        }
        return null;
    }

    static AppliesTo read(Fields f, Protocol protocol, boolean hasSteps) {
        List<String> vendors = f.strings("vendors");
        List<DeviceKind> kinds = f.kinds("kinds");
        Pattern model = f.pattern("model");
        List<VersionRange> firmware = f.objects("firmware", VersionRange::read);
        Fields svc = f.object("service");
        ServiceSelector service = svc == null ? null : ServiceSelector.read(svc, protocol);
        f.done();
        if (hasSteps && service == null) {
            service = ServiceSelector.of(protocol);
        }
        if (!hasSteps && firmware.isEmpty() && service == null) {
            throw f.error(f.at("firmware"), "a check without steps is decided by facts alone: give firmware ranges or"
                    + " a service (with ports, product or version)");
        }
        return new AppliesTo(vendors, kinds, model, firmware, service);
    }
}
