package io.nty.socket;

import static org.assertj.core.api.Assertions.assertThat;

import io.nty.api.Coroutine;
import io.nty.api.CoroutineCancelledException;
import io.nty.socket.epoll.EpollPoller;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** §6.3 at a socket hook, over a real epoll poller and loopback TCP. */
@Timeout(30)
class HookCancellationTest {

    @Test
    void rule6_3_aCoroutineBlockedInRecvIsCancelledThereAndItsFdInterestIsDisarmed() throws Exception {
        int[] pair = Loopback.tcpPair();
        int client = pair[0];
        int server = pair[1];
        List<String> trace = new ArrayList<>();
        RecordingPoller poller = new RecordingPoller(new EpollPoller());
        try {
            CoroutineRunner.run(poller, s -> {
                Coroutine reader = s.create(a -> {
                    try {
                        NtySockets.recv(server, ByteBuffer.allocate(16));
                        trace.add("recv returned?");
                    } catch (CoroutineCancelledException e) {
                        trace.add("recv cancelled");
                    } finally {
                        trace.add("finally ran");
                    }
                }, null);
                s.create(a -> {
                    reader.cancel();
                    trace.add("log after cancel: " + poller.log);
                    // Readiness now wakes nobody, and the fd takes a new reader at once (§4.1, §4.2).
                    NtySockets.send(client, ByteBuffer.wrap("ping".getBytes()));
                    s.sleep(5);
                    ByteBuffer b = ByteBuffer.allocate(4);
                    NtySockets.recv(server, b);
                    trace.add("second reader got " + new String(b.array(), 0, b.position()));
                }, null);
            });
        } finally {
            Loopback.closeAll(client, server);
        }
        assertThat(trace).hasSize(4);
        assertThat(trace.get(0)).isEqualTo("log after cancel: [arm " + server + " 1, disarm " + server + " 1]");
        assertThat(trace.subList(1, 4)).containsExactly("recv cancelled", "finally ran", "second reader got ping");
    }
}
