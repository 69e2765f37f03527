package dev.warden.lab.proto.onvif;

import dev.warden.lab.device.DeviceVars;
import static dev.warden.lab.proto.xml.Xml.escape;

import dev.warden.lab.device.SimDevice;
import dev.warden.lab.proto.xml.XmlNode;
import io.netty.handler.codec.http.FullHttpResponse;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * The read-only ONVIF device management answers (tds): clock, capabilities, services and identity.
 * Manufacturer and model come from the device, overridable by the vars {@code onvif-manufacturer} and
 * {@code onvif-model} because OEM firmware often reports a different name over ONVIF than on its label.
 */
final class DeviceService {
    private DeviceService() {
    }

    /** GetSystemDateAndTime: the device clock, NTP-set, in UTC. */
    static FullHttpResponse systemDateAndTime(ZonedDateTime now) {
        ZonedDateTime utc = now.withZoneSameInstant(ZoneOffset.UTC);
        String when = "<tt:Time><tt:Hour>" + utc.getHour() + "</tt:Hour><tt:Minute>" + utc.getMinute()
                + "</tt:Minute><tt:Second>" + utc.getSecond() + "</tt:Second></tt:Time><tt:Date><tt:Year>"
                + utc.getYear() + "</tt:Year><tt:Month>" + utc.getMonthValue() + "</tt:Month><tt:Day>"
                + utc.getDayOfMonth() + "</tt:Day></tt:Date>";
        return OnvifXml.ok("<tds:GetSystemDateAndTimeResponse><tds:SystemDateAndTime>"
                + "<tt:DateTimeType>NTP</tt:DateTimeType><tt:DaylightSavings>false</tt:DaylightSavings>"
                + "<tt:TimeZone><tt:TZ>GMT0</tt:TZ></tt:TimeZone>"
                + "<tt:UTCDateTime>" + when + "</tt:UTCDateTime><tt:LocalDateTime>" + when + "</tt:LocalDateTime>"
                + "</tds:SystemDateAndTime></tds:GetSystemDateAndTimeResponse>");
    }

    /** GetCapabilities for category All (default), Device or Media; other categories are not offered. */
    static FullHttpResponse capabilities(XmlNode request, Endpoints at) {
        String category = request.findText("Category");
        boolean all = category == null || category.isEmpty() || category.equals("All");
        if (!all && !category.equals("Device") && !category.equals("Media")) {
            return OnvifXml.invalidArg("ter:NoSuchService", "The requested service category is not supported");
        }
        StringBuilder sb = new StringBuilder("<tds:GetCapabilitiesResponse><tds:Capabilities>");
        if (all || category.equals("Device")) {
            sb.append("<tt:Device><tt:XAddr>").append(escape(at.device())).append("</tt:XAddr>")
                    .append("<tt:Network><tt:IPFilter>false</tt:IPFilter><tt:ZeroConfiguration>false</tt:ZeroConfiguration>")
                    .append("<tt:IPVersion6>false</tt:IPVersion6><tt:DynDNS>true</tt:DynDNS></tt:Network>")
                    .append("<tt:System><tt:DiscoveryResolve>false</tt:DiscoveryResolve><tt:DiscoveryBye>true</tt:DiscoveryBye>")
                    .append("<tt:RemoteDiscovery>false</tt:RemoteDiscovery><tt:SystemBackup>false</tt:SystemBackup>")
                    .append("<tt:SystemLogging>false</tt:SystemLogging><tt:FirmwareUpgrade>false</tt:FirmwareUpgrade>")
                    .append("<tt:SupportedVersions><tt:Major>2</tt:Major><tt:Minor>40</tt:Minor></tt:SupportedVersions>")
                    .append("</tt:System><tt:Security><tt:TLS1.1>false</tt:TLS1.1><tt:TLS1.2>false</tt:TLS1.2>")
                    .append("<tt:OnboardKeyGeneration>false</tt:OnboardKeyGeneration><tt:AccessPolicyConfig>false</tt:AccessPolicyConfig>")
                    .append("<tt:X.509Token>false</tt:X.509Token><tt:SAMLToken>false</tt:SAMLToken>")
                    .append("<tt:KerberosToken>false</tt:KerberosToken><tt:RELToken>false</tt:RELToken></tt:Security>")
                    .append("</tt:Device>");
        }
        if (all || category.equals("Media")) {
            sb.append("<tt:Media><tt:XAddr>").append(escape(at.media())).append("</tt:XAddr>")
                    .append("<tt:StreamingCapabilities><tt:RTPMulticast>false</tt:RTPMulticast>")
                    .append("<tt:RTP_TCP>true</tt:RTP_TCP><tt:RTP_RTSP_TCP>true</tt:RTP_RTSP_TCP>")
                    .append("</tt:StreamingCapabilities></tt:Media>");
        }
        return OnvifXml.ok(sb.append("</tds:Capabilities></tds:GetCapabilitiesResponse>").toString());
    }

    /** GetServices: the device and media services this device runs, with their addresses. */
    static FullHttpResponse services(Endpoints at) {
        return OnvifXml.ok("<tds:GetServicesResponse>"
                + service(OnvifXml.TDS, at.device()) + service(OnvifXml.TRT, at.media())
                + "</tds:GetServicesResponse>");
    }

    private static String service(String namespace, String xaddr) {
        return "<tds:Service><tds:Namespace>" + namespace + "</tds:Namespace><tds:XAddr>" + escape(xaddr)
                + "</tds:XAddr><tds:Version><tt:Major>2</tt:Major><tt:Minor>40</tt:Minor></tds:Version></tds:Service>";
    }

    /** GetDeviceInformation: the vendor-neutral firmware oracle scanners rely on. */
    static FullHttpResponse deviceInformation(SimDevice d) {
        return OnvifXml.ok("<tds:GetDeviceInformationResponse>"
                + "<tds:Manufacturer>" + escape(DeviceVars.get(d, "onvif-manufacturer", d.profile().vendor())) + "</tds:Manufacturer>"
                + "<tds:Model>" + escape(DeviceVars.get(d, "onvif-model", d.profile().model())) + "</tds:Model>"
                + "<tds:FirmwareVersion>" + escape(d.firmware().version()) + "</tds:FirmwareVersion>"
                + "<tds:SerialNumber>" + escape(d.serial()) + "</tds:SerialNumber>"
                + "<tds:HardwareId>" + escape(d.hardware()) + "</tds:HardwareId>"
                + "</tds:GetDeviceInformationResponse>");
    }
}
