package dev.warden.lab.profile;

/**
 * A login account of a profile.
 *
 * @param service  which login it is for: {@code web} (HTTP, RTSP and ONVIF share it), {@code telnet}, {@code ftp}
 * @param user     user name
 * @param password the factory password ("" for blank)
 * @param weakness when set, the factory password is a weakness with this id: a device where the weakness is not
 *                 planted has had its password changed by its owner (a random strong one), and an account with
 *                 {@code hidden: true} does not exist there at all
 * @param hidden   the account exists only where its weakness is planted (a backdoor fixed by later firmware)
 */
public record AccountSpec(String service, String user, String password, String weakness, boolean hidden) {
    public AccountSpec {
        password = password == null ? "" : password;
    }
}
