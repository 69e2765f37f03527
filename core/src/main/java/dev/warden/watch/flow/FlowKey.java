package dev.warden.watch.flow;

import dev.warden.watch.decode.PacketView;

/** A direction-free 5-tuple: the endpoint that sorts lower is {@code a}, so both directions find the same flow. */
record FlowKey(long aHigh, long aLow, int aPort, long bHigh, long bLow, int bPort, int protocol) {

    /** The key of the packet's flow, and whether the packet's source is endpoint {@code a}. */
    static FlowKey of(PacketView p) {
        if (sourceIsA(p)) {
            return new FlowKey(p.srcHigh(), p.srcLow(), p.srcPort(), p.dstHigh(), p.dstLow(), p.dstPort(), p.protocol());
        }
        return new FlowKey(p.dstHigh(), p.dstLow(), p.dstPort(), p.srcHigh(), p.srcLow(), p.srcPort(), p.protocol());
    }

    static boolean sourceIsA(PacketView p) {
        int c = Long.compareUnsigned(p.srcHigh(), p.dstHigh());
        if (c == 0) {
            c = Long.compareUnsigned(p.srcLow(), p.dstLow());
        }
        return c < 0 || (c == 0 && p.srcPort() <= p.dstPort());
    }
}
