package dev.warden.assess;

/**
 * Something a check learned about a device on the way (the firmware a default-credential login read), for the
 * inventory: name is one of firmware, model, hardware, serial, vendor, mac.
 *
 * @param ip    the device
 * @param port  the service it came from
 * @param check the check that learned it
 * @param name  what it is
 * @param value the value, bounded in length
 */
public record Fact(String ip, int port, String check, String name, String value) {
}
