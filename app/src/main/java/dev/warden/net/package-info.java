/**
 * Low-level client plumbing that discovery and assessment share: the trust-all TLS client for self-signed devices and
 * telnet option refusal. Both sides still open every connection through their own scope-checked path.
 */
package dev.warden.net;
