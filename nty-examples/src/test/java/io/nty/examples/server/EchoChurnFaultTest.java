package io.nty.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.nty.examples.echo.EchoHandler;
import io.nty.scheduler.NtyScheduler;
import io.nty.socket.ErrnoException;
import io.nty.socket.NtySockets;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Connection churn against the echo server: many connect / echo / close cycles, then the
 * process holds exactly the fds it held before (every accepted fd was closed once) and no
 * connection coroutine is left running.
 *
 * <p>The count is issue 7's {@value #DEFAULT_CYCLES} by default: about 14 s on the 2-core
 * reference machine, client and server in this one JVM; {@code -Dnty.churn.cycles=N} changes
 * it (a slower CI machine may want fewer). Clients bind source addresses 127.0.0.2 to 127.0.0.51 so
 * their TIME_WAIT ports neither run out nor crowd the 127.0.0.1 ports other tests use.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class EchoChurnFaultTest {

    static final int DEFAULT_CYCLES = 100_000;
    private static final int CYCLES = Integer.getInteger("nty.churn.cycles", DEFAULT_CYCLES);
    private static final int WARM_UP_CYCLES = 300;
    private static final int CLIENT_COROUTINES = 32;
    private static final int SOURCE_ADDRESSES = 50;
    private static final long SETTLE_MILLIS = 10_000;

    private final AtomicInteger liveHandlers = new AtomicInteger();
    private final AtomicInteger servedConnections = new AtomicInteger();

    @Test
    void manyConnectEchoCloseCyclesLeaveTheFdCountAsItWasAndNoCoroutineBehind() throws Exception {
        EchoHandler echo = new EchoHandler(1024);
        ConnectionHandler counting = connection -> {
            liveHandlers.incrementAndGet();
            try {
                echo.serve(connection);
            } finally {
                liveHandlers.decrementAndGet();
                servedConnections.incrementAndGet();
            }
        };
        int listenFd = Listeners.open(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), false);
        InetSocketAddress target = NtySockets.localAddress(listenFd);
        CoroutineServer server = new CoroutineServer(new int[] {listenFd}, counting, 10_000);
        ServerThread thread = ServerThread.start("churn-echo", server);
        try {
            // A warm-up loads every class (and opens every jar) the cycle needs before counting fds.
            assertThat(new ChurnClient(target, WARM_UP_CYCLES).run()).isEqualTo(WARM_UP_CYCLES);
            awaitSettled(WARM_UP_CYCLES, -1);
            long fdsBefore = openFds();

            long start = System.nanoTime();
            assertThat(new ChurnClient(target, CYCLES).run()).as("cycles completed").isEqualTo(CYCLES);
            System.out.printf("churn: %d cycles in %d ms%n", CYCLES,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));

            awaitSettled(WARM_UP_CYCLES + CYCLES, fdsBefore);
            assertThat(openFds()).as("open fds after the churn").isEqualTo(fdsBefore);
            assertThat(liveHandlers.get()).as("connection coroutines still running").isZero();
            assertThat(servedConnections.get()).isEqualTo(WARM_UP_CYCLES + CYCLES);
        } finally {
            thread.requestStop();
            assertThat(thread.awaitStopped(Duration.ofSeconds(5))).as("server thread stopped").isTrue();
        }
        assertThat(server.accepted()).isEqualTo(WARM_UP_CYCLES + CYCLES);
        assertThat(thread.failure()).isNull();
    }

    /** Waits (bounded) until the server has finished every connection and the fd count is back. */
    private void awaitSettled(int connections, long fds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SETTLE_MILLIS);
        while (System.nanoTime() - deadline < 0
                && (servedConnections.get() < connections || liveHandlers.get() > 0 || (fds >= 0 && openFds() != fds))) {
            Thread.sleep(10);
        }
    }

    private static long openFds() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }

    /** Coroutines on the test thread that connect, echo 8 bytes and close until the count is done. */
    private static final class ChurnClient {
        private final InetSocketAddress target;
        private final int cycles;
        private int started;
        private int completed;

        ChurnClient(InetSocketAddress target, int cycles) {
            this.target = target;
            this.cycles = cycles;
        }

        /** @return the cycles completed; a failed cycle fails the test */
        int run() {
            Throwable[] failure = new Throwable[1];
            try (NtyScheduler s = NtyScheduler.builder().name("churn-client")
                    .exceptionHandler((co, t) -> failure[0] = failure[0] == null ? t : failure[0]).build()) {
                for (int i = 0; i < CLIENT_COROUTINES; i++) {
                    s.create(unused -> cycleUntilDone(), null);
                }
                s.run();
            }
            if (failure[0] != null) {
                throw new AssertionError("a churn cycle failed after " + completed + ": " + failure[0], failure[0]);
            }
            return completed;
        }

        private void cycleUntilDone() throws ErrnoException {
            ByteBuffer out = ByteBuffer.allocateDirect(8);
            ByteBuffer in = ByteBuffer.allocateDirect(8);
            while (started < cycles) {
                int n = started++;
                int fd = NtySockets.socket(NtySockets.AF_INET, NtySockets.SOCK_STREAM, 0);
                try {
                    NtySockets.bind(fd, sourceAddress(n));
                    NtySockets.connect(fd, target, 5_000);
                    out.clear().putLong(0, n);
                    NtySockets.send(fd, out, 5_000);
                    in.clear();
                    while (in.hasRemaining()) {
                        if (NtySockets.recv(fd, in, 5_000) == 0) {
                            throw new AssertionError("cycle " + n + ": the server closed before echoing");
                        }
                    }
                    assertThat(in.getLong(0)).as("echo of cycle %d", n).isEqualTo(n);
                    completed++;
                } finally {
                    NtySockets.close(fd);
                }
            }
        }

        private static InetSocketAddress sourceAddress(int n) {
            byte host = (byte) (2 + n % SOURCE_ADDRESSES);
            try {
                return new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, host}), 0);
            } catch (UnknownHostException e) {
                throw new AssertionError(e);
            }
        }
    }
}
