package dev.warden.lab.device;

import dev.warden.lab.profile.FirmwareVariant;
import dev.warden.lab.profile.Profile;
import dev.warden.lab.profile.ServiceSpec;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One simulated device: a profile made concrete with an address, a firmware, a serial number, a MAC, accounts and
 * the weaknesses planted on it. Protocol servers read everything they answer from here.
 */
public final class SimDevice {
    private static final Pattern VAR = Pattern.compile("\\$\\{([a-zA-Z0-9_.-]+)}");

    private final String name;
    private final InetAddress address;
    private final Profile profile;
    private final FirmwareVariant firmware;
    private final String hardware;
    private final String serial;
    private final String mac;
    private final String uuid;
    private final Set<String> weaknesses;
    private final List<Account> accounts;
    private final List<ServiceSpec> services;
    private final Behaviour behaviour;
    private final List<PortMapping> portMappings;
    private final LoginGuard guard;
    private final Map<String, String> vars;

    public SimDevice(String name, InetAddress address, Profile profile, FirmwareVariant firmware, String hardware,
                     String serial, String mac, String uuid, Set<String> weaknesses, List<Account> accounts,
                     List<ServiceSpec> services, Behaviour behaviour, List<PortMapping> portMappings) {
        this.name = Objects.requireNonNull(name, "name");
        this.address = Objects.requireNonNull(address, "address");
        this.profile = Objects.requireNonNull(profile, "profile");
        this.firmware = Objects.requireNonNull(firmware, "firmware");
        this.hardware = hardware == null ? "" : hardware;
        this.serial = serial;
        this.mac = mac;
        this.uuid = uuid;
        this.weaknesses = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(weaknesses));
        this.accounts = List.copyOf(accounts);
        this.services = List.copyOf(services);
        this.behaviour = behaviour == null ? Behaviour.NORMAL : behaviour;
        this.portMappings = portMappings == null ? List.of() : List.copyOf(portMappings);
        this.guard = new LoginGuard(profile.lockout());
        Map<String, String> v = new LinkedHashMap<>(profile.vars());
        v.putAll(firmware.vars());
        v.put("name", name);
        v.put("ip", address.getHostAddress());
        v.put("vendor", profile.vendor());
        v.put("model", profile.model());
        v.put("kind", profile.kind().wireName());
        v.put("firmware", firmware.version());
        v.put("hardware", this.hardware);
        v.put("serial", serial);
        v.put("mac", mac);
        v.put("mac-plain", mac.replace(":", ""));
        v.put("uuid", uuid);
        for (Account a : this.accounts) { // first account per service wins
            v.putIfAbsent("account." + a.service() + ".user", a.user());
            v.putIfAbsent("account." + a.service() + ".password", a.password());
        }
        this.vars = Map.copyOf(v);
    }

    public String name() { return name; }
    public InetAddress address() { return address; }
    public String ip() { return address.getHostAddress(); }
    public Profile profile() { return profile; }
    public FirmwareVariant firmware() { return firmware; }
    public String hardware() { return hardware; }
    public String serial() { return serial; }
    public String mac() { return mac; }
    public String uuid() { return uuid; }
    public Set<String> weaknesses() { return weaknesses; }
    public List<Account> accounts() { return accounts; }
    /** The services this device runs: the profile's, less those whose {@code when} weakness is not planted. */
    public List<ServiceSpec> services() { return services; }
    public Behaviour behaviour() { return behaviour; }
    public List<PortMapping> portMappings() { return portMappings; }
    public Map<String, String> vars() { return vars; }

    public boolean has(String weakness) {
        return weaknesses.contains(weakness);
    }

    public List<Account> accounts(String service) {
        List<Account> out = new ArrayList<>();
        for (Account a : accounts) {
            if (a.service().equals(service)) {
                out.add(a);
            }
        }
        return out;
    }

    /**
     * Checks a login the way the firmware would: a locked-out client is refused before the password is looked at,
     * a failure counts towards the lock.
     */
    public LoginResult login(String service, InetAddress client, String user, String password) {
        if (guard.isLocked(client)) {
            return LoginResult.LOCKED;
        }
        for (Account a : accounts) {
            if (a.service().equals(service) && a.user().equals(user) && a.password().equals(password == null ? "" : password)) {
                guard.success(client);
                return LoginResult.OK;
            }
        }
        guard.failure(client);
        return LoginResult.BAD;
    }

    /** Whether the client is locked out now (for protocols that refuse before asking for credentials). */
    public boolean isLockedOut(InetAddress client) {
        return guard.isLocked(client);
    }

    /** Records a failed login that was checked elsewhere (a Digest response that did not verify, say). */
    public void loginFailed(InetAddress client) {
        guard.failure(client);
    }

    /** Records a successful login that was checked elsewhere. */
    public void loginSucceeded(InetAddress client) {
        guard.success(client);
    }

    /** Replaces {@code ${var}} with this device's values; unknown variables are left as written. */
    public String render(String template) {
        if (template == null || template.indexOf("${") < 0) {
            return template;
        }
        Matcher m = VAR.matcher(template);
        StringBuilder sb = new StringBuilder(template.length() + 64);
        while (m.find()) {
            String val = vars.get(m.group(1));
            m.appendReplacement(sb, Matcher.quoteReplacement(val == null ? m.group() : val));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    @Override
    public String toString() {
        return name + "@" + ip() + "(" + profile.id() + " " + firmware.label() + ")";
    }
}
