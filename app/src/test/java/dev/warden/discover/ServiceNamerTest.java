package dev.warden.discover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.evidence.EvidenceKeys;
import dev.warden.evidence.HostEvidence;
import dev.warden.evidence.Observation;
import dev.warden.model.Service;
import dev.warden.model.Transport;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceNamerTest {
    @Test
    void productAndVersionComeFromWhatTheServiceAnnounces() {
        assertThat(ServiceNamer.productVersion("uc-httpd 1.0.0")).containsExactly("uc-httpd", "1.0.0");
        assertThat(ServiceNamer.productVersion("App-webs/")).containsExactly("App-webs", null);
        assertThat(ServiceNamer.productVersion("Boa/0.94.14rc21")).containsExactly("Boa", "0.94.14rc21");
        assertThat(ServiceNamer.productVersion("Linux/3.3.8 UPnP/1.1 MiniUPnPd/1.9")).containsExactly("MiniUPnPd", "1.9");
        assertThat(ServiceNamer.productVersion("Netwave IP Camera")).containsExactly("Netwave IP Camera", null);
        assertThat(ServiceNamer.sshProductVersion("SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3")).containsExactly("OpenSSH", "9.2p1");
        assertThat(ServiceNamer.sshProductVersion("SSH-2.0-dropbear_2019.78")).containsExactly("dropbear", "2019.78");
    }

    @Test
    void eachPortIsNamedByTheProtocolThatAnsweredOnIt() {
        HostEvidence e = new HostEvidence("127.77.210.9", List.of(22, 23, 80, 443, 554, 5000, 8899, 34567), List.of(1900, 3702),
                List.of(new Observation(EvidenceKeys.SSH_BANNER, 22, "SSH-2.0-OpenSSH_9.2p1"),
                        new Observation(EvidenceKeys.TELNET_BANNER, 23, "LocalHost login:"),
                        new Observation(EvidenceKeys.HTTP_SERVER, 80, "uc-httpd 1.0.0"),
                        new Observation(EvidenceKeys.TLS_SUBJECT, 443, "CN=cam"),
                        new Observation(EvidenceKeys.HTTP_SERVER, 443, "App-webs/"),
                        new Observation(EvidenceKeys.RTSP_SERVER, 554, "H264DVR 1.0"),
                        new Observation(EvidenceKeys.HTTP_SERVER, 5000, "Linux/3.3.8 UPnP/1.1 MiniUPnPd/1.9"),
                        new Observation(EvidenceKeys.UPNP_MODEL_NAME, 5000, "Archer C7"),
                        new Observation(EvidenceKeys.HTTP_STATUS, 8899, "404"),
                        new Observation(EvidenceKeys.ONVIF_AUTH_REQUIRED, 8899, "true"),
                        new Observation(EvidenceKeys.SSDP_SERVER, 1900, "Linux/3.3.8 UPnP/1.1 MiniUPnPd/1.9")),
                List.of());
        assertThat(ServiceNamer.services(e)).containsExactly(
                new Service(22, Transport.TCP, "ssh", "OpenSSH", "9.2p1"),
                new Service(23, Transport.TCP, "telnet", null, null),
                new Service(80, Transport.TCP, "http", "uc-httpd", "1.0.0"),
                new Service(443, Transport.TCP, "https", "App-webs", null),
                new Service(554, Transport.TCP, "rtsp", "H264DVR", "1.0"),
                new Service(5000, Transport.TCP, "upnp", "MiniUPnPd", "1.9"),
                new Service(8899, Transport.TCP, "onvif", null, null),
                new Service(34567, Transport.TCP, "unknown", null, null),
                new Service(1900, Transport.UDP, "ssdp", "MiniUPnPd", "1.9"),
                new Service(3702, Transport.UDP, "ws-discovery", null, null));
    }
}
