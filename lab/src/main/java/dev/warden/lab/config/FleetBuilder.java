package dev.warden.lab.config;

import dev.warden.lab.LabException;
import dev.warden.lab.device.Account;
import dev.warden.lab.device.Behaviour;
import dev.warden.lab.device.PortMapping;
import dev.warden.lab.device.SimDevice;
import dev.warden.lab.net.ProtocolServer;
import dev.warden.lab.profile.AccountSpec;
import dev.warden.lab.profile.FirmwareVariant;
import dev.warden.lab.profile.Profile;
import dev.warden.lab.profile.ProfileCatalog;
import dev.warden.lab.profile.ServiceSpec;
import dev.warden.model.DeviceKind;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Turns a lab file (or a {@code --count} recipe) into concrete {@link SimDevice}s, checking everything that can be
 * checked before a socket is opened: known profiles and firmware, loopback addresses, unique names, no port clash.
 */
public final class FleetBuilder {
    /** Planted on a device that a router's UPnP table forwards from the internet. */
    public static final String EXPOSED_BY_UPNP = "exposed-by-upnp";
    private static final String ALPHANUM = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final ProfileCatalog catalog;

    public FleetBuilder(ProfileCatalog catalog) {
        this.catalog = catalog;
    }

    /** The devices of a lab file. */
    public List<SimDevice> build(LabConfig config) {
        return build(config.devices());
    }

    /** {@code count} devices drawn from the lab's fleet recipe with a fixed seed: the same seed, the same fleet. */
    public List<SimDevice> generate(LabConfig config, int count, long seed) {
        return build(generateEntries(config.fleet(), count, seed));
    }

    public List<DeviceEntry> generateEntries(FleetSpec fleet, int count, long seed) {
        if (fleet == null || fleet.profiles().isEmpty()) {
            throw new LabException("the lab file has no 'fleet' section, so --count cannot draw devices");
        }
        if (count < 1 || count > 60_000) {
            throw new LabException("--count must be within 1..60000, got " + count);
        }
        Random rnd = new Random(seed);
        List<String> ids = new ArrayList<>();
        List<Integer> weights = new ArrayList<>();
        int total = 0;
        for (Map.Entry<String, Integer> e : new java.util.TreeMap<>(fleet.profiles()).entrySet()) {
            catalog.profile(e.getKey());
            ids.add(e.getKey());
            weights.add(e.getValue());
            total += e.getValue();
        }
        long addr = ipv4(parseLoopback(fleet.firstAddress(), "fleet.first-address"));
        List<DeviceEntry> out = new ArrayList<>(count);
        int per = fleet.devicesPerRouter();
        Map<Integer, Integer> counters = new HashMap<>();
        List<Integer> routers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            while ((addr & 0xFF) == 0 || (addr & 0xFF) == 255) {
                addr++;
            }
            String profileId;
            if (per > 0 && fleet.router() != null && i % per == 0) {
                profileId = fleet.router();
                routers.add(i);
            } else {
                int r = rnd.nextInt(total);
                int k = 0;
                while (r >= weights.get(k)) {
                    r -= weights.get(k);
                    k++;
                }
                profileId = ids.get(k);
            }
            Profile p = catalog.profile(profileId);
            FirmwareVariant fw = pick(p.firmware(), rnd);
            String hw = p.hardware().get(rnd.nextInt(p.hardware().size()));
            DeviceEntry.BehaviourEntry b = null;
            double roll = rnd.nextDouble();
            if (roll < fleet.slowRate()) {
                b = new DeviceEntry.BehaviourEntry(fleet.slowDelayMs(), 0);
            } else if (roll < fleet.slowRate() + fleet.flakyRate()) {
                b = new DeviceEntry.BehaviourEntry(0, fleet.flakyDropRate());
            }
            int n = counters.merge(profileId.hashCode(), 1, Integer::sum);
            out.add(new DeviceEntry(profileId + "-" + n, profileId, text(addr), fw.label(), hw, b, List.of()));
            addr++;
        }
        // Each router forwards two of the cameras in its segment to the internet: cameras that speak UPnP ask their
        // router for forwards themselves (Foscam's remote access does); a hardened camera with UPnP off never does.
        for (int r : routers) {
            List<DeviceEntry> cams = new ArrayList<>();
            for (int j = r + 1; j < Math.min(count, r + per) && cams.size() < 2; j++) {
                DeviceEntry d = out.get(j);
                Profile p = catalog.profile(d.profile());
                if (p.kind() != DeviceKind.ROUTER && webPort(p) > 0 && speaksUpnp(p)) {
                    cams.add(d);
                }
            }
            List<DeviceEntry.PortMappingEntry> maps = new ArrayList<>();
            int ext = 8081;
            for (DeviceEntry cam : cams) {
                Profile p = catalog.profile(cam.profile());
                maps.add(new DeviceEntry.PortMappingEntry(ext++, "TCP", cam.name(), webPort(p), p.vendor() + " " + p.model()));
            }
            DeviceEntry router = out.get(r);
            out.set(r, new DeviceEntry(router.name(), router.profile(), router.address(), router.firmware(),
                    router.hardware(), router.behaviour(), maps));
        }
        return out;
    }

    private static boolean speaksUpnp(Profile p) {
        return p.services().stream().anyMatch(s -> s.protocol().equals("ssdp"));
    }

    private static int webPort(Profile p) {
        for (ServiceSpec s : p.services()) {
            if (s.protocol().equals("http") && s.when() == null && !s.tls()) {
                return s.port();
            }
        }
        return -1;
    }

    /** Resolves and validates a list of entries. */
    public List<SimDevice> build(List<DeviceEntry> entries) {
        if (entries.isEmpty()) {
            throw new LabException("the lab has no devices");
        }
        Map<String, DeviceEntry> byName = new LinkedHashMap<>();
        Map<String, InetAddress> addresses = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            DeviceEntry e = entries.get(i);
            String at = "device #" + (i + 1) + (e.name() == null ? "" : " '" + e.name() + "'");
            if (e.name() == null || e.name().isBlank()) {
                throw new LabException(at + ": needs a name");
            }
            if (byName.put(e.name(), e) != null) {
                throw new LabException(at + ": the name is used twice");
            }
            if (e.profile() == null) {
                throw new LabException(at + ": needs a profile");
            }
            Profile p = catalog.profile(e.profile());
            if (e.firmware() != null && p.firmware(e.firmware()) == null) {
                throw new LabException(at + ": profile " + p.id() + " has no firmware '" + e.firmware() + "' (known: "
                        + String.join(", ", p.firmware().stream().map(FirmwareVariant::label).toList()) + ")");
            }
            if (e.hardware() != null && !p.hardware().contains(e.hardware())) {
                throw new LabException(at + ": profile " + p.id() + " has no hardware revision '" + e.hardware() + "'");
            }
            addresses.put(e.name(), parseLoopback(e.address(), at + " address"));
        }
        // Port forwards: resolve targets, mark the exposed devices.
        Map<String, List<PortMapping>> mappings = new HashMap<>();
        Map<String, Set<String>> exposed = new HashMap<>();
        for (DeviceEntry e : entries) {
            List<PortMapping> list = new ArrayList<>();
            for (DeviceEntry.PortMappingEntry m : e.portMappings()) {
                String at = "device '" + e.name() + "' port mapping " + m.externalPort();
                if (m.externalPort() < 1 || m.externalPort() > 65535 || m.internalPort() < 1 || m.internalPort() > 65535) {
                    throw new LabException(at + ": ports must be within 1..65535");
                }
                String proto = m.protocol() == null ? "TCP" : m.protocol().toUpperCase(java.util.Locale.ROOT);
                if (!proto.equals("TCP") && !proto.equals("UDP")) {
                    throw new LabException(at + ": protocol must be TCP or UDP");
                }
                String client;
                if (byName.containsKey(m.internal())) {
                    client = addresses.get(m.internal()).getHostAddress();
                    exposed.computeIfAbsent(m.internal(), k -> new TreeSet<>()).add(EXPOSED_BY_UPNP);
                } else {
                    client = parseLoopback(m.internal(), at + " internal").getHostAddress();
                }
                list.add(new PortMapping(m.externalPort(), proto, client, m.internalPort(),
                        m.description() == null ? "" : m.description(), 0));
            }
            mappings.put(e.name(), list);
        }
        List<SimDevice> out = new ArrayList<>(entries.size());
        Map<String, String> ports = new HashMap<>();
        for (DeviceEntry e : entries) {
            Profile p = catalog.profile(e.profile());
            FirmwareVariant fw = e.firmware() == null ? p.firmware().get(0) : p.firmware(e.firmware());
            String hw = e.hardware() == null ? p.hardware().get(0) : e.hardware();
            InetAddress addr = addresses.get(e.name());
            Set<String> weak = new TreeSet<>(fw.weaknesses());
            weak.addAll(exposed.getOrDefault(e.name(), Set.of()));
            Random rnd = new Random(seedOf(e.name(), addr));
            List<Account> accounts = accounts(p, weak, rnd);
            List<ServiceSpec> services = services(p, weak);
            for (ServiceSpec s : services) {
                ProtocolServer server = catalog.protocol(s.protocol());
                String key = addr.getHostAddress() + ":" + s.port() + "/" + server.transport().wireName();
                String other = ports.put(key, e.name());
                if (other != null) {
                    throw new LabException("port clash: " + key + " is used by both '" + other + "' and '" + e.name() + "'");
                }
            }
            Behaviour b = Behaviour.NORMAL;
            if (e.behaviour() != null) {
                try {
                    b = new Behaviour(e.behaviour().delayMs(), e.behaviour().dropRate());
                } catch (IllegalArgumentException ex) {
                    throw new LabException("device '" + e.name() + "' behaviour: " + ex.getMessage());
                }
            }
            byte[] a = addr.getAddress();
            String mac = p.macPrefix() + String.format(":%02X:%02X:%02X", a[1] & 0xFF, a[2] & 0xFF, a[3] & 0xFF);
            String serial = p.vars().getOrDefault("serial-prefix", "SN") + String.format("%08X", rnd.nextInt());
            String uuid = UUID.nameUUIDFromBytes((p.id() + "/" + addr.getHostAddress()).getBytes(StandardCharsets.UTF_8)).toString();
            out.add(new SimDevice(e.name(), addr, p, fw, hw, serial, mac, uuid, weak, accounts, services, b,
                    mappings.get(e.name())));
        }
        return out;
    }

    /**
     * The same device after a firmware upgrade (or downgrade) to another variant of its profile: same name, address,
     * hardware, serial, MAC and behaviour; the weaknesses, accounts and services of the new firmware. A UPnP exposure
     * stays, since the router's forward does not care what firmware runs behind it.
     *
     * @throws LabException when the profile has no such firmware
     */
    public static SimDevice upgraded(SimDevice d, String firmwareLabel) {
        Profile p = d.profile();
        FirmwareVariant fw = p.firmware(firmwareLabel);
        if (fw == null) {
            throw new LabException("device '" + d.name() + "': profile " + p.id() + " has no firmware '" + firmwareLabel
                    + "' (known: " + String.join(", ", p.firmware().stream().map(FirmwareVariant::label).toList()) + ")");
        }
        Set<String> weak = new TreeSet<>(fw.weaknesses());
        if (d.has(EXPOSED_BY_UPNP)) {
            weak.add(EXPOSED_BY_UPNP);
        }
        Random rnd = new Random(seedOf(d.name(), d.address()));
        return new SimDevice(d.name(), d.address(), p, fw, d.hardware(), d.serial(), d.mac(), d.uuid(), weak,
                accounts(p, weak, rnd), services(p, weak), d.behaviour(), d.portMappings());
    }

    /** The profile's accounts on a device with these weaknesses: factory passwords only where a weakness plants them. */
    private static List<Account> accounts(Profile p, Set<String> weak, Random rnd) {
        List<Account> accounts = new ArrayList<>();
        for (AccountSpec a : p.accounts()) {
            if (a.weakness() == null || weak.contains(a.weakness())) {
                accounts.add(new Account(a.service(), a.user(), a.password()));
            } else if (!a.hidden()) {
                accounts.add(new Account(a.service(), a.user(), strongPassword(rnd)));
            }
        }
        return accounts;
    }

    /** The profile's services, less those whose {@code when} weakness is not planted. */
    private static List<ServiceSpec> services(Profile p, Set<String> weak) {
        List<ServiceSpec> services = new ArrayList<>();
        for (ServiceSpec s : p.services()) {
            if (s.when() == null || weak.contains(s.when())) {
                services.add(s);
            }
        }
        return services;
    }

    private static FirmwareVariant pick(List<FirmwareVariant> variants, Random rnd) {
        int total = variants.stream().mapToInt(FirmwareVariant::weight).sum();
        int r = rnd.nextInt(total);
        for (FirmwareVariant f : variants) {
            if (r < f.weight()) {
                return f;
            }
            r -= f.weight();
        }
        return variants.get(0);
    }

    private static long seedOf(String name, InetAddress addr) {
        return name.hashCode() * 31L + addr.hashCode();
    }

    private static String strongPassword(Random rnd) {
        StringBuilder sb = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            sb.append(ALPHANUM.charAt(rnd.nextInt(ALPHANUM.length())));
        }
        return sb.toString();
    }

    /** Parses an IPv4 literal and insists it is loopback: the lab never listens anywhere else. */
    public static InetAddress parseLoopback(String text, String what) {
        if (text == null || !text.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            throw new LabException(what + ": '" + text + "' is not an IPv4 address");
        }
        InetAddress a;
        try {
            a = InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new LabException(what + ": '" + text + "' is not an IPv4 address");
        }
        if ((a.getAddress()[0] & 0xFF) != 127) {
            throw new LabException(what + ": " + text + " is outside 127.0.0.0/8; the lab only listens on loopback");
        }
        return a;
    }

    private static long ipv4(InetAddress a) {
        byte[] b = a.getAddress();
        return ((b[0] & 0xFFL) << 24) | ((b[1] & 0xFFL) << 16) | ((b[2] & 0xFFL) << 8) | (b[3] & 0xFFL);
    }

    private static String text(long v) {
        if (v > 0x7FFFFFFFL) {
            throw new LabException("the fleet runs past 127.255.255.255; start it lower or draw fewer devices");
        }
        return ((v >> 24) & 0xFF) + "." + ((v >> 16) & 0xFF) + "." + ((v >> 8) & 0xFF) + "." + (v & 0xFF);
    }
}
