package io.dealwire.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/**
 * A loopback TCP proxy in front of a real server (PostgreSQL, SMTP) that a test can cut, restore or
 * stall, to make the server misbehave without stopping it. It holds its port from construction to
 * {@link #close()}: bound to port 0 and never given back in between, so no other process can take it
 * while a test has it cut (a released port can be taken by any JVM on the machine).
 */
public final class TcpProxy implements AutoCloseable {

    private final String targetHost;
    private final IntSupplier targetPort;
    private final ServerSocket server;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicInteger silentConnections = new AtomicInteger();
    private volatile boolean cut;
    private volatile int divertedPort;

    public TcpProxy(String targetHost, int targetPort) {
        this(targetHost, () -> targetPort);
    }

    /** The target port is asked again for every connection, so the server behind may restart elsewhere. */
    public TcpProxy(String targetHost, IntSupplier targetPort) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        try {
            server = new ServerSocket();
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } catch (IOException e) {
            throw new UncheckedIOException("proxy could not listen", e);
        }
        Thread acceptor = new Thread(this::accept, "tcp-proxy-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /**
     * Drops every open connection and resets new ones once accepted, as a load balancer in front of a
     * dead server does (the port stays held, so a client sees a reset, not a refused connection).
     */
    public void cut() {
        cut = true;
        dropConnections();
    }

    public void restore() {
        cut = false;
        silentConnections.set(0);
    }

    /**
     * The next {@code count} connections are accepted and then left silent: no byte is forwarded
     * either way, ever, until the client gives up or {@link #cut()} or {@link #close()} drops them;
     * what a client sees when a server's greeting is lost or the server hangs after accepting.
     */
    public void silenceNext(int count) {
        silentConnections.set(count);
    }

    /**
     * New connections go to another server on the target host (e.g. a {@link ScriptedSmtpServer}) until
     * {@link #undivert()}; open ones stay where they are ({@link #cut()} first to move every client).
     */
    public void divertTo(int port) {
        divertedPort = port;
    }

    public void undivert() {
        divertedPort = 0;
    }

    @Override
    public void close() {
        closeQuietly(server);
        dropConnections();
    }

    private void dropConnections() {
        sockets.forEach(TcpProxy::closeQuietly);
        sockets.clear();
    }

    private void accept() {
        while (!server.isClosed()) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                continue; // the loop ends once the server socket is closed; a failed accept is not that
            }
            if (cut) {
                reset(client);
            } else if (silentConnections.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                sockets.add(client);
            } else {
                forward(client);
            }
            if (cut) {
                dropConnections(); // cut() ran while this one was being accepted
            }
        }
    }

    private void forward(Socket client) {
        try {
            int diverted = divertedPort;
            Socket upstream = new Socket(targetHost, diverted > 0 ? diverted : targetPort.getAsInt());
            sockets.add(client);
            sockets.add(upstream);
            pump(client, upstream);
            pump(upstream, client);
        } catch (IOException | RuntimeException e) {
            reset(client); // the target is down (or between restarts): the client sees its connection reset
        }
    }

    private static void reset(Socket client) {
        try {
            client.setSoLinger(true, 0); // RST, not FIN: like a port nobody listens on
        } catch (IOException ignored) {
            // closing is all that is left
        }
        closeQuietly(client);
    }

    private void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // either side went away
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "tcp-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // already closed
        }
    }
}
