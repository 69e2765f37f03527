package dev.warden.assess.check;

import dev.warden.model.Device;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every loaded check and credential list, cross-checked (ids unique, every {@code credential-list} exists).
 * Obtain one with {@link CheckLoader}.
 */
public record CheckCatalog(List<Check> checks, Map<String, CredentialList> credentialLists) {
    public CheckCatalog {
        checks = List.copyOf(checks);
        credentialLists = Map.copyOf(credentialLists);
    }

    /** The check with this id. */
    public Optional<Check> check(String id) {
        return checks.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /**
     * The credentials a check tries on a device, in order: its inline pairs, then its list's pairs for the device's
     * vendor; duplicates dropped. The engine's budget cuts this list.
     */
    public List<Credential> credentialsFor(Check check, Device device) {
        LinkedHashSet<Credential> out = new LinkedHashSet<>(check.credentials());
        if (check.credentialList() != null) {
            out.addAll(credentialLists.get(check.credentialList()).forVendor(device.vendor()));
        }
        return new ArrayList<>(out);
    }
}
