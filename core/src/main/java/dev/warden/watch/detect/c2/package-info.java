/**
 * Command-and-control detectors: every alert is kind {@code c2}, and its evidence and counts name the signal that
 * raised it — {@code irc} (a local host speaking IRC to a remote server on a non-IRC port, or with a bot-like nick),
 * {@code attack-order} (a flood order on that channel followed by a burst toward the named target), {@code beacon}
 * (flows to one remote at regular intervals, from flows alone, so Zeek and NetFlow inputs work too) and
 * {@code fail-over} (a host trying server after server on the same odd port). Thresholds live in
 * {@code content/rules/c2-*.yaml}.
 */
package dev.warden.watch.detect.c2;
