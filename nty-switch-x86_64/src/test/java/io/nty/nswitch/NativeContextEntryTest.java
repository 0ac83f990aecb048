package io.nty.nswitch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import jnr.ffi.Pointer;

/** §2.1, §2.2, §2.4: a native context before, at and after its entry through nty_exec. */
class NativeContextEntryTest {

    /** struct record in nty_test_entries.c: calls, arg_seen, current_seen, state_seen */
    private static final int CALLS = 0;
    private static final int ARG_SEEN = 8;
    private static final int CURRENT_SEEN = 16;
    private static final int STATE_SEEN = 24;

    @BeforeEach
    void nativeSwitch() {
        TestNatives.assumeAvailable();
    }

    @Test
    void rule2_1_newContextHoldsCoroutineInRdiSlotAndExecAsResumeAddress() {
        try (NativeContext ctx = NativeContext.create(TestNatives.entry("nty_test_record"), 42)) {
            assertThat(ctx.state()).isEqualTo(NativeState.NEW);
            assertThat(ctx.savedRdi()).as("rdi slot = the coroutine (seed: ctx.edi = co)")
                    .isEqualTo(ctx.address());
            assertThat(ctx.savedResumeAddress()).as("resume address = nty_exec from dlsym")
                    .isEqualTo(NtySwitch.symbolAddress("nty_exec"));
            assertThat(ctx.savedRbp()).as("rbp = 0 ends frame chains").isZero();
            assertThat(ctx.lastRequest()).isEmpty();
        }
    }

    /**
     * Observes the first switch itself: the saved resume address is pointed at a spy that
     * records rdi and the stack alignment at its first instruction, then continues into
     * nty_exec — so rdi is checked in the register, not only in the saved slot.
     */
    @Test
    void rule2_4_firstResumeEntersTheTrampolineWithTheCoroutineInRdi() {
        Pointer record = TestNatives.words(4);
        Pointer seen = Pointer.wrap(jnr.ffi.Runtime.getSystemRuntime(),
                NtySwitch.symbolAddress("nty_probe_exec_seen"));
        seen.putLong(0, 0);
        seen.putLong(8, -1);
        try (NativeContext ctx = NativeContext.create(TestNatives.entry("nty_test_record"), record.address())) {
            Pointer.wrap(jnr.ffi.Runtime.getSystemRuntime(), ctx.address())
                    .putLong(NtySwitch.loaded().layout.rip(), NtySwitch.symbolAddress("nty_probe_exec_spy"));

            assertThat(ctx.resume()).isEqualTo(NativeRequest.EXIT);

            assertThat(seen.getLong(0)).as("rdi at trampoline entry").isEqualTo(ctx.address());
            assertThat(seen.getLong(8)).as("(rsp + 8) %% 16 at trampoline entry").isZero();
            assertThat(record.getLong(CALLS)).as("nty_exec then ran func once").isEqualTo(1);
        }
    }

    @Test
    void rule2_4_initialStackPointerIsInsideTheStackAndAlignedForAnEntryReachedByCall() {
        try (NativeContext ctx = NativeContext.create(TestNatives.entry("nty_test_record"), 0, 64 * 1024)) {
            long top = ctx.mappingBase() + ctx.mappingSize();
            assertThat(ctx.guardSize()).isPositive();
            assertThat(ctx.mappingSize()).isEqualTo(64 * 1024 + ctx.guardSize());
            assertThat(ctx.savedRsp()).isEqualTo(top - 24);
            assertThat((ctx.savedRsp() + 8) % 16).isZero();
        }
    }

    @Test
    void rule2_1_firstResumeRunsFuncOnceWithArgAsTheRunningCoroutine() {
        Pointer record = TestNatives.words(4);
        try (NativeContext ctx = NativeContext.create(TestNatives.entry("nty_test_record"), record.address())) {
            assertThat(record.getLong(CALLS)).as("create does not run func (§1.1)").isZero();

            assertThat(ctx.resume()).isEqualTo(NativeRequest.EXIT);

            assertThat(record.getLong(CALLS)).isEqualTo(1);
            assertThat(record.getLong(ARG_SEEN)).isEqualTo(record.address());
            assertThat(record.getLong(CURRENT_SEEN)).isEqualTo(ctx.address());
            assertThat(record.getLong(STATE_SEEN)).as("RUNNING inside func").isEqualTo(2);
        }
    }

    @Test
    void rule2_2_afterFuncReturnsTheContextIsExitedItsStackUnmappedAndResumeIsAClearError() {
        Pointer record = TestNatives.words(4);
        try (NativeContext ctx = NativeContext.create(TestNatives.entry("nty_test_record"), record.address())) {
            ctx.resume();

            assertThat(ctx.state()).isEqualTo(NativeState.EXITED);
            assertThat(ctx.lastRequest()).contains(NativeRequest.EXIT);
            assertThat(ctx.mappingBase()).as("stack unmapped at exit").isZero();
            assertThatThrownBy(ctx::resume)
                    .isInstanceOf(NativeContextException.class)
                    .hasMessageContaining("EXITED")
                    .hasMessageContaining("§2.2");
            assertThat(record.getLong(CALLS)).as("func ran exactly once").isEqualTo(1);
        }
    }

    @Test
    void rule2_2_resumingOrInspectingAFreedContextIsAClearErrorAndFreeIsIdempotent() {
        NativeContext ctx = NativeContext.create(TestNatives.entry("nty_test_record"), 0);
        ctx.free();
        ctx.free();

        assertThat(ctx.state()).isEqualTo(NativeState.FREED);
        assertThatThrownBy(ctx::resume).isInstanceOf(NativeContextException.class)
                .hasMessageContaining("FREED");
        assertThatThrownBy(ctx::savedRdi).isInstanceOf(NativeContextException.class)
                .hasMessageContaining("freed");
    }

    @Test
    void rule2_4_funcEntryRspSatisfiesTheAbiAlignment() {
        Pointer out = TestNatives.words(2);
        out.putLong(0, -1);
        try (NativeContext ctx = NativeContext.create(NativeEntry.inSwitchLibrary("nty_probe_func_entry"), out.address())) {
            long base = ctx.mappingBase();
            long top = base + ctx.mappingSize();

            ctx.resume();

            assertThat(out.getLong(0)).as("(rsp + 8) %% 16 at func's first instruction").isZero();
            assertThat(out.getLong(8)).as("func runs on the coroutine's stack")
                    .isGreaterThan(base + ctx.guardSize()).isLessThan(top);
        }
    }

    @Test
    void resumingARunningCoroutineFromNativeCodeIsRefusedWithoutSwitching() {
        Pointer result = TestNatives.words(3);
        try (NativeContext ctx = NativeContext.create(TestNatives.entry("nty_test_resume_running"), result.address())) {
            assertThat(ctx.resume()).isEqualTo(NativeRequest.EXIT);
        }
        assertThat(result.getLong(0)).as("resume itself: NTY_ERR_RUNNING").isEqualTo(-3);
        assertThat(result.getLong(8)).as("a nested coroutine resumes its resumer: NTY_ERR_RUNNING")
                .isEqualTo(-3);
    }

    @Test
    void badInputIsRefusedWithAClearException() {
        NativeEntry entry = TestNatives.entry("nty_test_record");
        assertThatThrownBy(() -> NativeContext.create(null, 0)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("entry");
        assertThatThrownBy(() -> NativeContext.create(entry, 0, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stack size");
        assertThatThrownBy(() -> NativeEntry.ofAddress(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("null address");
        assertThatThrownBy(() -> TestNatives.entry("no_such_function"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no_such_function");
        assertThatThrownBy(() -> NtySwitch.symbolAddress("no_such_symbol"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no_such_symbol");
        try (NativeContext ctx = NativeContext.create(entry, TestNatives.words(4).address())) {
            assertThatThrownBy(() -> ctx.completeWait(1)).isInstanceOf(NativeContextException.class)
                    .hasMessageContaining("not suspended in a wait");
        }
    }
}
