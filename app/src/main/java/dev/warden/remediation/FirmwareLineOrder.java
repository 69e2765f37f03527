package dev.warden.remediation;

import dev.warden.advise.match.VendorRules;
import dev.warden.advise.version.Version;
import java.util.OptionalInt;

/**
 * {@link VersionOrder} with core's {@link Version} comparison, the one advisory matching uses, and its firmware lines
 * ({@code content/advisories/vendors.yaml}): for a vendor whose leading version components name a line (Foscam's
 * {@code 2.<line>.x.build}), firmware on another line than the fixed one has not "reached" it, however high its
 * number: a C1 V1 on 2.52.x is not fixed by the V3 line's 2.82.x. A masked version ({@code 2.x.2.43}) never has.
 */
public final class FirmwareLineOrder implements VersionOrder {
    private final VendorRules rules;

    public FirmwareLineOrder(VendorRules rules) {
        this.rules = rules;
    }

    /** The order with the shipped vendor rules. */
    public static FirmwareLineOrder shipped() {
        return new FirmwareLineOrder(VendorRules.shipped());
    }

    @Override
    public boolean reached(String vendor, String current, String fixed) {
        Version now;
        Version want;
        try {
            now = Version.parse(current);
            want = Version.parse(fixed);
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
        int line = rules.firmwareLine(rules.vendorKey(vendor));
        if (line > 0) {
            String a = now.line(line);
            if (a == null || !a.equals(want.line(line))) {
                return false;
            }
        }
        OptionalInt c = now.compare(want);
        return c.isPresent() && c.getAsInt() >= 0;
    }
}
