package dev.warden.remediation;

/**
 * Decides whether a device's firmware has reached the first fixed firmware an advisory names. The shipped order is
 * {@link FirmwareLineOrder}: the advisory matcher's own version comparison, firmware lines respected.
 */
@FunctionalInterface
public interface VersionOrder {
    /**
     * Whether {@code current} is {@code fixed} or later; false when either cannot be read or compared.
     *
     * @param vendor the device's vendor as the inventory names it (it decides whether versions run in firmware
     *               lines), or null when unknown
     */
    boolean reached(String vendor, String current, String fixed);
}
