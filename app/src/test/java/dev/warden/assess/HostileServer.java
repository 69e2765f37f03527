package dev.warden.assess;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A tiny TCP server on a test address that misbehaves as the handler says; counts connections. */
final class HostileServer implements AutoCloseable {
    /** What to do with one accepted connection. */
    interface Handler {
        void handle(Socket s, HostileServer server) throws IOException, InterruptedException;
    }

    private final ServerSocket server;
    final AtomicInteger connections = new AtomicInteger();
    /** First lines of the requests received, for counting login attempts. */
    final CopyOnWriteArrayList<String> requests = new CopyOnWriteArrayList<>();

    HostileServer(String ip, int port, Handler handler) throws IOException {
        server = new ServerSocket(port, 50, InetAddress.getByName(ip));
        Thread.ofVirtual().start(() -> {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    connections.incrementAndGet();
                    Thread.ofVirtual().start(() -> {
                        try (s) {
                            handler.handle(s, this);
                        } catch (IOException | InterruptedException e) {
                            // the client went away: part of the game
                        }
                    });
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    /** Reads the request head (to the blank line) and records its first line. */
    String readHead(Socket s) throws IOException {
        StringBuilder sb = new StringBuilder();
        var in = s.getInputStream();
        int b;
        while ((b = in.read()) >= 0) {
            sb.append((char) b);
            if (sb.toString().endsWith("\r\n\r\n")) {
                break;
            }
        }
        String first = sb.toString().lines().findFirst().orElse("");
        requests.add(first);
        return sb.toString();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
