package dev.warden.lab.manifest;

import dev.warden.lab.device.PortMapping;
import dev.warden.lab.device.SimDevice;
import dev.warden.lab.profile.ProfileCatalog;
import dev.warden.lab.profile.ServiceSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The lab's ground truth, written by {@code warden lab --manifest FILE}: per device its address, profile, vendor,
 * model, hardware revision, firmware, open ports and planted weaknesses. Tests and benchmarks score Warden with it.
 * Account passwords are not in it.
 */
public record Manifest(String generated, int count, List<Entry> devices) {
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    public record Port(int port, String transport, String protocol, boolean tls) {
    }

    public record Behaviour(int delayMs, double dropRate) {
    }

    public record Entry(String name, String address, String profile, String vendor, String model, String kind,
                        String hardware, String firmware, String serial, String mac, List<Port> ports,
                        List<String> weaknesses, Behaviour behaviour, List<PortMapping> portMappings) {
    }

    public static Manifest of(List<SimDevice> devices, ProfileCatalog catalog, long startMillis) {
        List<Entry> out = new ArrayList<>(devices.size());
        for (SimDevice d : devices) {
            List<Port> ports = new ArrayList<>();
            for (ServiceSpec s : d.services()) {
                ports.add(new Port(s.port(), catalog.protocol(s.protocol()).transport().wireName(), s.protocol(), s.tls()));
            }
            out.add(new Entry(d.name(), d.ip(), d.profile().id(), d.profile().vendor(), d.profile().model(),
                    d.profile().kind().wireName(), d.hardware().isEmpty() ? null : d.hardware(), d.firmware().version(),
                    d.serial(), d.mac(), ports, List.copyOf(d.weaknesses()),
                    d.behaviour().isNormal() ? null : new Behaviour(d.behaviour().delayMs(), d.behaviour().dropRate()),
                    d.portMappings().isEmpty() ? null : d.portMappings()));
        }
        return new Manifest(Instant.ofEpochMilli(startMillis).toString(), out.size(), out);
    }

    public void write(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        JSON.writeValue(tmp.toFile(), this);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    public static Manifest read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), Manifest.class);
    }
}
