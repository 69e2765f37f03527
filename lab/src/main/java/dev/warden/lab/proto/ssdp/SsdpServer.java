package dev.warden.lab.proto.ssdp;

import dev.warden.lab.LabException;
import dev.warden.lab.device.SimDevice;
import dev.warden.lab.net.DatagramResponder;
import dev.warden.lab.net.ProtocolServer;
import dev.warden.lab.net.ServiceOptions;
import dev.warden.lab.profile.ServiceSpec;
import dev.warden.lab.proto.upnp.Description;
import dev.warden.model.Transport;
import io.netty.channel.Channel;
import io.netty.handler.codec.DateFormatter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;

/**
 * SSDP on UDP (1900): answers a unicast {@code M-SEARCH} whose ST is {@code ssdp:all}, {@code upnp:rootdevice},
 * the device's {@code uuid:} or its device type with one {@code HTTP/1.1 200 OK} per matching target, as UPnP
 * stacks do; a unicast search is answered at once (UDA 1.1 ignores MX for it). Anything else gets no reply.
 *
 * <p>Options: {@code location} (required template, e.g. {@code http://${ip}:5000/rootDesc.xml}), {@code server}
 * (template, default {@code Linux/3.10 UPnP/1.0 ${vendor}/1.0}), {@code device-type} (default
 * InternetGatewayDevice:1 for routers, Basic:1 for the rest, as the {@code upnp} HTTP app describes them),
 * {@code max-age} (CACHE-CONTROL seconds, default 120).
 */
public final class SsdpServer implements ProtocolServer {
    private static final Set<String> OPTIONS = Set.of("location", "server", "device-type", "max-age");
    private static final String ROOT = "upnp:rootdevice";

    @Override
    public String name() {
        return "ssdp";
    }

    @Override
    public Transport transport() {
        return Transport.UDP;
    }

    @Override
    public void validate(String profileId, ServiceSpec spec) {
        String at = ServiceOptions.requireKnown(profileId, spec, OPTIONS);
        if (spec.option("location", "").isBlank()) {
            throw new LabException(at + "ssdp needs option 'location' (the device description URL)");
        }
        if (!spec.option("max-age", "120").matches("\\d{1,5}")) {
            throw new LabException(at + "ssdp option 'max-age' must be a number of seconds");
        }
    }

    @Override
    public void init(Channel ch, SimDevice device, ServiceSpec spec) {
        String location = device.render(spec.option("location", ""));
        String server = device.render(spec.option("server", "Linux/3.10 UPnP/1.0 ${vendor}/1.0"));
        String type = device.render(spec.option("device-type", Description.deviceType(device)));
        String maxAge = spec.option("max-age", "120");
        String uuid = "uuid:" + device.uuid();
        ch.pipeline().addLast("ssdp", new DatagramResponder(2048, text -> {
            String st = MSearch.searchTarget(text);
            if (st == null) {
                return List.of();
            }
            List<String> replies = new ArrayList<>();
            String date = DateFormatter.format(new Date());
            for (String target : targets(st, uuid, type)) {
                String usn = target.equals(uuid) ? uuid : uuid + "::" + target;
                replies.add("HTTP/1.1 200 OK\r\nCACHE-CONTROL: max-age=" + maxAge + "\r\nDATE: " + date
                        + "\r\nEXT:\r\nLOCATION: " + location + "\r\nSERVER: " + server + "\r\nST: " + target
                        + "\r\nUSN: " + usn + "\r\nContent-Length: 0\r\n\r\n");
            }
            return replies;
        }));
    }

    /**
     * The lab self-check's datagram: a unicast
     * search for root devices, which every SSDP service answers.
     */
    @Override
    public byte[] selfCheckProbe(SimDevice device, ServiceSpec spec) {
        return ("M-SEARCH * HTTP/1.1\r\nHOST: " + device.ip() + ":" + spec.port() + "\r\nMAN: \"ssdp:discover\"\r\nMX: 1\r\n"
                + "ST: " + ROOT + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** The targets a search matches: all three for ssdp:all, else the one it names, if it is ours. */
    static List<String> targets(String st, String uuid, String type) {
        if (st.equals("ssdp:all")) {
            return List.of(ROOT, uuid, type);
        }
        return st.equals(ROOT) || st.equals(uuid) || st.equals(type) ? List.of(st) : List.of();
    }
}
