package dev.warden.assess.wire;

import dev.warden.scope.Scope;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import dev.warden.net.TrustAll;
import javax.net.ssl.SSLSocket;

/**
 * The only way the assessment opens a connection: the scope allow-list is checked first, then a connect with a
 * timeout, a read timeout on the socket and, for TLS services, a handshake that accepts the device's self-signed
 * certificate (we are testing the device, not trusting it: nothing secret is sent that the check would not send
 * in clear).
 */
public final class Net {
    private final Scope scope;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final int maxBytes;

    public Net(Scope scope, Duration connectTimeout, Duration readTimeout, int maxBytes) {
        this.scope = scope;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        this.maxBytes = maxBytes;
    }

    public Duration readTimeout() {
        return readTimeout;
    }

    /** Largest response body read; the rest is never read. */
    public int maxBytes() {
        return maxBytes;
    }

    /** Connects, or throws {@link OutOfScopeException} without touching the network when ip is outside the scope. */
    public Socket open(String ip, int port, boolean tls) throws IOException {
        if (!scope.contains(ip)) {
            throw new OutOfScopeException(ip);
        }
        Socket s = new Socket();
        try {
            s.connect(new InetSocketAddress(ip, port), (int) connectTimeout.toMillis());
            s.setSoTimeout((int) readTimeout.toMillis());
            s.setTcpNoDelay(true);
            if (!tls) {
                return s;
            }
            SSLSocket ssl = (SSLSocket) TrustAll.FACTORY.createSocket(s, ip, port, true);
            ssl.setSoTimeout((int) readTimeout.toMillis());
            ssl.startHandshake();
            return ssl;
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /** A reader over the socket that gives up at the read deadline or the byte cap. */
    public BoundedInput input(Socket s) throws IOException {
        return new BoundedInput(s, readTimeout, maxBytes);
    }
}
