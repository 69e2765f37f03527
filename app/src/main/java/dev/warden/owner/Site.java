package dev.warden.owner;

import java.util.List;
import java.util.Objects;

/**
 * A named place on the network (an office, a shop, a home) given as IPv4 blocks; owners are assigned to sites so a
 * device found later in one of its blocks has someone to tell.
 *
 * @param name  unique name
 * @param cidrs the blocks as written, e.g. {@code 127.77.180.0/24}
 */
public record Site(String name, List<String> cidrs) {
    public Site {
        Objects.requireNonNull(name, "name");
        cidrs = List.copyOf(cidrs);
    }
}
