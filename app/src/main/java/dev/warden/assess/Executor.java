package dev.warden.assess;

import dev.warden.assess.check.Check;
import dev.warden.assess.check.Credential;
import java.util.Map;

/**
 * Runs a check's steps over one protocol against one service, with one credential (or none). Never throws for
 * anything a device does: failures become notes on the session and an {@link Outcome}.
 */
interface Executor {
    Outcome run(Session s, Check check, Credential cred);

    /** Ends the session a successful login opened, when the protocol needs a request for it. */
    default void logout(Session s, Check check, Credential cred, Map<String, String> vars) {
    }
}
