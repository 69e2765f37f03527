/**
 * One class per protocol probe (HTTP/TLS, RTSP, telnet, FTP/SSH, banner, SSDP/WS-Discovery, UPnP, ONVIF), all
 * read-only and credential-free, all talking through {@link dev.warden.discover.probe.Conn}, whose deadline and byte
 * limits make a hostile device cost a timeout and a note, never a hang.
 */
package dev.warden.discover.probe;
