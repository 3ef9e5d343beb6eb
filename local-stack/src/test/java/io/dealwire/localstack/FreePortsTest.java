package io.dealwire.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class FreePortsTest {

    @Test
    void shouldHandOutBindablePortsBelowTheEphemeralRange() throws IOException {
        for (int i = 0; i < 20; i++) {
            int port = FreePorts.any();
            assertThat(port).isBetween(FreePorts.LOWEST, FreePorts.ephemeralLow() - 1);
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                assertThat(FreePorts.isFree(port)).isFalse();
            }
        }
    }
}
