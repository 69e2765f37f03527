package dev.warden.assess.check;

import dev.warden.model.DeviceKind;
import java.util.List;

/**
 * Whose finding a cross-device check reports: the device at the address in a response part ({@code internal-client}
 * of a UPnP port mapping), when it is a scanned device of one of these kinds.
 *
 * @param field the response part holding the address
 * @param kinds the kinds of device the finding is about
 */
public record Subject(String field, List<DeviceKind> kinds) {
    public Subject {
        kinds = List.copyOf(kinds);
    }

    static Subject read(Fields f, Protocol protocol) {
        String field = f.requiredString("field");
        if (!protocol.parts().contains(field)) {
            throw f.fieldError("field", "unknown part '" + field + "' for " + protocol.wireName());
        }
        List<DeviceKind> kinds = f.kinds("kinds");
        if (kinds.isEmpty()) {
            throw f.fieldError("kinds", "required: the kinds of device the finding is about");
        }
        f.done();
        return new Subject(field, kinds);
    }
}
