/**
 * What each local device normally does, learned from its flows: peers, ports, volumes per time bucket and periodic
 * contacts, with a learning period after which detectors can tell "new" from "usual". Plain Java over flow events,
 * time only from the events, every table bounded with counted evictions.
 */
package dev.warden.watch.profile;
