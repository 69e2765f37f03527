package dev.warden.lab;

import dev.warden.lab.config.FleetBuilder;
import dev.warden.lab.device.SimDevice;
import dev.warden.lab.manifest.Manifest;
import dev.warden.lab.net.DelayedWriteHandler;
import dev.warden.lab.net.DeviceCertificates;
import dev.warden.lab.net.ProtocolServer;
import dev.warden.lab.profile.ProfileCatalog;
import dev.warden.lab.profile.ServiceSpec;
import dev.warden.model.Transport;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running lab: every device's services bound on its loopback address, all served by one small event loop group.
 * Start it with {@link #start}; {@link #upgrade} flashes another firmware onto a device; close it to unbind everything.
 */
public final class Lab implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Lab.class);

    private final List<SimDevice> devices;
    private final EventLoopGroup group;
    private final DeviceCertificates certs;
    /** Each device's channels, by device name (replaced when the device is upgraded). */
    private final Map<String, Bound> channels;
    private final ProfileCatalog catalog;
    private final long startMillis;

    /**
     * One device's channels: its listeners, and a group holding them and every connection they accepted, so a reboot
     * (an upgrade) drops open connections as a real device would.
     */
    private record Bound(List<Channel> listeners, ChannelGroup all) {
        void close() {
            all.close().awaitUninterruptibly();
        }
    }

    private Lab(List<SimDevice> devices, EventLoopGroup group, DeviceCertificates certs, Map<String, Bound> channels,
                ProfileCatalog catalog, long startMillis) {
        this.devices = new CopyOnWriteArrayList<>(devices);
        this.group = group;
        this.certs = certs;
        this.channels = channels;
        this.catalog = catalog;
        this.startMillis = startMillis;
    }

    /**
     * Binds every service of every device. Either all of it is up when this returns, or nothing is and a
     * {@link LabException} says which address and port failed and why.
     *
     * @param threads event-loop threads (2 serves thousands of devices)
     */
    public static Lab start(ProfileCatalog catalog, List<SimDevice> devices, int threads) {
        long t0 = System.nanoTime();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(threads, NioIoHandler.newFactory());
        DeviceCertificates certs = new DeviceCertificates();
        Map<String, Bound> channels = new ConcurrentHashMap<>();
        try {
            for (SimDevice d : devices) {
                channels.put(d.name(), bind(catalog, group, certs, d));
            }
        } catch (RuntimeException e) {
            channels.values().forEach(Bound::close);
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
            throw e;
        }
        Lab lab = new Lab(devices, group, certs, channels, catalog, System.currentTimeMillis());
        LOG.info("lab up: {} devices, {} listeners in {} ms", devices.size(), lab.listeners(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
        return lab;
    }

    /**
     * Binds every service of one device; either all are bound when this returns, or none is and a
     * {@link LabException} says which address and port failed and why.
     */
    private static Bound bind(ProfileCatalog catalog, EventLoopGroup group, DeviceCertificates certs, SimDevice d) {
        ChannelGroup all = new DefaultChannelGroup(d.name(), GlobalEventExecutor.INSTANCE);
        List<ChannelFuture> binds = new ArrayList<>();
        List<String> what = new ArrayList<>();
        try {
            for (ServiceSpec s : d.services()) {
                ProtocolServer server = catalog.protocol(s.protocol());
                InetSocketAddress at = new InetSocketAddress(d.address(), s.port());
                if (server.transport() == Transport.TCP) {
                    var ssl = s.tls() ? certs.contextFor(d.profile()) : null;
                    ServerBootstrap b = new ServerBootstrap()
                            .group(group)
                            .channel(NioServerSocketChannel.class)
                            .option(ChannelOption.SO_REUSEADDR, true)
                            .option(ChannelOption.SO_BACKLOG, 128)
                            .childOption(ChannelOption.TCP_NODELAY, true)
                            .childHandler(new ChannelInitializer<SocketChannel>() {
                                @Override
                                protected void initChannel(SocketChannel ch) {
                                    all.add(ch);
                                    if (d.behaviour().dropRate() > 0
                                            && ThreadLocalRandom.current().nextDouble() < d.behaviour().dropRate()) {
                                        ch.config().setOption(ChannelOption.SO_LINGER, 0);
                                        ch.close(); // reset: the flaky device drops this one
                                        return;
                                    }
                                    if (ssl != null) {
                                        ch.pipeline().addLast("tls", ssl.newHandler(ch.alloc()));
                                    }
                                    if (d.behaviour().delayMs() > 0) {
                                        ch.pipeline().addLast("slow", new DelayedWriteHandler(d.behaviour().delayMs()));
                                    }
                                    server.init(ch, d, s);
                                }
                            });
                    binds.add(b.bind(at));
                } else {
                    Bootstrap b = new Bootstrap()
                            .group(group)
                            .channel(NioDatagramChannel.class)
                            .handler(new ChannelInitializer<NioDatagramChannel>() {
                                @Override
                                protected void initChannel(NioDatagramChannel ch) {
                                    server.init(ch, d, s);
                                }
                            });
                    binds.add(b.bind(at));
                }
                what.add(d.name() + " " + at.getAddress().getHostAddress() + ":" + s.port() + "/"
                        + server.transport().wireName() + " (" + s.protocol() + ")");
            }
            List<Channel> bound = new ArrayList<>(binds.size());
            for (int i = 0; i < binds.size(); i++) {
                ChannelFuture f = binds.get(i).awaitUninterruptibly();
                if (!f.isSuccess()) {
                    String why = f.cause() == null ? "unknown error" : f.cause().getMessage();
                    String hint = why != null && why.contains("ermission") ? " (ports below 1024 need root, or sysctl net.ipv4.ip_unprivileged_port_start=0)"
                            : why != null && why.contains("in use") ? " (another program, or another lab, holds it)" : "";
                    throw new LabException("cannot listen on " + what.get(i) + ": " + why + hint);
                }
                bound.add(f.channel());
                all.add(f.channel());
            }
            return new Bound(bound, all);
        } catch (RuntimeException e) {
            for (ChannelFuture f : binds) {
                f.channel().close().awaitUninterruptibly();
            }
            throw e;
        }
    }

    /**
     * Flashes another firmware variant of its profile onto a running device, as an owner applying an update would:
     * the device goes down (its listeners close), comes back on the same address with the new firmware's version,
     * weaknesses, accounts and services, and every protocol answers with the new version from then on.
     *
     * @param firmware the variant's label (usually its version), as in lab files
     * @return the device as it now runs
     * @throws IllegalArgumentException when there is no such device
     * @throws LabException             when the profile has no such firmware or a port cannot be bound again
     */
    public synchronized SimDevice upgrade(String deviceName, String firmware) {
        SimDevice old = device(deviceName);
        SimDevice next = FleetBuilder.upgraded(old, firmware);
        channels.get(deviceName).close();
        channels.put(deviceName, bind(catalog, group, certs, next));
        devices.set(devices.indexOf(old), next);
        LOG.info("lab: {} upgraded from {} to {}", deviceName, old.firmware().label(), next.firmware().label());
        return next;
    }

    public List<SimDevice> devices() {
        return devices;
    }

    /** Number of bound listening sockets and datagram channels. */
    public int listeners() {
        return channels.values().stream().mapToInt(b -> b.listeners().size()).sum();
    }

    public SimDevice device(String name) {
        for (SimDevice d : devices) {
            if (d.name().equals(name)) {
                return d;
            }
        }
        throw new IllegalArgumentException("no device named " + name);
    }

    /** The ground truth: what each device is and what is planted on it. */
    public Manifest manifest() {
        return Manifest.of(devices, catalog, startMillis);
    }

    @Override
    public void close() {
        channels.values().forEach(b -> b.all().close()); // the event loops finish the closing as they shut down
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
