package dev.warden.lab.proto.http;

import dev.warden.lab.device.LoginResult;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A user name and password a client sent, wherever it put them: a Basic header, the query string (Foscam's
 * {@code usr}/{@code pwd}), or a form POST (XiongMai's {@code Login.htm}). Checking them always goes through the
 * device, so lock-out works the same for every vendor.
 */
public record Credentials(String user, String password) {
    /** Credentials in query parameters, or null when the user parameter is missing. */
    public static Credentials query(HttpExchange ex, String userParam, String passwordParam) {
        return from(ex.query().parameters(), userParam, passwordParam);
    }

    /** Credentials in {@code application/x-www-form-urlencoded} body fields, or null when the user field is missing. */
    public static Credentials form(HttpExchange ex, String userParam, String passwordParam) {
        return from(new QueryStringDecoder(ex.body(), StandardCharsets.UTF_8, false).parameters(), userParam, passwordParam);
    }

    private static Credentials from(Map<String, List<String>> params, String userParam, String passwordParam) {
        List<String> u = params.get(userParam);
        if (u == null || u.isEmpty()) {
            return null;
        }
        List<String> p = params.get(passwordParam);
        return new Credentials(u.getFirst(), p == null || p.isEmpty() ? "" : p.getFirst());
    }

    /** Checks these credentials against the device's web accounts, counting failures towards its lock-out. */
    public LoginResult check(HttpExchange ex) {
        return ex.device().login("web", ex.client(), user, password);
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "Credentials[" + user + "]";
    }
}
