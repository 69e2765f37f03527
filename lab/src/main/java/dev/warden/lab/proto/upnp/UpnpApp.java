package dev.warden.lab.proto.upnp;

import dev.warden.lab.device.DeviceVars;
import dev.warden.lab.device.SimDevice;
import dev.warden.lab.proto.http.HttpApp;
import dev.warden.lab.proto.http.HttpExchange;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;

/**
 * UPnP over HTTP, the half of UPnP that SSDP's LOCATION points at: the device description
 * ({@code GET /rootDesc.xml}, path overridable by the device var {@code upnp-desc-path}) and, on routers, the
 * WANIPConnection:1 SCPD ({@code GET /WANIPCn.xml}) and control point ({@code POST /ctl/IPConn}, read-only).
 * Scanners use it to identify devices and to list the port forwards that expose cameras to the internet.
 */
public final class UpnpApp implements HttpApp {
    @Override
    public String name() {
        return "upnp";
    }

    @Override
    public FullHttpResponse handle(HttpExchange ex) {
        SimDevice d = ex.device();
        HttpMethod m = ex.request().method();
        String path = ex.path();
        if (m.equals(HttpMethod.GET) && path.equals(DeviceVars.get(d, "upnp-desc-path", "/rootDesc.xml"))) {
            return UpnpSoap.document(Description.of(d));
        }
        if (!Description.isGateway(d)) {
            return null;
        }
        if (m.equals(HttpMethod.GET) && path.equals(Description.SCPD_PATH)) {
            return UpnpSoap.document(WanIpScpd.XML);
        }
        if (m.equals(HttpMethod.POST) && path.equals(Description.CONTROL_PATH)) {
            return IgdControl.handle(d, ex.request().headers().get("SOAPAction"), ex.body());
        }
        return null;
    }
}
