package io.nty.nswitch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import jnr.ffi.Pointer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** §2.4 through the shipped probes of {@link NativeProbes}: what a conformance suite runs. */
class NativeProbesTest {

    /** byte offset of rbx from the start of the saved context (nty_switch_x86_64.S) */
    private static final int CTX_RBX = 24;

    @BeforeEach
    void nativeSwitch() {
        TestNatives.assumeAvailable();
    }

    @Test
    void entryProbeSeesTheCoroutineInRdiAndAlignedStacks() {
        assertThat(NativeProbes.entry().line())
                .isEqualTo("native entry rdi=ok trampoline-align=ok func-align=ok func-stack=ok");
    }

    @Test
    void calleeSavedProbeSeesEveryRegisterAndRspPreserved() {
        assertThat(NativeProbes.calleeSaved(500).line())
                .isEqualTo("native callee-saved rbx=ok rbp=ok r12=ok r13=ok r14=ok r15=ok rsp=ok rounds=ok");
    }

    @Test
    void fpControlProbeSeesPerContextModesAndAnUntouchedResumer() {
        assertThat(NativeProbes.fpControl(100).line())
                .isEqualTo("native fp-control mxcsr=ok x87-cw=ok resumer=ok rounds=ok");
    }

    @Test
    void guardPageProbeFindsAProtNonePageBelowTheStack() {
        assertThat(NativeProbes.guardPage().line()).isEqualTo("native guard-page prot-none=ok stack-rw=ok");
    }

    /** The probe is not vacuous: a saved rbx changed between switches is reported, and only rbx. */
    @Test
    void calleeSavedProbeReportsASavedRegisterChangedBetweenSwitches() {
        NativeProbeReport r = NativeProbes.calleeSaved(3, (ctx, round) -> {
            if (round == 1) {
                Pointer saved = Pointer.wrap(NtySwitch.loaded().runtime, ctx.address());
                long rbx = NtySwitch.loaded().layout.rsp() + CTX_RBX;
                saved.putLong(rbx, ~saved.getLong(rbx));
            }
        });

        assertThat(r.passed()).isFalse();
        assertThat(r.findings()).containsEntry("rbx", "clobbered").containsEntry("rbp", "ok")
                .containsEntry("rsp", "ok").containsEntry("rounds", "ok");
    }

    /**
     * The entry probe is not vacuous: a NEW context whose saved rsp is 8 bytes lower enters the
     * trampoline, and so func, misaligned, and both are reported (the coroutine itself survives:
     * neither the trampoline nor the probe's func needs the alignment).
     */
    @Test
    void entryProbeReportsAMisalignedInitialStack() {
        NativeProbeReport r = NativeProbes.entry(ctx -> Pointer.wrap(NtySwitch.loaded().runtime, ctx.address())
                .putLong(NtySwitch.loaded().layout.rsp(), ctx.savedRsp() - 8));

        assertThat(r.findings()).containsEntry("rdi", "ok").containsEntry("trampoline-align", "(rsp+8)%16=8")
                .containsEntry("func-align", "(rsp+8)%16=8").containsEntry("func-stack", "ok");
    }

    @Test
    void reportsAreOneLineAndRefuseFindingsThatWouldBreakIt() {
        assertThat(new NativeProbeReport("x", Map.of("a", "ok")).passed()).isTrue();
        assertThatThrownBy(() -> new NativeProbeReport("x", Map.of("a", "not ok")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one word");
        assertThatThrownBy(() -> NativeProbes.calleeSaved(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
