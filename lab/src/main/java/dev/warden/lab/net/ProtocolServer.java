package dev.warden.lab.net;

import dev.warden.lab.LabException;
import dev.warden.lab.device.SimDevice;
import dev.warden.lab.profile.ServiceSpec;
import dev.warden.model.Transport;
import io.netty.channel.Channel;

/**
 * One protocol the lab can speak (http, rtsp, telnet, ftp, ssh, ssdp, ws-discovery, banner...).
 * Implementations are listed in {@code META-INF/services/dev.warden.lab.net.ProtocolServer}; profiles name them in
 * {@code services[].protocol}. They hold no per-device state of their own: what a device answers comes from its
 * {@link SimDevice} and the service's options.
 *
 * <p>All devices share one Netty event loop group of a couple of threads, so a handler must never block: delays are
 * scheduled on the channel's event loop, never slept.
 */
public interface ProtocolServer {
    /** The name profiles use, e.g. {@code "telnet"}. */
    String name();

    /** TCP (a listening socket per device) or UDP (a bound datagram channel per device). */
    Transport transport();

    /**
     * Checks one service's options when the profile is loaded, before anything binds.
     *
     * @throws LabException naming the option that is wrong
     */
    default void validate(String profileId, ServiceSpec spec) {
    }

    /**
     * Installs this protocol's handlers. TCP: called for each accepted connection (TLS, when the service asks for it,
     * and the slow/drop behaviours are already in the pipeline). UDP: called once for the bound datagram channel.
     */
    void init(Channel ch, SimDevice device, ServiceSpec spec);

    /**
     * UDP only: a datagram this service must answer, so the lab's self-check ({@code warden lab --check}) can tell
     * that it is up. Null when the protocol answers nothing unsolicited.
     */
    default byte[] selfCheckProbe(SimDevice device, ServiceSpec spec) {
        return null;
    }
}
