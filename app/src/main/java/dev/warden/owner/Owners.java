package dev.warden.owner;

import dev.warden.scope.Cidr;
import dev.warden.store.Sql;
import dev.warden.store.Store;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Sites, owners and assignments in the store, and the one question notifications ask: who answers for this address?
 * An owner assigned to the address itself answers for it; only when there is none do the owners of every site whose
 * blocks hold the address answer.
 */
public final class Owners {
    private final Store store;

    public Owners(Store store) {
        this.store = store;
    }

    /** Adds or replaces a site. */
    public Site addSite(String name, List<String> cidrs) {
        requireName(name, "site");
        if (cidrs.isEmpty()) {
            throw new IllegalArgumentException("site " + name + " needs at least one CIDR block");
        }
        for (String c : cidrs) {
            Cidr.parse(c, "site " + name + " block");
        }
        Site site = new Site(name, cidrs);
        store.transaction(c -> Sql.update(c, """
                INSERT INTO sites (name, cidrs) VALUES (?, ?)
                ON CONFLICT (name) DO UPDATE SET cidrs = excluded.cidrs""", name, String.join(",", cidrs)));
        return site;
    }

    public List<Site> sites() {
        return store.transaction(c -> Sql.query(c, "SELECT name, cidrs FROM sites ORDER BY name",
                rs -> new Site(rs.getString("name"), Arrays.asList(rs.getString("cidrs").split(",")))));
    }

    /** Adds or replaces an owner after checking its contacts (the secret reference only for its form). */
    public Owner addOwner(Owner o) {
        requireName(o.name(), "owner");
        if (o.email() == null && o.webhookUrl() == null) {
            throw new IllegalArgumentException("owner " + o.name() + " needs an email or a webhook URL");
        }
        if (o.email() != null && !o.email().matches("[^@\\s]+@[^@\\s]+")) {
            throw new IllegalArgumentException("owner " + o.name() + ": '" + o.email() + "' is not an email address");
        }
        if (o.webhookUrl() != null) {
            String scheme = schemeOf(o.webhookUrl());
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new IllegalArgumentException("owner " + o.name() + ": webhook URL must be http(s)://...");
            }
            if (o.webhookSecret() == null) {
                throw new IllegalArgumentException("owner " + o.name() + ": a webhook needs a secret reference (env:NAME or file:PATH)");
            }
            SecretRef.validate(o.webhookSecret());
        }
        store.transaction(c -> Sql.update(c, """
                INSERT INTO owners (name, email, webhook_url, webhook_secret, digest) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (name) DO UPDATE SET email = excluded.email, webhook_url = excluded.webhook_url,
                    webhook_secret = excluded.webhook_secret, digest = excluded.digest""",
                o.name(), o.email(), o.webhookUrl(), o.webhookSecret(), o.digest() ? 1 : 0));
        return o;
    }

    public List<Owner> owners() {
        return store.transaction(c -> Sql.query(c, "SELECT * FROM owners ORDER BY name", Owners::owner));
    }

    /** Makes the owner answer for a site (which must exist). */
    public void assignSite(String owner, String site) {
        store.transaction(c -> {
            requireOwner(c, owner);
            if (Sql.query(c, "SELECT name FROM sites WHERE name = ?", rs -> 1, site).isEmpty()) {
                throw new IllegalArgumentException("no site named " + site);
            }
            return assign(c, owner, "site", site);
        });
    }

    /** Makes the owner answer for one address, whatever site it is in. */
    public void assignIp(String owner, String ip) {
        Cidr.parse(ip, "address");
        if (ip.contains("/")) {
            throw new IllegalArgumentException("'" + ip + "' is a block; give one address or assign a site");
        }
        store.transaction(c -> {
            requireOwner(c, owner);
            return assign(c, owner, "ip", ip);
        });
    }

    /** Every assignment as {@code [owner, kind, target]}, in owner order. */
    public List<String[]> assignments() {
        return store.transaction(c -> Sql.query(c, "SELECT owner, kind, target FROM owner_assignments ORDER BY owner, kind, target",
                rs -> new String[] {rs.getString("owner"), rs.getString("kind"), rs.getString("target")}));
    }

    /** The owners who answer for an address, within a transaction already open. */
    public static List<Owner> ownersOf(Connection c, String ip) throws SQLException {
        List<Owner> direct = Sql.query(c, """
                SELECT o.* FROM owners o JOIN owner_assignments a ON a.owner = o.name
                WHERE a.kind = 'ip' AND a.target = ? ORDER BY o.name""", Owners::owner, ip);
        if (!direct.isEmpty()) {
            return direct;
        }
        long addr;
        try {
            addr = Cidr.parse(ip, "address").first();
        } catch (IllegalArgumentException e) {
            return List.of(); // an IPv6 device: no site can hold it yet
        }
        List<String[]> siteOwners = Sql.query(c, """
                SELECT a.owner, s.cidrs FROM owner_assignments a JOIN sites s ON a.kind = 'site' AND a.target = s.name
                ORDER BY a.owner""", rs -> new String[] {rs.getString("owner"), rs.getString("cidrs")});
        List<String> names = new ArrayList<>();
        for (String[] so : siteOwners) {
            for (String block : so[1].split(",")) {
                if (Cidr.parse(block, "site block").contains(addr) && !names.contains(so[0])) {
                    names.add(so[0]);
                }
            }
        }
        List<Owner> out = new ArrayList<>();
        for (String n : names) {
            out.addAll(Sql.query(c, "SELECT * FROM owners WHERE name = ?", Owners::owner, n));
        }
        return out;
    }

    /** The owners who answer for an address. */
    public List<Owner> ownersOf(String ip) {
        return store.transaction(c -> ownersOf(c, ip));
    }

    private static int assign(Connection c, String owner, String kind, String target) throws SQLException {
        return Sql.update(c, "INSERT INTO owner_assignments (owner, kind, target) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                owner, kind, target);
    }

    private static void requireOwner(Connection c, String owner) throws SQLException {
        if (Sql.query(c, "SELECT name FROM owners WHERE name = ?", rs -> 1, owner).isEmpty()) {
            throw new IllegalArgumentException("no owner named " + owner);
        }
    }

    private static Owner owner(ResultSet rs) throws SQLException {
        return new Owner(rs.getString("name"), rs.getString("email"), rs.getString("webhook_url"),
                rs.getString("webhook_secret"), rs.getInt("digest") == 1);
    }

    private static void requireName(String name, String what) {
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            throw new IllegalArgumentException(what + " name '" + name + "' must be 1-64 letters, digits, '.', '_' or '-'");
        }
    }

    private static String schemeOf(String url) {
        try {
            URI u = URI.create(url);
            return u.getScheme() == null || u.getHost() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
