package io.nty.examples.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.nty.examples.server.ServerGroup;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The chat server over loopback, with plain blocking JDK sockets as members. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ChatServerTest {

    private static final InetSocketAddress ANY_LOOPBACK_PORT = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

    /** A member: a blocking socket with a line reader. */
    private static final class Client implements AutoCloseable {
        final Socket socket;
        final BufferedReader in;
        final OutputStream out;

        Client(InetSocketAddress server, int receiveBuffer) throws IOException {
            socket = new Socket();
            if (receiveBuffer > 0) {
                socket.setReceiveBufferSize(receiveBuffer);
            }
            socket.connect(server, 10_000);
            socket.setSoTimeout(30_000);
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            out = socket.getOutputStream();
        }

        String line() throws IOException {
            return in.readLine();
        }

        void say(String text) throws IOException {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    @Test
    void everyLineReachesEveryOtherMemberAndJoinsAndLeavesAreAnnounced() throws Exception {
        try (ServerGroup server = ChatServer.start(ANY_LOOPBACK_PORT, 16)) {
            InetSocketAddress at = server.addresses().get(0);
            try (Client alice = new Client(at, 0)) {
                assertThat(alice.line()).isEqualTo("* you are user1, 0 others here");
                try (Client bob = new Client(at, 0)) {
                    assertThat(bob.line()).isEqualTo("* you are user2, 1 others here");
                    assertThat(alice.line()).isEqualTo("* user2 joined");
                    Client carol = new Client(at, 0);
                    assertThat(carol.line()).isEqualTo("* you are user3, 2 others here");
                    assertThat(alice.line()).isEqualTo("* user3 joined");
                    assertThat(bob.line()).isEqualTo("* user3 joined");

                    alice.say("hello\n");
                    assertThat(bob.line()).isEqualTo("user1: hello");
                    assertThat(carol.line()).isEqualTo("user1: hello");
                    bob.say("hi there\r\n\nin two");
                    bob.say(" parts\n");
                    assertThat(alice.line()).isEqualTo("user2: hi there"); // not its own "hello"
                    assertThat(carol.line()).isEqualTo("user2: hi there");
                    assertThat(alice.line()).isEqualTo("user2: in two parts");
                    assertThat(carol.line()).isEqualTo("user2: in two parts");

                    carol.close();
                    assertThat(alice.line()).isEqualTo("* user3 left");
                    assertThat(bob.line()).isEqualTo("* user3 left");
                }
                assertThat(alice.line()).isEqualTo("* user2 left");
            }
        }
    }

    @Test
    void aMemberThatStopsReadingIsDroppedAndTheOthersGetEveryLineInOrder() throws Exception {
        int lines = 50_000; // 100 bytes each: far more than the slow member's socket buffers hold
        String padding = "x".repeat(80);
        try (ServerGroup server = ChatServer.start(ANY_LOOPBACK_PORT, 16);
                Client slow = new Client(server.addresses().get(0), 4096);
                Client listener = new Client(server.addresses().get(0), 0);
                Client sender = new Client(server.addresses().get(0), 0)) {
            assertThat(slow.line()).startsWith("* you are user1");
            assertThat(listener.line()).startsWith("* you are user2");
            assertThat(listener.line()).isEqualTo("* user3 joined");
            assertThat(sender.line()).startsWith("* you are user3");

            CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
                try {
                    StringBuilder batch = new StringBuilder();
                    for (int i = 0; i < lines; i++) {
                        batch.append(String.format("%08d ", i)).append(padding).append('\n');
                        if (batch.length() > 16_384 || i == lines - 1) {
                            sender.say(batch.toString());
                            batch.setLength(0);
                        }
                    }
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            });

            int next = 0;
            boolean sawDrop = false;
            while (next < lines) {
                String line = listener.line();
                assertThat(line).as("line %d", next).isNotNull();
                if (line.startsWith("* ")) {
                    assertThat(line).isEqualTo("* user1 dropped: too slow (16 lines queued)");
                    sawDrop = true;
                    continue;
                }
                assertThat(line).isEqualTo("user3: " + String.format("%08d ", next) + padding);
                next++;
            }
            sending.get(30, TimeUnit.SECONDS);
            assertThat(sawDrop).as("the slow member was dropped").isTrue();

            // The slow member's connection was shut down: it reads what was in flight, then the end.
            long drained = 0;
            try {
                for (String l; (l = slow.line()) != null; ) {
                    drained++;
                }
            } catch (SocketException reset) {
                // also an end
            }
            assertThat(drained).isLessThan(lines);
        }
    }
}
