package dev.warden.lab.proto.onvif;

import dev.warden.lab.device.DeviceVars;
import dev.warden.lab.device.SimDevice;
import dev.warden.lab.proto.http.HttpApp;
import dev.warden.lab.proto.http.HttpExchange;
import dev.warden.lab.proto.xml.SafeXml;
import dev.warden.lab.proto.xml.XmlException;
import dev.warden.lab.proto.xml.XmlNode;
import dev.warden.lab.proto.xml.Xml;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * ONVIF over SOAP 1.2 as IP cameras serve it on {@code /onvif/device_service} and {@code /onvif/media_service}
 * (or {@code /onvif/Media}): clock, capabilities, services and device information from the device management
 * service; profiles and stream URIs from the media service. Read-only: Set*, SystemReboot, firmware upgrades and
 * every other action are refused, never performed.
 *
 * <p>Authentication follows the ONVIF access classes: GetSystemDateAndTime, GetCapabilities and GetServices are
 * PRE_AUTH; everything else needs a WS-Security UsernameToken for a {@code web} account, else HTTP 400 with the
 * {@code ter:NotAuthorized} fault. On devices with weakness {@code onvif-no-auth} (CVE-2018-19079) nothing is asked.
 * The media service path may be set with the device var {@code onvif-media-path}.
 */
public final class OnvifApp implements HttpApp {
    static final String DEVICE_PATH = "/onvif/device_service";
    static final String NO_AUTH = "onvif-no-auth";
    private static final Set<String> PATHS = Set.of(DEVICE_PATH, "/onvif/media_service", "/onvif/Media");
    private static final Set<String> PRE_AUTH = Set.of("GetSystemDateAndTime", "GetCapabilities", "GetServices");

    private final Clock clock;

    public OnvifApp() {
        this(Clock.systemUTC());
    }

    OnvifApp(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String name() {
        return "onvif";
    }

    @Override
    public FullHttpResponse handle(HttpExchange ex) {
        SimDevice d = ex.device();
        String mediaPath = DeviceVars.get(d, "onvif-media-path", "/onvif/media_service");
        if (!PATHS.contains(ex.path()) && !ex.path().equals(mediaPath)) {
            return null;
        }
        if (!ex.request().method().equals(HttpMethod.POST)) {
            FullHttpResponse r = Xml.response(HttpResponseStatus.METHOD_NOT_ALLOWED, "text/plain", "");
            r.headers().set(HttpHeaderNames.ALLOW, "POST");
            return r;
        }
        XmlNode envelope;
        try {
            envelope = SafeXml.parse(ex.body());
        } catch (XmlException e) {
            return OnvifXml.notWellFormed();
        }
        XmlNode body = envelope.name().equals("Envelope") && envelope.ns().equals(OnvifXml.ENV)
                ? envelope.child("Body") : null;
        XmlNode call = body == null ? null : body.firstChild();
        if (call == null) {
            return OnvifXml.notWellFormed();
        }
        boolean preAuth = call.ns().equals(OnvifXml.TDS) && PRE_AUTH.contains(call.name());
        if (!preAuth && !d.has(NO_AUTH)) {
            UsernameToken token = UsernameToken.of(envelope);
            if (token == null || !token.verify(d, ex.client(), clock.instant())) {
                return OnvifXml.notAuthorized();
            }
        }
        Endpoints at = Endpoints.of(ex.tls(), d.ip(), ex.service().port(), mediaPath);
        return switch (call.ns() + "#" + call.name()) {
            case OnvifXml.TDS + "#GetSystemDateAndTime" -> DeviceService.systemDateAndTime(ZonedDateTime.now(clock));
            case OnvifXml.TDS + "#GetCapabilities" -> DeviceService.capabilities(call, at);
            case OnvifXml.TDS + "#GetServices" -> DeviceService.services(at);
            case OnvifXml.TDS + "#GetDeviceInformation" -> DeviceService.deviceInformation(d);
            case OnvifXml.TRT + "#GetProfiles" -> MediaService.profiles();
            case OnvifXml.TRT + "#GetStreamUri" -> MediaService.streamUri(call, d);
            default -> OnvifXml.actionNotSupported();
        };
    }
}
