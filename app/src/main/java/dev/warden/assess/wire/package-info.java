/**
 * The assessment's own network clients: scope-checked connections ({@link dev.warden.assess.wire.Net}), reads with a
 * deadline and a byte cap, HTTP/RTSP framing and Digest/Basic authentication.
 */
package dev.warden.assess.wire;
