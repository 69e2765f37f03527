package dev.warden.lab.proto.wsd;

import dev.warden.lab.LabException;
import dev.warden.lab.device.DeviceVars;
import dev.warden.lab.device.SimDevice;
import dev.warden.lab.net.DatagramResponder;
import dev.warden.lab.net.ProtocolServer;
import dev.warden.lab.net.ServiceOptions;
import dev.warden.lab.profile.ServiceSpec;
import dev.warden.lab.proto.onvif.Endpoints;
import dev.warden.model.Transport;
import io.netty.channel.Channel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * ONVIF WS-Discovery on UDP (3702): answers a unicast Probe whose Types and Scopes this device matches with a
 * ProbeMatches (RelatesTo the probe's MessageID, the device's {@code urn:uuid:} endpoint, its types, scopes and
 * device service XAddr). Probes for other types, repeated MessageIDs (devices suppress duplicates) and anything
 * that is not a probe get no reply.
 *
 * <p>Options: {@code types} (list of {@code dn:}/{@code tds:} QNames, default
 * {@code [dn:NetworkVideoTransmitter, tds:Device]}); {@code scopes} (extra scope templates, after the standard
 * type/video_encoder, Profile/Streaming, hardware/&lt;model&gt; and name/&lt;vendor&gt;); {@code xaddr} (template;
 * default the device's {@code http} service serving the {@code onvif} app, else port 80).
 */
public final class WsDiscoveryServer implements ProtocolServer {
    private static final Set<String> OPTIONS = Set.of("types", "scopes", "xaddr");
    private static final List<String> DEFAULT_TYPES = List.of("dn:NetworkVideoTransmitter", "tds:Device");
    private static final int REMEMBERED_IDS = 64;

    @Override
    public String name() {
        return "ws-discovery";
    }

    @Override
    public Transport transport() {
        return Transport.UDP;
    }

    @Override
    public void validate(String profileId, ServiceSpec spec) {
        String at = ServiceOptions.requireKnown(profileId, spec, OPTIONS);
        for (String t : list(spec, "types", at)) {
            int colon = t.indexOf(':');
            if (colon < 0 || !ProbeMatcher.PREFIXES.containsKey(t.substring(0, colon)) || colon == t.length() - 1) {
                throw new LabException(at + "ws-discovery type '" + t + "' must be dn:<Name> or tds:<Name>");
            }
        }
        list(spec, "scopes", at);
    }

    private static List<String> list(ServiceSpec spec, String key, String at) {
        Object v = spec.options().get(key);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> l)) {
            throw new LabException(at + "ws-discovery option '" + key + "' must be a list");
        }
        return l.stream().map(String::valueOf).toList();
    }

    @Override
    public void init(Channel ch, SimDevice device, ServiceSpec spec) {
        List<String> types = list(spec, "types", "");
        ProbeMatcher matcher = new ProbeMatcher(device.uuid(), types.isEmpty() ? DEFAULT_TYPES : types,
                scopes(device, list(spec, "scopes", "")), device.render(spec.option("xaddr", defaultXaddr(device))));
        long instanceId = System.currentTimeMillis() / 1000;
        long[] messageNumber = {0};
        Map<String, Boolean> seen = new LinkedHashMap<>(REMEMBERED_IDS * 2, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > REMEMBERED_IDS;
            }
        };
        ch.pipeline().addLast("ws-discovery", new DatagramResponder(16 * 1024, text -> {
            Probe p = Probe.parse(text);
            if (p == null || seen.put(p.messageId(), Boolean.TRUE) != null || !matcher.matches(p)) {
                return List.of();
            }
            return List.of(matcher.probeMatches(p, instanceId, ++messageNumber[0]));
        }));
    }

    /**
     * The lab self-check's datagram: a Probe
     * without Types, which every device matches, with a fresh MessageID so it is never suppressed as a repeat.
     */
    @Override
    public byte[] selfCheckProbe(SimDevice device, ServiceSpec spec) {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><s:Envelope xmlns:s=\"" + Probe.SOAP + "\" xmlns:a=\""
                + Probe.ADDRESSING + "\" xmlns:d=\"" + Probe.DISCOVERY + "\"><s:Header><a:MessageID>uuid:" + UUID.randomUUID()
                + "</a:MessageID><a:To>urn:schemas-xmlsoap-org:ws:2005:04:discovery</a:To><a:Action>" + Probe.DISCOVERY
                + "/Probe</a:Action></s:Header><s:Body><d:Probe/></s:Body></s:Envelope>").getBytes(StandardCharsets.UTF_8);
    }

    /** The standard ONVIF scopes for this device, then the profile's extra ones. */
    static List<String> scopes(SimDevice d, List<String> extra) {
        List<String> out = new ArrayList<>(List.of(
                "onvif://www.onvif.org/type/video_encoder",
                "onvif://www.onvif.org/Profile/Streaming",
                "onvif://www.onvif.org/hardware/" + encode(DeviceVars.get(d, "onvif-model", d.profile().model())),
                "onvif://www.onvif.org/name/" + encode(DeviceVars.get(d, "onvif-manufacturer", d.profile().vendor()))));
        for (String s : extra) {
            out.add(d.render(s));
        }
        return out;
    }

    /** Percent-encodes a scope path segment (a model name with spaces, say). */
    static String encode(String segment) {
        StringBuilder sb = new StringBuilder();
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                sb.append(c);
            } else {
                sb.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return sb.toString();
    }

    /** The device service URL on the device's own ONVIF port: the http service whose apps include onvif. */
    static String defaultXaddr(SimDevice d) {
        for (ServiceSpec s : d.services()) {
            if (s.protocol().equals("http") && s.options().get("apps") instanceof List<?> apps && apps.contains("onvif")) {
                return Endpoints.deviceService(s.tls(), d.ip(), s.port());
            }
        }
        return Endpoints.deviceService(false, d.ip(), 80);
    }
}
