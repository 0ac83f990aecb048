package io.nty.socket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nty.api.Coroutines;
import io.nty.sync.BlockingOffload;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Connecting by host name, the lookup on the offload. */
@Timeout(30)
class HostConnectTest {

    @Test
    void localhostResolvesOnTheOffloadAndConnectsWhileOtherCoroutinesRun() throws Exception {
        int listener = Loopback.listener(Loopback.ipv4AnyPort());
        int port = NtySockets.localAddress(listener).getPort();
        List<String> trace = new ArrayList<>();
        try (BlockingOffload resolver = new BlockingOffload(1, 4)) {
            CoroutineRunner.run(s -> {
                s.create(a -> {
                    int fd = NtySockets.connect("localhost", port, resolver, 5_000);
                    try {
                        InetSocketAddress peer = NtySockets.remoteAddress(fd);
                        trace.add("connected to port " + peer.getPort());
                        NtySockets.send(fd, ByteBuffer.wrap("hi".getBytes()));
                    } finally {
                        NtySockets.close(fd);
                    }
                }, null);
                s.create(a -> {
                    int fd = NtySockets.accept(listener);
                    try {
                        ByteBuffer b = ByteBuffer.allocate(2);
                        while (b.hasRemaining() && NtySockets.recv(fd, b) > 0) {
                            Coroutines.yield();
                        }
                        trace.add("accepted and got " + new String(b.array()));
                    } finally {
                        NtySockets.close(fd);
                    }
                }, null);
            });
        } finally {
            NtySockets.close(listener);
        }
        assertThat(trace).containsExactlyInAnyOrder("connected to port " + port, "accepted and got hi");
    }

    @Test
    void anUnknownHostFailsWithUnknownHostException() {
        try (BlockingOffload resolver = new BlockingOffload(1, 1)) {
            assertThatThrownBy(() -> NtySockets.connect("no-such-host.invalid", 80, resolver, 1_000))
                    .isInstanceOf(UnknownHostException.class);
        }
    }
}
