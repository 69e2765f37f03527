package dev.warden.assess;

import dev.warden.lab.manifest.Manifest;
import dev.warden.model.Device;
import dev.warden.model.DeviceKind;
import dev.warden.model.Service;
import dev.warden.model.Transport;
import java.util.ArrayList;
import java.util.List;

/**
 * Devices as discovery and fingerprints would hand them to the engine, built by hand from the lab's ground truth
 * (vendor, model, kind, firmware, ports) while discovery is written in parallel.
 */
final class LabDevices {
    private LabDevices() {
    }

    static List<Device> of(Manifest m) {
        List<Device> out = new ArrayList<>();
        for (Manifest.Entry e : m.devices()) {
            List<Service> services = new ArrayList<>();
            for (Manifest.Port p : e.ports()) {
                Transport t = Transport.fromWire(p.transport());
                String name = p.protocol().equals("http") && p.tls() ? "https" : p.protocol();
                String product = null;
                String version = null;
                if (e.profile().equals("xiongmai-dvr") && p.port() == 80) {
                    product = "uc-httpd"; // the profile's Server header "uc-httpd 1.0.0", as discovery reads it
                    version = "1.0.0";
                } else if (e.profile().equals("netwave-ipcam") && p.port() == 80) {
                    product = "Netwave IP Camera"; // its Server header
                }
                services.add(new Service(p.port(), t, name, product, version));
            }
            out.add(new Device(e.address(), DeviceKind.fromWire(e.kind()), e.vendor(), e.model(), e.hardware(),
                    e.firmware(), 1.0, services));
        }
        return out;
    }
}
