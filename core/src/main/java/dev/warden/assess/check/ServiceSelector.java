package dev.warden.assess.check;

import dev.warden.model.Service;
import dev.warden.model.Transport;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which of a device's services a check talks to: by name (default: the protocol's usual names), port, product regex
 * and product version ranges. Only TCP services are selected; every check protocol runs over TCP.
 *
 * @param names    service names, lower case; empty means any
 * @param ports    ports; empty means any
 * @param product  regex found in the product, or null
 * @param versions version ranges on the service version (any may hold); empty means any
 */
public record ServiceSelector(List<String> names, List<Integer> ports, Pattern product, List<VersionRange> versions) {
    public ServiceSelector {
        names = List.copyOf(names);
        ports = List.copyOf(ports);
        versions = List.copyOf(versions);
    }

    /** Whether the service qualifies. A product or version condition on a service that reports none does not hold. */
    public boolean matches(Service s) {
        if (s.transport() != Transport.TCP) {
            return false;
        }
        if (!names.isEmpty() && !names.contains(s.name().toLowerCase(Locale.ROOT))) {
            return false;
        }
        if (!ports.isEmpty() && !ports.contains(s.port())) {
            return false;
        }
        if (product != null && (s.product() == null || !product.matcher(s.product()).find())) {
            return false;
        }
        return versions.isEmpty() || (s.version() != null && versions.stream().anyMatch(r -> r.contains(s.version())));
    }

    /** What made the service qualify, for the evidence of a fact-only check. */
    public String describe(Service s) {
        StringBuilder sb = new StringBuilder(s.name()).append(" on ").append(s.port());
        if (s.product() != null) {
            sb.append(" (").append(s.product()).append(s.version() == null ? "" : " " + s.version()).append(')');
        }
        return sb.toString();
    }

    static ServiceSelector read(Fields f, Protocol protocol) {
        List<String> names = f.strings("names").stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
        List<String> portTexts = f.strings("ports");
        List<Integer> ports = new java.util.ArrayList<>();
        for (int i = 0; i < portTexts.size(); i++) {
            try {
                int p = Integer.parseInt(portTexts.get(i).trim());
                if (p < 1 || p > 65535) {
                    throw new NumberFormatException();
                }
                ports.add(p);
            } catch (NumberFormatException e) {
                throw f.fieldError("ports[" + i + "]", "expected a port 1..65535, not '" + portTexts.get(i) + "'");
            }
        }
        Pattern product = f.pattern("product");
        List<VersionRange> versions = f.objects("version", VersionRange::read);
        f.done();
        if (names.isEmpty() && protocol != null) {
            names = protocol.serviceNames();
        }
        return new ServiceSelector(names, ports, product, versions);
    }

    /** The default selection of a protocol: its usual service names. */
    static ServiceSelector of(Protocol protocol) {
        return new ServiceSelector(protocol.serviceNames(), List.of(), null, List.of());
    }
}
