package dev.warden.assess;

import dev.warden.assess.check.Check;
import dev.warden.assess.check.Credential;
import dev.warden.assess.wire.Net;
import dev.warden.assess.wire.WebExchange;
import dev.warden.model.Device;
import dev.warden.model.Service;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One check against one service of one device: where to connect, the shared login budget and the note sink.
 * Executors spend budget through {@link #spend()} for every request that carries a credential.
 */
final class Session {
    private final Net net;
    private final WebExchange web;
    private final AuthBudget budget;
    private final String budgetKey;
    private final Device device;
    private final Service service;
    private final Check check;
    private final Consumer<String> notes;

    Session(Net net, AuthBudget budget, Device device, Service service, Check check, Consumer<String> notes) {
        this.net = net;
        this.web = new WebExchange(net);
        this.budget = budget;
        this.device = device;
        this.service = service;
        this.check = check;
        this.notes = notes;
        this.budgetKey = AuthBudget.key(device.ip(), service.port(), check.protocol().budgetPerProtocol(),
                check.protocol().wireName());
    }

    Net net() {
        return net;
    }

    WebExchange web() {
        return web;
    }

    String ip() {
        return device.ip();
    }

    int port() {
        return service.port();
    }

    /** TLS for services discovery named https (or rtsps). */
    boolean tls() {
        return service.name().equalsIgnoreCase("https") || service.name().equalsIgnoreCase("rtsps");
    }

    Device device() {
        return device;
    }

    /** Takes one login attempt from the service's budget; notes it when there is none left. */
    boolean spend() {
        if (budget.tryAcquire(budgetKey)) {
            return true;
        }
        note(budget.lockedOut(budgetKey) ? "no login attempt: the service signalled a lockout earlier"
                : "login budget for this service spent, credential not tried");
        return false;
    }

    /** Records a lockout signal: no further login attempt on this service during the scan. */
    void lockout(String signal) {
        budget.lockout(budgetKey);
        note("lockout signal " + signal + ": no more login attempts on this service");
    }

    void note(String text) {
        notes.accept(device.ip() + ":" + service.port() + " " + check.id() + ": " + text);
    }

    /** The placeholders every step may use: ip, port and, when trying one, the credential. */
    Map<String, String> baseVars(Credential cred) {
        Map<String, String> vars = new HashMap<>();
        vars.put("ip", device.ip());
        vars.put("port", Integer.toString(service.port()));
        if (cred != null) {
            vars.put("user", cred.user());
            vars.put("password", cred.password());
        }
        return vars;
    }
}
