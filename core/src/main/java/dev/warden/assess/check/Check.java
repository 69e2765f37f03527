package dev.warden.assess.check;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One loaded and validated check file ({@code content/checks/<protocol>/<vendor>/<id>.yaml}): what it applies to,
 * what it sends, how it decides, what it extracts and what it tells the owner. Immutable; the engine runs it.
 *
 * @param id             kebab-case, equal to the file name
 * @param source         the file it came from, for messages
 * @param info           title, severity, CVSS, CVE/CWE, remediation
 * @param tier           banner, read, login or intrusive
 * @param protocol       the protocol of the steps, or null for a fact-only check
 * @param appliesTo      the devices and services it is for
 * @param credentials    inline pairs, tried first
 * @param credentialList name of a {@link CredentialList}, or null
 * @param steps          the requests; empty for a fact-only check
 * @param matchersAnd    whether all matchers must hold (else any)
 * @param matchers       run on the last step's response
 * @param extractors     run on the last step's response when the matchers hold
 * @param logout         sent after a successful credentialed match, or null
 * @param subject        for cross-device checks, whose finding it is; else null
 */
public record Check(String id, String source, Info info, Tier tier, Protocol protocol, AppliesTo appliesTo,
                    List<Credential> credentials, String credentialList, List<Step> steps, boolean matchersAnd,
                    List<Matcher> matchers, List<Extractor> extractors, Step logout, Subject subject) {
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    public Check {
        credentials = List.copyOf(credentials);
        steps = List.copyOf(steps);
        matchers = List.copyOf(matchers);
        extractors = List.copyOf(extractors);
    }

    /** A check decided by the device's facts alone, without traffic. */
    public boolean factOnly() {
        return steps.isEmpty();
    }

    /** Whether the check tries credentials. */
    public boolean usesCredentials() {
        return !credentials.isEmpty() || credentialList != null;
    }

    /** Whether the matchers hold on the last step's response. */
    public boolean matches(Response r) {
        for (Matcher m : matchers) {
            boolean ok = m.test(r);
            if (matchersAnd && !ok) {
                return false;
            }
            if (!matchersAnd && ok) {
                return true;
            }
        }
        return matchersAnd;
    }

    /** Which matchers held, for evidence ({@code status [200] and word '<result>0</result>' in body}). */
    public String describeMatch(Response r) {
        List<String> hit = new ArrayList<>();
        for (Matcher m : matchers) {
            if (m.test(r)) {
                hit.add(m.describe());
            }
        }
        return String.join(matchersAnd ? " and " : " or ", hit);
    }

    static Check read(String file, Fields f) {
        String id = f.requiredString("id");
        String expected = file.substring(file.lastIndexOf('/') + 1).replaceFirst("\\.yaml$", "");
        if (!ID.matcher(id).matches()) {
            throw f.fieldError("id", "expected kebab-case, not '" + id + "'");
        }
        if (!id.equals(expected)) {
            throw f.fieldError("id", "'" + id + "' must equal the file name '" + expected + "'");
        }
        Fields infoFields = f.object("info");
        if (infoFields == null) {
            throw f.fieldError("info", "required");
        }
        Info info = Info.read(infoFields);
        String tierName = f.requiredString("tier");
        Tier tier = Tier.fromWire(tierName);
        if (tier == null) {
            throw f.fieldError("tier", "unknown tier '" + tierName + "' (expected banner, read, login or intrusive)");
        }
        String protocolName = f.string("protocol");
        Protocol protocol = null;
        if (protocolName != null) {
            protocol = Protocol.fromWire(protocolName);
            if (protocol == null) {
                throw f.fieldError("protocol", "unknown protocol '" + protocolName
                        + "' (expected http, rtsp, tcp, telnet, ftp, onvif or upnp)");
            }
        }
        boolean hasSteps = f.has("steps");
        if (hasSteps && protocol == null) {
            throw f.fieldError("protocol", "required when the check has steps");
        }
        if (!hasSteps && protocol != null) {
            throw f.fieldError("steps", "required when a protocol is given (a fact-only check has neither)");
        }
        Protocol p = protocol;
        List<Step> steps = f.objects("steps", s -> Step.read(s, p));
        if (hasSteps && steps.isEmpty()) {
            throw f.fieldError("steps", "an empty list: give steps, or leave out steps and protocol for a fact-only check");
        }
        Fields applies = f.object("applies-to");
        if (applies == null) {
            throw f.fieldError("applies-to", "required");
        }
        AppliesTo appliesTo = AppliesTo.read(applies, protocol, hasSteps);
        List<Credential> credentials = f.objects("credentials", c -> {
            Credential cred = new Credential(c.requiredString("user"), c.string("password") == null ? "" : c.string("password"));
            c.done();
            return cred;
        });
        String credentialList = f.string("credential-list");
        String condition = f.string("matchers-condition");
        if (condition != null && !condition.equals("and") && !condition.equals("or")) {
            throw f.fieldError("matchers-condition", "expected and or or, not '" + condition + "'");
        }
        List<Matcher> matchers = f.objects("matchers", m -> Matcher.read(m, p));
        List<Extractor> extractors = f.objects("extractors", e -> Extractor.read(e, p));
        Fields logoutFields = f.object("logout");
        Step logout = logoutFields == null ? null : Step.read(logoutFields, protocol);
        Fields subjectFields = f.object("subject");
        Subject subject = subjectFields == null || protocol == null ? null : Subject.read(subjectFields, protocol);
        f.done();

        boolean usesCredentials = !credentials.isEmpty() || credentialList != null;
        if (!hasSteps) {
            for (String field : List.of("credentials", "credential-list", "matchers", "extractors", "logout", "subject")) {
                if (f.has(field)) {
                    throw f.fieldError(field, "a fact-only check (no steps) has no " + field);
                }
            }
        } else if (matchers.isEmpty()) {
            throw f.fieldError("matchers", "required when the check has steps");
        }
        if (protocol == Protocol.TELNET || protocol == Protocol.FTP || protocol == Protocol.UPNP) {
            if (steps.size() != 1) {
                throw f.fieldError("steps", protocol.wireName() + " checks take exactly one step");
            }
        }
        if (usesCredentials && tier != Tier.LOGIN && tier != Tier.INTRUSIVE) {
            throw f.fieldError("tier", "a check with credentials is tier login or intrusive, not " + tier.wireName());
        }
        if (tier == Tier.LOGIN && !usesCredentials) {
            throw f.fieldError("credentials", "a login-tier check needs credentials or a credential-list");
        }
        boolean stepsCarry = protocol == Protocol.TELNET || protocol == Protocol.FTP
                || steps.stream().anyMatch(Step::carriesCredentials);
        if (usesCredentials && !stepsCarry) {
            throw f.fieldError("steps", "the check has credentials but no step uses {{user}}, {{password}} or an auth scheme");
        }
        if (!usesCredentials && steps.stream().anyMatch(Step::carriesCredentials)) {
            throw f.fieldError("credentials", "a step sends {{user}}/{{password}} or authenticates, but the check has no credentials");
        }
        if (logout != null && !usesCredentials) {
            throw f.fieldError("logout", "only a check that logs in logs out");
        }
        if (logout != null && (protocol == Protocol.TELNET || protocol == Protocol.FTP)) {
            throw f.fieldError("logout", "telnet exit and FTP QUIT are built in");
        }
        if ((protocol == Protocol.UPNP) != (subject != null)) {
            throw f.fieldError("subject", protocol == Protocol.UPNP
                    ? "required for upnp checks: whose finding a mapping is" : "only upnp checks have a subject");
        }
        Set<String> defined = new HashSet<>(Template.BUILT_IN);
        for (int i = 0; i < steps.size(); i++) {
            for (String name : steps.get(i).placeholders()) {
                if (!defined.contains(name)) {
                    throw f.fieldError("steps[" + i + "]", "placeholder {{" + name + "}} is not defined by an earlier step's extractor");
                }
            }
            steps.get(i).extractors().forEach(e -> defined.add(e.name()));
        }
        extractors.forEach(e -> defined.add(e.name()));
        if (logout != null) {
            for (String name : logout.placeholders()) {
                if (!defined.contains(name)) {
                    throw f.fieldError("logout", "placeholder {{" + name + "}} is not defined");
                }
            }
        }
        return new Check(id, file, info, tier, protocol, appliesTo, credentials, credentialList, steps,
                !"or".equals(condition), matchers, extractors, logout, subject);
    }
}
