package dev.warden.lab.device;

/**
 * Optional per-profile settings read from a device's template variables ({@code vars:} of the profile or firmware),
 * such as the RTSP path ONVIF advertises or the WAN address a router reports.
 */
public final class DeviceVars {
    private DeviceVars() {
    }

    /** The variable rendered as a template (it may refer to other variables), or the fallback when it is not set. */
    public static String get(SimDevice d, String name, String fallback) {
        String v = d.vars().get(name);
        return v == null ? fallback : d.render(v);
    }
}
