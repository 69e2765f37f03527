package dev.warden.lab.proto.onvif;

import dev.warden.lab.device.Account;
import dev.warden.lab.device.LoginResult;
import dev.warden.lab.device.SimDevice;
import dev.warden.lab.proto.xml.XmlNode;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * A WS-Security UsernameToken from a SOAP header, checked the way ONVIF devices check it: {@code PasswordDigest}
 * = Base64(SHA-1(nonce + created + password)) with {@code Created} within a few minutes of the device clock, or
 * {@code PasswordText}. Every check counts towards the device's lock-out like any other web login.
 *
 * @param user     Username
 * @param password the Password element's text (digest or plain)
 * @param digest   whether Password's Type is PasswordDigest
 * @param nonce    Nonce text (Base64), or null
 * @param created  Created text, or null
 */
record UsernameToken(String user, String password, boolean digest, String nonce, String created) {
    /** How far Created may be from the device clock before a digest is refused, as cameras do. */
    static final Duration MAX_SKEW = Duration.ofMinutes(5);

    /** The token in an envelope's Header/Security, or null when there is none. */
    static UsernameToken of(XmlNode envelope) {
        XmlNode header = envelope.child("Header");
        XmlNode security = header == null ? null : header.child("Security");
        XmlNode token = security == null ? null : security.child("UsernameToken");
        if (token == null || token.child("Username") == null) {
            return null;
        }
        XmlNode pass = token.child("Password");
        String type = pass == null ? "" : pass.attributes().getOrDefault("Type", "");
        return new UsernameToken(token.child("Username").text(), pass == null ? "" : pass.text(),
                type.endsWith("#PasswordDigest"), textOf(token, "Nonce"), textOf(token, "Created"));
    }

    private static String textOf(XmlNode parent, String name) {
        XmlNode n = parent.child(name);
        return n == null ? null : n.text();
    }

    /** Whether this token logs in to the device's web account now; failures count towards lock-out. */
    boolean verify(SimDevice device, InetAddress client, Instant now) {
        if (!digest) {
            return device.login("web", client, user, password) == LoginResult.OK;
        }
        if (device.isLockedOut(client)) {
            return false;
        }
        if (!fresh(now)) {
            return false; // clock skew: refused without touching the password, like a device with NTP
        }
        byte[] nonceBytes;
        byte[] given;
        try {
            nonceBytes = nonce == null ? new byte[0] : Base64.getDecoder().decode(nonce);
            given = Base64.getDecoder().decode(password);
        } catch (IllegalArgumentException e) {
            device.loginFailed(client);
            return false;
        }
        for (Account a : device.accounts("web")) {
            if (a.user().equals(user) && MessageDigest.isEqual(given, digestOf(nonceBytes, created, a.password()))) {
                device.loginSucceeded(client);
                return true;
            }
        }
        device.loginFailed(client);
        return false;
    }

    private boolean fresh(Instant now) {
        if (created == null) {
            return false;
        }
        try {
            Duration skew = Duration.between(Instant.parse(created), now).abs();
            return skew.compareTo(MAX_SKEW) <= 0;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** Base64-decoded PasswordDigest for a nonce, a Created value and a password. */
    static byte[] digestOf(byte[] nonce, String created, String password) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(nonce);
            sha1.update(created.getBytes(StandardCharsets.UTF_8));
            sha1.update(password.getBytes(StandardCharsets.UTF_8));
            return sha1.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }
}
