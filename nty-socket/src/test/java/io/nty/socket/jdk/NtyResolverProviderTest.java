package io.nty.socket.jdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nty.api.CoroutineCancelledException;
import io.nty.api.CoroutineState;
import io.nty.api.Scheduler;
import io.nty.sync.BlockingOffload;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Host-name lookups of unmodified JDK code through {@link NtyResolverProvider}: inside a coroutine
 * they wait on the resolver offload while the thread runs other coroutines; outside, and when the
 * offload is full, they run on the calling thread. The offload has one worker and one queue slot,
 * so a test can hold the worker and see a lookup wait in the queue (proof that it was handed to
 * the offload). Runs in the hook's own JVM, started with {@code sun.net.inetaddr.ttl=0} so that
 * {@code InetAddress} caches nothing and every lookup reaches the resolver (see the pom).
 */
@Timeout(60)
class NtyResolverProviderTest {

    private static final BlockingOffload RESOLVER = new BlockingOffload(1, 1);
    private static final byte[] LOOPBACK4 = {127, 0, 0, 1};
    /** Sentinel ticks before the held worker is released. */
    private static final int TICKS_BEFORE_RELEASE = 20;
    private static final int MAX_TICKS = 10_000;

    @BeforeAll
    static void installWithResolver() {
        JdkSocketHook.install(RESOLVER);
    }

    @Test
    void installWithAnotherResolverOffloadIsRefused() {
        try (BlockingOffload other = new BlockingOffload(1, 0)) {
            assertThat(JdkSocketHook.install(RESOLVER)).isFalse(); // the same one again: fine
            assertThatThrownBy(() -> JdkSocketHook.install(other)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("resolver offload is already set");
        }
        assertThat(JdkSocketHook.resolverOffload()).isSameAs(RESOLVER);
    }

    @Test
    void rule4_4_lookupInsideACoroutineWaitsOnTheOffloadWhileASentinelTicks() {
        Waited<InetAddress[]> waited = lookUpWhileTheWorkerIsHeld(() -> InetAddress.getAllByName("localhost"));
        assertThat(waited.result()).isNotEmpty().allMatch(InetAddress::isLoopbackAddress);
        assertThat(waited.offloadWhileWaiting()).as("the lookup waited in the offload's queue")
                .contains("1/1 busy, 1/1 queued");
        assertThat(waited.ticksDuringLookup()).as("sentinel ticks while the lookup waited")
                .isGreaterThanOrEqualTo(TICKS_BEFORE_RELEASE);
    }

    @Test
    void rule4_4_unmodifiedClientConnectsByNameThroughTheOffload() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getByAddress(LOOPBACK4))) {
            int port = server.getLocalPort();
            Waited<Boolean> waited = lookUpWhileTheWorkerIsHeld(() -> {
                try (Socket client = new Socket()) {
                    client.connect(new InetSocketAddress("localhost", port), 5_000); // resolves in the constructor
                    return client.isConnected();
                }
            });
            assertThat(waited.result()).isTrue();
            assertThat(waited.offloadWhileWaiting()).contains("1/1 queued");
            assertThat(waited.ticksDuringLookup()).isGreaterThanOrEqualTo(TICKS_BEFORE_RELEASE);
        }
    }

    @Test
    void rule4_4_reverseLookupInsideACoroutineWaitsOnTheOffload() {
        Waited<String> waited = lookUpWhileTheWorkerIsHeld(() -> InetAddress.getByAddress(LOOPBACK4).getHostName());
        assertThat(waited.result()).isEqualTo("localhost");
        assertThat(waited.offloadWhileWaiting()).contains("1/1 queued");
        assertThat(waited.ticksDuringLookup()).isGreaterThanOrEqualTo(TICKS_BEFORE_RELEASE);
    }

    @Test
    void unknownHostIsThrownAsTheBuiltInResolverThrewIt() {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        OneThread.run(s -> s.create(unused -> {
            try {
                InetAddress.getByName("no-such-host.invalid");
            } catch (UnknownHostException e) {
                thrown.set(e);
            }
        }, null));
        // The built-in resolver's own exception, not wrapped in the offload's ExecutionException.
        assertThat(thrown.get()).isExactlyInstanceOf(UnknownHostException.class)
                .hasMessageContaining("no-such-host.invalid").hasNoCause();
    }

    @Test
    void fullOffloadFallsBackToTheCallingThread() {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<InetAddress[]> found = new AtomicReference<>();
        AtomicBoolean resolvedWhileFull = new AtomicBoolean();
        AtomicReference<String> offloadAtLookup = new AtomicReference<>();
        OneThread.run(s -> {
            s.create(unused -> holdTheWorker(held, release), null);
            s.create(unused -> {
                awaitInCoroutine(s, held);
                callOnTheOffload(() -> "queued behind the held worker");
            }, null);
            s.create(unused -> {
                for (int i = 0; i < MAX_TICKS && !RESOLVER.toString().contains("1/1 queued"); i++) {
                    s.sleep(1); // until the second call waits in the queue
                }
                try {
                    offloadAtLookup.set(RESOLVER.toString());
                    found.set(InetAddress.getAllByName("localhost"));
                    resolvedWhileFull.set(release.getCount() == 1);
                } catch (UnknownHostException e) {
                    throw new AssertionError(e);
                } finally {
                    release.countDown();
                }
            }, null);
        });
        assertThat(offloadAtLookup.get()).contains("1/1 busy, 1/1 queued");
        assertThat(found.get()).isNotEmpty().allMatch(InetAddress::isLoopbackAddress);
        assertThat(resolvedWhileFull).as("resolved on the calling thread while the offload was full").isTrue();
    }

    @Test
    void rule3_6_outsideACoroutineTheLookupRunsOnTheCallingThread() throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch full = new CountDownLatch(1);
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Thread schedulerThread = Thread.ofPlatform().name("resolver-test-scheduler").start(() -> {
            try {
                OneThread.run(s -> {
                    s.create(unused -> holdTheWorker(held, release), null);
                    s.create(unused -> {
                        awaitInCoroutine(s, held);
                        full.countDown(); // the queued call is submitted before this coroutine's next turn
                        callOnTheOffload(() -> "queued behind the held worker");
                    }, null);
                });
            } catch (Throwable t) {
                failed.set(t);
            }
        });
        try {
            assertThat(full.await(30, TimeUnit.SECONDS)).as("the worker was taken").isTrue();
            for (int i = 0; i < MAX_TICKS && !RESOLVER.toString().contains("1/1 queued"); i++) {
                Thread.sleep(1); // the scheduler thread submits the second call
            }
            assertThat(RESOLVER.toString()).contains("1/1 busy, 1/1 queued");
            InetAddress[] found = InetAddress.getAllByName("localhost"); // not a coroutine: no offload, no wait
            assertThat(found).isNotEmpty().allMatch(InetAddress::isLoopbackAddress);
            assertThat(release.getCount()).as("the worker was still held").isOne();
        } finally {
            release.countDown();
            schedulerThread.join(30_000);
        }
        assertThat(failed.get()).isNull();
    }

    @Test
    void rule6_3_cancelledDuringALookupTheCoroutineEndsCancelled() {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<String> name = new AtomicReference<>();
        AtomicReference<Throwable> atNextSuspension = new AtomicReference<>();
        AtomicReference<CoroutineState> stateAfter = new AtomicReference<>();
        OneThread.run(s -> {
            s.create(unused -> holdTheWorker(held, release), null);
            var looker = s.create(unused -> {
                awaitInCoroutine(s, held);
                try {
                    name.set(InetAddress.getByAddress(LOOPBACK4).getHostName());
                } catch (UnknownHostException e) {
                    throw new AssertionError(e);
                }
                try {
                    s.yieldNow();
                } catch (CoroutineCancelledException e) {
                    atNextSuspension.set(e);
                    throw e;
                }
            }, null);
            s.create(unused -> {
                for (int i = 0; i < MAX_TICKS && looker.state() != CoroutineState.PARKED; i++) {
                    s.sleep(1);
                }
                s.cancel(looker);
                for (int i = 0; i < MAX_TICKS && looker.state() != CoroutineState.EXITED; i++) {
                    s.sleep(1);
                }
                stateAfter.set(looker.state());
                release.countDown();
                awaitIdleOffload(s);
            }, null);
        });
        // InetAddress catches what a resolver throws and answers a reverse lookup with the literal.
        assertThat(name.get()).as("the abandoned reverse lookup").isEqualTo("127.0.0.1");
        assertThat(atNextSuspension.get()).as("the cancellation, at the coroutine's next suspension")
                .isInstanceOf(CoroutineCancelledException.class);
        assertThat(stateAfter.get()).isEqualTo(CoroutineState.EXITED);
    }

    // ------------------------------------------------------------------ helpers

    /** What a lookup returned, how the offload looked while it waited, and how long it waited. */
    private record Waited<T>(T result, String offloadWhileWaiting, int ticksDuringLookup) {
    }

    /**
     * Runs {@code lookup} in a coroutine while another coroutine holds the offload's only worker,
     * and a sentinel on the same thread ticks and releases the worker after
     * {@link #TICKS_BEFORE_RELEASE} ticks: a lookup handed to the offload can end only after that.
     */
    private static <T> Waited<T> lookUpWhileTheWorkerIsHeld(Callable<T> lookup) {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger ticks = new AtomicInteger();
        AtomicInteger ticksAtStart = new AtomicInteger(-1);
        AtomicInteger ticksAtEnd = new AtomicInteger(-1);
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<String> offloadWhileWaiting = new AtomicReference<>();
        AtomicBoolean done = new AtomicBoolean();
        OneThread.run(s -> {
            s.create(unused -> holdTheWorker(held, release), null);
            s.create(unused -> {
                awaitInCoroutine(s, held);
                try {
                    ticksAtStart.set(ticks.get());
                    result.set(lookup.call());
                    ticksAtEnd.set(ticks.get());
                } catch (Exception e) {
                    throw new AssertionError(e);
                } finally {
                    done.set(true);
                    release.countDown();
                }
            }, null);
            s.create(unused -> {
                awaitInCoroutine(s, held);
                for (int i = 0; i < MAX_TICKS && !done.get(); i++) {
                    if (ticks.incrementAndGet() == TICKS_BEFORE_RELEASE) {
                        offloadWhileWaiting.set(RESOLVER.toString());
                        release.countDown();
                    }
                    s.sleep(1);
                }
                release.countDown();
            }, null);
        });
        return new Waited<>(result.get(), offloadWhileWaiting.get(), ticksAtEnd.get() - ticksAtStart.get());
    }

    /**
     * In a coroutine: occupies the offload's only worker until {@code release}; {@code held} is
     * counted down once the worker has taken the task (a call submitted before that would find the
     * one queue slot taken).
     */
    private static void holdTheWorker(CountDownLatch held, CountDownLatch release) {
        callOnTheOffload(() -> {
            held.countDown();
            return release.await(30, TimeUnit.SECONDS);
        });
    }

    /** In a coroutine: sleeps until {@code latch} is open, bounded. */
    private static void awaitInCoroutine(Scheduler s, CountDownLatch latch) {
        for (int i = 0; i < MAX_TICKS && latch.getCount() > 0; i++) {
            s.sleep(1);
        }
        assertThat(latch.getCount()).as("latch opened in time").isZero();
    }

    /**
     * In a coroutine: sleeps until the offload is idle, bounded, so that the next test finds its
     * worker free and its queue slot empty (a cancelled call stays queued until the worker
     * discards it).
     */
    private static void awaitIdleOffload(Scheduler s) {
        for (int i = 0; i < MAX_TICKS && !RESOLVER.toString().contains("0/1 busy, 0/1 queued"); i++) {
            s.sleep(1);
        }
    }

    private static <T> T callOnTheOffload(Callable<T> task) {
        try {
            return RESOLVER.call(task);
        } catch (ExecutionException e) {
            throw new AssertionError(e.getCause());
        }
    }
}
