/**
 * The lab's traffic synthesizer: pcapng captures of an ordinary camera network (RTSP/RTP to a recorder, cloud
 * heartbeats, NTP, DNS) with optional botnet phases played by one infected camera (scan, brute force, IRC C2, floods,
 * exfiltration, lateral movement), and the truth file saying which host did what when. For what real captures lack;
 * every file is marked synthetic. Entry point: {@link dev.warden.lab.traffic.TrafficSynth}.
 */
package dev.warden.lab.traffic;
