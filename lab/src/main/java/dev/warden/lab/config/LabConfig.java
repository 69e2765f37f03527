package dev.warden.lab.config;

import dev.warden.lab.LabException;
import dev.warden.lab.profile.ProfileCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.core.JacksonException;

/**
 * A lab file: the devices to simulate, and how {@code --count} draws a larger fleet.
 * The default lab ships as {@code lab/default-lab.yaml}.
 *
 * @param name    a label
 * @param devices the devices
 * @param fleet   the recipe for {@code --count}, or null
 */
public record LabConfig(String name, List<DeviceEntry> devices, FleetSpec fleet) {
    public LabConfig {
        devices = devices == null ? List.of() : List.copyOf(devices);
    }

    public static final String DEFAULT_RESOURCE = "lab/default-lab.yaml";

    public static LabConfig defaultLab() {
        try (InputStream in = LabConfig.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new LabException("missing class-path resource " + DEFAULT_RESOURCE);
            }
            return parse(DEFAULT_RESOURCE, in.readAllBytes());
        } catch (IOException e) {
            throw new LabException("cannot read " + DEFAULT_RESOURCE + ": " + e.getMessage());
        }
    }

    public static LabConfig load(Path file) {
        try {
            return parse(file.toString(), Files.readAllBytes(file));
        } catch (IOException e) {
            throw new LabException("cannot read lab file " + file + ": " + e.getMessage());
        }
    }

    public static LabConfig parse(String source, byte[] yaml) {
        try {
            LabConfig c = ProfileCatalog.YAML.readValue(yaml, LabConfig.class);
            if (c == null) {
                throw new LabException(source + ": empty lab file");
            }
            return c;
        } catch (JacksonException e) {
            throw new LabException(dev.warden.data.DataFileErrors.describe(source, e));
        }
    }

    /** The same lab with its device list replaced. */
    public LabConfig withDevices(List<DeviceEntry> newDevices) {
        return new LabConfig(name, newDevices, fleet);
    }
}
