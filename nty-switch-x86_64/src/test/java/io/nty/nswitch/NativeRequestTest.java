package io.nty.nswitch;

import static org.assertj.core.api.Assertions.assertThat;

import io.nty.api.IoEvents;
import jnr.ffi.Pointer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The requests a native coroutine leaves when it switches back, seen by its resumer. */
class NativeRequestTest {

    /** struct sleeper: millis, slept_nanos, rc, log, tag */
    private static final int MILLIS = 0;
    private static final int RC = 16;
    /** struct waiter: fd, events, timeout_millis, result, byte_read */
    private static final int FD = 0;
    private static final int EVENTS = 8;
    private static final int TIMEOUT = 16;
    private static final int RESULT = 24;
    private static final int BYTE_READ = 32;

    @BeforeEach
    void nativeSwitch() {
        TestNatives.assumeAvailable();
    }

    @Test
    void rule3_4_sleepLeavesASleepRequestWithItsDuration() {
        Pointer sleeper = TestNatives.words(5);
        sleeper.putLong(MILLIS, 5);
        sleeper.putLong(RC, -99);
        try (NativeContext ctx = NativeContext.create(TestNatives.entry("nty_test_sleep"), sleeper.address())) {
            assertThat(ctx.resume()).isEqualTo(new NativeRequest.Sleep(5));
            assertThat(ctx.state()).isEqualTo(NativeState.SUSPENDED);
            assertThat(ctx.lastRequest()).contains(new NativeRequest.Sleep(5));

            assertThat(ctx.resume()).isEqualTo(NativeRequest.EXIT);
            assertThat(sleeper.getLong(RC)).isZero();
        }
    }

    @Test
    void rule3_2_theBuiltInYieldLoopYieldsItsCountThenExits() {
        Pointer remaining = TestNatives.words(1);
        remaining.putLong(0, 3);
        NativeEntry loop = NativeEntry.inSwitchLibrary("nty_yield_loop");
        try (NativeContext ctx = NativeContext.create(loop, remaining.address())) {
            for (int i = 0; i < 3; i++) {
                assertThat(ctx.resume()).isEqualTo(NativeRequest.YIELD);
            }
            assertThat(ctx.resume()).isEqualTo(NativeRequest.EXIT);
        }
    }

    @Test
    void rule3_2_sleepZeroIsAPlainYield() {
        Pointer sleeper = TestNatives.words(5);
        try (NativeContext ctx = NativeContext.create(TestNatives.entry("nty_test_sleep"), sleeper.address())) {
            assertThat(ctx.resume()).isEqualTo(NativeRequest.YIELD);
            assertThat(ctx.resume()).isEqualTo(NativeRequest.EXIT);
        }
    }

    @Test
    void rule4_3_waitLeavesAnAwaitRequestAndReturnsTheResumersAnswer() {
        int[] pipe = new int[2];
        assertThat(TestNatives.helpers().nty_test_pipe(pipe)).isZero();
        Pointer waiter = TestNatives.words(5);
        waiter.putLong(FD, pipe[0]);
        waiter.putLong(EVENTS, IoEvents.READ);
        waiter.putLong(TIMEOUT, 100);
        try (NativeContext ctx = NativeContext.create(TestNatives.entry("nty_test_wait"), waiter.address())) {
            assertThat(ctx.resume()).isEqualTo(new NativeRequest.Await(pipe[0], IoEvents.READ, 100));

            TestNatives.helpers().nty_test_write_byte(pipe[1], 7);
            ctx.completeWait(IoEvents.READ);

            assertThat(ctx.resume()).isEqualTo(NativeRequest.EXIT);
            assertThat(waiter.getLong(RESULT)).isEqualTo(IoEvents.READ);
            assertThat(waiter.getLong(BYTE_READ)).isEqualTo(7);
        } finally {
            TestNatives.helpers().nty_test_close(pipe[0]);
            TestNatives.helpers().nty_test_close(pipe[1]);
        }
    }

    @Test
    void rule4_3_aTimedOutWaitReturnsTheTimeoutCode() {
        Pointer waiter = TestNatives.words(5);
        waiter.putLong(FD, 0);
        waiter.putLong(EVENTS, IoEvents.WRITE);
        try (NativeContext ctx = NativeContext.create(TestNatives.entry("nty_test_wait"), waiter.address())) {
            assertThat(ctx.resume()).isEqualTo(new NativeRequest.Await(0, IoEvents.WRITE, 0));
            ctx.completeWait(NativeWaitResult.TIMEOUT);
            ctx.resume();
            assertThat(waiter.getLong(RESULT)).isEqualTo(NativeWaitResult.TIMEOUT);
        }
    }
}
