package dev.warden.lab.proto.onvif;

import dev.warden.lab.device.DeviceVars;
import static dev.warden.lab.proto.xml.Xml.escape;

import dev.warden.lab.device.SimDevice;
import dev.warden.lab.proto.xml.XmlNode;
import io.netty.handler.codec.http.FullHttpResponse;
import java.util.List;

/**
 * The read-only ONVIF media answers (trt): a main and a sub stream profile, and their RTSP URIs.
 * The URI path comes from the profile vars {@code rtsp-path} (default {@code /}) and {@code rtsp-sub-path}
 * (default the main path), the port from {@code rtsp-port} (default 554). With weakness
 * {@code onvif-streamuri-credential-leak} planted the URI carries the web account's user and password, as the
 * Opticam i5 did (CVE-2018-19078).
 */
final class MediaService {
    static final String LEAK = "onvif-streamuri-credential-leak";

    /** One media profile: token, name, encoder and the var naming its RTSP path. */
    private record StreamProfile(String token, String name, int width, int height, int bitrate, String pathVar) {
    }

    private static final List<StreamProfile> PROFILES = List.of(
            new StreamProfile("Profile_1", "mainStream", 1920, 1080, 4096, "rtsp-path"),
            new StreamProfile("Profile_2", "subStream", 640, 360, 512, "rtsp-sub-path"));

    private MediaService() {
    }

    /** GetProfiles: both stream profiles with their video source and H.264 encoder. */
    static FullHttpResponse profiles() {
        StringBuilder sb = new StringBuilder("<trt:GetProfilesResponse>");
        for (int i = 0; i < PROFILES.size(); i++) {
            StreamProfile p = PROFILES.get(i);
            sb.append("<trt:Profiles token=\"").append(p.token).append("\" fixed=\"true\"><tt:Name>").append(p.name)
                    .append("</tt:Name><tt:VideoSourceConfiguration token=\"VideoSourceToken\"><tt:Name>VideoSourceConfig</tt:Name>")
                    .append("<tt:UseCount>").append(PROFILES.size()).append("</tt:UseCount><tt:SourceToken>VideoSource_1</tt:SourceToken>")
                    .append("<tt:Bounds x=\"0\" y=\"0\" width=\"1920\" height=\"1080\"/></tt:VideoSourceConfiguration>")
                    .append("<tt:VideoEncoderConfiguration token=\"VideoEncoderToken_").append(i + 1).append("\">")
                    .append("<tt:Name>VideoEncoder_").append(i + 1).append("</tt:Name><tt:UseCount>1</tt:UseCount>")
                    .append("<tt:Encoding>H264</tt:Encoding><tt:Resolution><tt:Width>").append(p.width)
                    .append("</tt:Width><tt:Height>").append(p.height).append("</tt:Height></tt:Resolution>")
                    .append("<tt:Quality>3</tt:Quality><tt:RateControl><tt:FrameRateLimit>25</tt:FrameRateLimit>")
                    .append("<tt:EncodingInterval>1</tt:EncodingInterval><tt:BitrateLimit>").append(p.bitrate)
                    .append("</tt:BitrateLimit></tt:RateControl><tt:H264><tt:GovLength>50</tt:GovLength>")
                    .append("<tt:H264Profile>Main</tt:H264Profile></tt:H264><tt:Multicast><tt:Address><tt:Type>IPv4</tt:Type>")
                    .append("<tt:IPv4Address>0.0.0.0</tt:IPv4Address></tt:Address><tt:Port>0</tt:Port><tt:TTL>0</tt:TTL>")
                    .append("<tt:AutoStart>false</tt:AutoStart></tt:Multicast><tt:SessionTimeout>PT60S</tt:SessionTimeout>")
                    .append("</tt:VideoEncoderConfiguration></trt:Profiles>");
        }
        return OnvifXml.ok(sb.append("</trt:GetProfilesResponse>").toString());
    }

    /** GetStreamUri for a profile token; an unknown token is the ONVIF NoProfile fault. */
    static FullHttpResponse streamUri(XmlNode request, SimDevice d) {
        String token = request.findText("ProfileToken");
        StreamProfile p = PROFILES.stream().filter(x -> x.token.equals(token)).findFirst().orElse(null);
        if (p == null) {
            return OnvifXml.invalidArg("ter:NoProfile", "The requested profile token does not exist");
        }
        String main = DeviceVars.get(d, "rtsp-path", "/");
        String path = DeviceVars.get(d, p.pathVar, main);
        String port = DeviceVars.get(d, "rtsp-port", "554");
        String auth = "";
        if (d.has(LEAK)) {
            auth = d.render("${account.web.user}:${account.web.password}@");
        }
        String uri = "rtsp://" + auth + d.ip() + ":" + port + (path.startsWith("/") ? path : "/" + path);
        return OnvifXml.ok("<trt:GetStreamUriResponse><trt:MediaUri><tt:Uri>" + escape(uri) + "</tt:Uri>"
                + "<tt:InvalidAfterConnect>false</tt:InvalidAfterConnect><tt:InvalidAfterReboot>false</tt:InvalidAfterReboot>"
                + "<tt:Timeout>PT0S</tt:Timeout></trt:MediaUri></trt:GetStreamUriResponse>");
    }
}
