package io.dealwire.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Loopback ports for processes started later: the conventional one when it is free, otherwise a free
 * one <em>below the OS's ephemeral range</em>. A port is probed here and bound seconds later by
 * another process; a port from the ephemeral range can be handed in between to anything that asks
 * the OS for "any port" (another JVM's port-0 listener, an outgoing connection), which made a
 * service of the browser tests' stack fail with "port in use" on a busy machine (3 Dec).
 */
public final class FreePorts {

    /** The lowest port handed out; below it live the well-known and registered services. */
    static final int LOWEST = 10_000;

    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    /** Linux's default, when the range cannot be read. */
    private static final int EPHEMERAL_LOW = 32_768;

    private FreePorts() {
    }

    public static int preferred(int port) {
        return isFree(port) ? port : any();
    }

    /** A free port no "any port" request of the OS hands out: random, so parallel launchers rarely meet. */
    public static int any() {
        int high = ephemeralLow() - 1;
        if (high - LOWEST >= 1_000) {
            for (int attempt = 0; attempt < 100; attempt++) {
                int port = ThreadLocalRandom.current().nextInt(LOWEST, high + 1);
                if (isFree(port)) {
                    return port;
                }
            }
        }
        return osPicked();
    }

    static int ephemeralLow() {
        try {
            // readAllLines, not readString: a /proc file reports size 0 and readString returned "3" for "32768 60999"
            return Integer.parseInt(Files.readAllLines(EPHEMERAL_RANGE).get(0).trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return EPHEMERAL_LOW;
        }
    }

    private static int osPicked() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on the loopback interface", e);
        }
    }

    public static boolean isFree(int port) {
        // a server bound to 0.0.0.0 also blocks 127.0.0.1, and binding is the only reliable test
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
        } catch (IOException e) {
            return false;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
