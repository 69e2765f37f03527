package dev.warden.assess;

import dev.warden.assess.check.Response;
import java.util.List;
import java.util.Map;

/**
 * What one try of a check against a service came to.
 *
 * @param matched  the matchers held on {@code response}
 * @param response the last response (only in memory), or null
 * @param request  one redacted line describing the request that got it
 * @param vars     variables at the end (for extractors' facts and the logout step)
 * @param answered the service answered at all
 * @param stop     try no further credentials on this service (lockout, budget spent, network failure)
 * @param mappings for UPnP, every port mapping read, as responses of named parts
 */
record Outcome(boolean matched, Response response, String request, Map<String, String> vars, boolean answered,
               boolean stop, List<Response> mappings) {
    static Outcome matched(Response r, String request, Map<String, String> vars) {
        return new Outcome(true, r, request, vars, true, false, List.of());
    }

    static Outcome missed(boolean answered) {
        return new Outcome(false, null, null, Map.of(), answered, false, List.of());
    }

    static Outcome stopped(boolean answered) {
        return new Outcome(false, null, null, Map.of(), answered, true, List.of());
    }
}
