package dev.warden.assess;

import dev.warden.assess.check.Protocol;
import dev.warden.assess.check.Response;
import java.util.regex.Pattern;

/**
 * How devices say "stop trying": Hikvision's {@code <lockStatus>lock</lockStatus>}, Foscam's {@code <result>-8</result>},
 * a 401/403 whose body talks of being locked or of too many attempts, HTTP 423/429, FTP 421. The engine checks every
 * response against these, so no check file has to remember to.
 */
final class LockoutSignals {
    private static final Pattern ALWAYS = Pattern.compile(
            "<lockStatus>\\s*lock\\s*</lockStatus>|<result>\\s*-8\\s*</result>");
    private static final Pattern ON_DENIAL = Pattern.compile(
            "(?i)\\blocked\\b|\\block(ed)?[ -]?out\\b|too many (failed )?(login|logon|attempt|tries)|try again later");

    private LockoutSignals() {
    }

    /** The signal seen, for the note, or null when the response shows none. */
    static String signal(Protocol protocol, Response r) {
        if (protocol == Protocol.FTP) {
            return r.status() == 421 ? "FTP 421" : null;
        }
        String body = r.text("body");
        java.util.regex.Matcher m = ALWAYS.matcher(body);
        if (m.find()) {
            return "'" + m.group() + "'";
        }
        if (r.status() == 423 || r.status() == 429) {
            return "status " + r.status();
        }
        if ((r.status() == 401 || r.status() == 403) && ON_DENIAL.matcher(body).find()) {
            return "status " + r.status() + " saying locked";
        }
        return null;
    }
}
