package dev.warden.discover;

import dev.warden.discover.probe.BannerProbe;
import dev.warden.discover.probe.HttpProbe;
import dev.warden.discover.probe.LineProbe;
import dev.warden.discover.probe.OnvifProbe;
import dev.warden.discover.probe.ProbeSettings;
import dev.warden.discover.probe.Recorder;
import dev.warden.discover.probe.RtspProbe;
import dev.warden.discover.probe.TelnetProbe;
import dev.warden.discover.probe.UdpProbe;
import dev.warden.discover.probe.UpnpProbe;
import dev.warden.evidence.EvidenceKeys;
import dev.warden.evidence.HostEvidence;
import dev.warden.evidence.Observation;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Everything discovery does to one host: the TCP port scan and the UDP probes side by side, then every open port's
 * protocol probe, the UPnP description and the ONVIF query side by side, each into its own {@link Recorder}; the
 * recorders are merged in a fixed order (UDP, ports ascending, UPnP, ONVIF) so the same host gives the same evidence.
 */
final class HostScan {
    private final PortScanner scanner;
    private final ProbePlan plan;
    private final List<Integer> ports;
    private final boolean udp;
    private final HttpProbe http;
    private final RtspProbe rtsp;
    private final TelnetProbe telnet;
    private final LineProbe lines;
    private final BannerProbe banner;
    private final UdpProbe udpProbe;
    private final UpnpProbe upnp;
    private final OnvifProbe onvif;

    HostScan(PortScanner scanner, ProbePlan plan, DiscoveryOptions o) {
        this.scanner = scanner;
        this.plan = plan;
        this.ports = o.tcpPorts().isEmpty() ? List.copyOf(plan.tcpPorts().keySet()) : o.tcpPorts();
        this.udp = o.udp();
        ProbeSettings s = o.probes();
        this.http = new HttpProbe(s, plan.httpPaths());
        this.rtsp = new RtspProbe(s);
        this.telnet = new TelnetProbe(s);
        this.lines = new LineProbe(s);
        this.banner = new BannerProbe(s);
        this.udpProbe = new UdpProbe(s);
        this.upnp = new UpnpProbe(s);
        this.onvif = new OnvifProbe(s);
    }

    /** The host's evidence, or null when no port was open and no UDP probe answered. */
    HostEvidence scan(InetAddress ip) throws InterruptedException {
        Recorder scanNotes = new Recorder();
        Recorder ssdp = new Recorder();
        Recorder wsd = new Recorder();
        List<Integer> open;
        List<Integer> udpAnswered = new ArrayList<>();
        try (ExecutorService ex = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Boolean> ssdpDone = ex.submit(() -> udp && udpProbe.ssdp(ip, ssdp));
            Future<Boolean> wsdDone = ex.submit(() -> udp && udpProbe.wsDiscovery(ip, wsd));
            open = scanner.open(ip, ports, scanNotes);
            if (get(ssdpDone)) {
                udpAnswered.add(UdpProbe.SSDP);
            }
            if (get(wsdDone)) {
                udpAnswered.add(UdpProbe.WSD);
            }
        }
        if (open.isEmpty() && udpAnswered.isEmpty()) {
            return null;
        }
        List<Recorder> ordered = new ArrayList<>(List.of(scanNotes, ssdp, wsd));
        Recorder upnpRec = new Recorder();
        Recorder onvifRec = new Recorder();
        try (ExecutorService ex = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int port : open) {
                Recorder r = new Recorder();
                ordered.add(r);
                ex.submit(() -> probePort(ip, port, r));
            }
            String location = ssdp.first(EvidenceKeys.SSDP_LOCATION);
            if (location != null) {
                ex.submit(() -> upnp.probe(ip, location, upnpRec));
            }
            List<String> xaddrs = wsd.observations().stream().filter(o -> o.key().equals(EvidenceKeys.WSD_XADDR))
                    .map(Observation::value).toList();
            List<Integer> httpPorts = open.stream().filter(p -> plan.protocol(p) == PortProtocol.HTTP).toList();
            if (!xaddrs.isEmpty() || !httpPorts.isEmpty()) {
                ex.submit(() -> onvif.probe(ip, xaddrs, httpPorts, onvifRec));
            }
        }
        ordered.add(upnpRec);
        ordered.add(onvifRec);
        List<Observation> obs = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Recorder r : ordered) {
            obs.addAll(r.observations());
            notes.addAll(r.notes());
        }
        return new HostEvidence(ip.getHostAddress(), open, udpAnswered, obs, notes);
    }

    private void probePort(InetAddress ip, int port, Recorder r) {
        try {
            switch (plan.protocol(port)) {
                case HTTP -> http.probe(ip, port, false, r);
                case HTTPS -> http.probe(ip, port, true, r);
                case RTSP -> rtsp.probe(ip, port, r);
                case TELNET -> telnet.probe(ip, port, r);
                case FTP -> lines.ftp(ip, port, r);
                case SSH -> lines.ssh(ip, port, r);
                case BANNER -> banner.probe(ip, port, r);
                case AUTO -> {
                    if (!banner.probe(ip, port, r)) {
                        Recorder tryHttp = new Recorder();
                        if (http.probe(ip, port, false, tryHttp)) {
                            tryHttp.observations().forEach(o -> r.add(o.key(), o.port(), o.value()));
                            tryHttp.notes().forEach(r::note);
                        }
                    }
                }
            }
        } catch (RuntimeException e) {
            r.note("port " + port + ": probe failed: " + e);
        }
    }

    private static boolean get(Future<Boolean> f) throws InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            return false;
        }
    }
}
