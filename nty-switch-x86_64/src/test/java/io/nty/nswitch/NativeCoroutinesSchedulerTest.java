package io.nty.nswitch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nty.api.Coroutine;
import io.nty.api.CoroutineState;
import io.nty.api.Coroutines;
import io.nty.api.IoEvents;
import io.nty.api.SchedulerClosedException;
import io.nty.scheduler.NtyScheduler;
import java.util.ArrayList;
import java.util.List;
import jnr.ffi.Pointer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Native coroutines under the reference scheduler, interleaved with Java coroutines: the same
 * rules order both (§1.1 ids and FIFO creation order, §3.2 yield to the ready tail, §3.3 rounds,
 * §3.4 sleep), and each native request is carried out through the Scheduler interface.
 */
class NativeCoroutinesSchedulerTest {

    private static final int LOG_CAPACITY = 64;

    private final List<Throwable> failures = new ArrayList<>();
    private final List<Pointer> keepAlive = new ArrayList<>();
    private NtyScheduler scheduler;
    private Pointer log;

    @BeforeEach
    void openScheduler() {
        TestNatives.assumeAvailable();
        scheduler = NtyScheduler.builder()
                .poller(new PollPoller())
                .exceptionHandler((co, t) -> failures.add(t))
                .name("native-test")
                .build();
        log = TestNatives.words(2 + LOG_CAPACITY);
        log.putLong(8, LOG_CAPACITY);
    }

    @AfterEach
    void closeScheduler() {
        if (scheduler != null) {
            scheduler.close();
        }
        assertThat(failures).as("failures reported to the exception handler").isEmpty();
    }

    @Test
    void rule1_1_nativeAndJavaCoroutinesGetTheNextIdsAndRunInCreationOrderRoundByRound() {
        Coroutine j0 = javaYielder(0, 2);
        Coroutine n1 = nativeYielder(1, 2);
        Coroutine j2 = javaYielder(2, 2);
        Coroutine n3 = nativeYielder(3, 2);

        assertThat(List.of(j0.id(), n1.id(), j2.id(), n3.id())).containsExactly(0L, 1L, 2L, 3L);
        assertThat(n1.state()).isEqualTo(CoroutineState.NEW);
        assertThat(logged()).as("§1.1: nothing runs inside create").isEmpty();

        scheduler.run();

        assertThat(logged()).containsExactly(
                0L, 100L, 200L, 300L,
                1L, 101L, 201L, 301L,
                2L, 102L, 202L, 302L);
        assertThat(n1.state()).isEqualTo(CoroutineState.EXITED);
    }

    @Test
    void rule3_3_aNativeCoroutineCreatedDuringARoundRunsInTheNextRoundAfterTheReadyOnes() {
        scheduler.create(a -> {
            append(10);
            nativeYielder(9, 1);
            Coroutines.yield();
            append(11);
        }, null);
        javaYielder(2, 1);

        scheduler.run();

        assertThat(logged()).containsExactly(10L, 200L, 900L, 11L, 201L, 901L);
    }

    @Test
    void rule3_4_nativeSleepSuspendsAtLeastItsDurationAndSleepersWakeByDeadline() {
        Pointer longer = sleeper(30, 1);
        Pointer shorter = sleeper(10, 2);
        NativeEntry entry = TestNatives.entry("nty_test_sleep");
        NativeCoroutines.create(scheduler, entry, longer.address());
        NativeCoroutines.create(scheduler, entry, shorter.address());
        scheduler.create(a -> append(3), null);

        scheduler.run();

        assertThat(logged()).containsExactly(3L, 2L, 1L);
        assertThat(longer.getLong(8)).as("slept ns").isGreaterThanOrEqualTo(30_000_000L);
        assertThat(shorter.getLong(8)).as("slept ns").isGreaterThanOrEqualTo(10_000_000L);
    }

    @Test
    void rule2_2_theNativeContextIsFreedWhenItsCoroutineExits() {
        Coroutine co = nativeYielder(1, 1);
        NativeContext context = (NativeContext) co.argument();
        assertThat(context.state()).isEqualTo(NativeState.NEW);

        scheduler.run();

        assertThat(co.state()).isEqualTo(CoroutineState.EXITED);
        assertThat(context.state()).isEqualTo(NativeState.FREED);
    }

    @Test
    void rule4_3_aNativeWaitResumesWhenTheFdBecomesReadable() {
        int[] pipe = pipe();
        Pointer waiter = waiter(pipe[0], IoEvents.READ, 0);
        NativeCoroutines.create(scheduler, TestNatives.entry("nty_test_wait"), waiter.address());
        scheduler.create(a -> {
            Coroutines.sleep(5);
            TestNatives.helpers().nty_test_write_byte(pipe[1], 42);
        }, null);

        scheduler.run();

        assertThat(waiter.getLong(24)).as("result").isEqualTo(IoEvents.READ);
        assertThat(waiter.getLong(32)).as("byte read").isEqualTo(42);
        close(pipe);
    }

    @Test
    void rule4_3_aNativeWaitReportsTimeoutAndClose() {
        int[] pipe = pipe();
        int[] other = pipe();
        Pointer timesOut = waiter(pipe[0], IoEvents.READ, 10);
        Pointer closed = waiter(other[0], IoEvents.READ, 0);
        NativeEntry entry = TestNatives.entry("nty_test_wait");
        NativeCoroutines.create(scheduler, entry, timesOut.address());
        NativeCoroutines.create(scheduler, entry, closed.address());
        scheduler.create(a -> {
            Coroutines.sleep(20);
            assertThat(scheduler.fdClosed(other[0])).isTrue();
        }, null);

        scheduler.run();

        assertThat(timesOut.getLong(24)).isEqualTo(NativeWaitResult.TIMEOUT);
        assertThat(closed.getLong(24)).isEqualTo(NativeWaitResult.CLOSED);
        close(pipe);
        close(other);
    }

    @Test
    void rule4_1_aSecondNativeWaiterOnTheSameFdIsToldBusyAndTheFirstIsUnaffected() {
        int[] pipe = pipe();
        Pointer first = waiter(pipe[0], IoEvents.READ, 0);
        Pointer second = waiter(pipe[0], IoEvents.READ, 0);
        NativeEntry entry = TestNatives.entry("nty_test_wait");
        NativeCoroutines.create(scheduler, entry, first.address());
        NativeCoroutines.create(scheduler, entry, second.address());
        scheduler.create(a -> {
            Coroutines.sleep(5);
            TestNatives.helpers().nty_test_write_byte(pipe[1], 1);
        }, null);

        scheduler.run();

        assertThat(second.getLong(24)).isEqualTo(NativeWaitResult.BUSY);
        assertThat(first.getLong(24)).isEqualTo(IoEvents.READ);
        close(pipe);
    }

    @Test
    void rule3_6_aNativeYieldOutsideAnyCoroutineFailsWithoutSwitching() {
        assertThat(TestNatives.helpers().nty_coroutine_yield()).as("NTY_ERR_NOTCO").isEqualTo(-4);
    }

    @Test
    void creatingOnAClosedSchedulerFailsClearly() {
        NativeEntry entry = TestNatives.entry("nty_test_record");
        assertThatThrownBy(() -> NativeCoroutines.create(null, entry, 0))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("scheduler");
        scheduler.close();
        assertThatThrownBy(() -> NativeCoroutines.create(scheduler, entry, 0))
                .isInstanceOf(SchedulerClosedException.class);
    }

    // ------------------------------------------------------------------ helpers

    /** A native coroutine appending tag*100+i and yielding, {@code yields} times. */
    private Coroutine nativeYielder(long tag, long yields) {
        Pointer y = TestNatives.words(3);
        y.putLong(0, log.address());
        y.putLong(8, tag);
        y.putLong(16, yields);
        keepAlive.add(y);
        return NativeCoroutines.create(scheduler, TestNatives.entry("nty_test_log_yields"), y.address());
    }

    /** The same as {@link #nativeYielder}, in Java. */
    private Coroutine javaYielder(long tag, long yields) {
        return scheduler.create(t -> {
            for (long i = 0; i < yields; i++) {
                append(t * 100 + i);
                Coroutines.yield();
            }
            append(t * 100 + yields);
        }, tag);
    }

    private Pointer sleeper(long millis, long tag) {
        Pointer s = TestNatives.words(5);
        s.putLong(0, millis);
        s.putLong(24, log.address());
        s.putLong(32, tag);
        keepAlive.add(s);
        return s;
    }

    private Pointer waiter(int fd, int events, long timeoutMillis) {
        Pointer w = TestNatives.words(5);
        w.putLong(0, fd);
        w.putLong(8, events);
        w.putLong(16, timeoutMillis);
        keepAlive.add(w);
        return w;
    }

    private void append(long value) {
        long n = log.getLong(0);
        log.putLong(16 + 8 * n, value);
        log.putLong(0, n + 1);
    }

    private List<Long> logged() {
        List<Long> values = new ArrayList<>();
        for (long i = 0; i < log.getLong(0); i++) {
            values.add(log.getLong(16 + 8 * i));
        }
        return values;
    }

    private static int[] pipe() {
        int[] fds = new int[2];
        assertThat(TestNatives.helpers().nty_test_pipe(fds)).isZero();
        return fds;
    }

    private static void close(int[] fds) {
        TestNatives.helpers().nty_test_close(fds[0]);
        TestNatives.helpers().nty_test_close(fds[1]);
    }
}
