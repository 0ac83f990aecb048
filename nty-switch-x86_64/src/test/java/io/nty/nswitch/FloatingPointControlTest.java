package io.nty.nswitch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import jnr.ffi.Pointer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * §2.4: MXCSR and the x87 control word are per context. Two coroutines set different rounding
 * modes and, after every resume, check the control words and round 2.5 with SSE and x87; the
 * Java thread that resumes them must keep its own (default) modes throughout. Run under both
 * MXCSR policies of the switch ({@code nty_switch_mxcsr_policy}: compare-then-load, and always
 * load), and with contexts that differ from each other and from the thread in only one of the
 * two control words, so each compare-and-skip is checked on its own.
 */
class FloatingPointControlTest {

    /** struct nty_probe_fp_control: sse_rc, x87_rc, rounds, completed, mismatches, sse_rounded, x87_rounded, ... */
    private static final int SSE_RC = 0;
    private static final int X87_RC = 8;
    private static final int ROUNDS = 16;
    private static final int COMPLETED = 24;
    private static final int MISMATCHES = 32;
    private static final int SSE_ROUNDED = 40;
    private static final int X87_ROUNDED = 48;

    private static final int NEAREST = 0;
    private static final int DOWN = 1;
    private static final int UP = 2;
    private static final int TOWARD_ZERO = 3;

    private static final int POLICY_QUERY = -1;
    private static final int POLICY_COMPARE = 0;
    private static final int POLICY_LOAD = 1;

    private int policyBefore;

    @BeforeEach
    void nativeSwitch() {
        TestNatives.assumeAvailable();
        policyBefore = lib().nty_switch_mxcsr_policy(POLICY_QUERY);
    }

    @AfterEach
    void restorePolicy() {
        lib().nty_switch_mxcsr_policy(policyBefore);
    }

    static Stream<Arguments> policiesAndModes() {
        Stream.Builder<Arguments> cases = Stream.builder();
        for (int policy : new int[] {POLICY_COMPARE, POLICY_LOAD}) {
            cases.add(Arguments.of(policy, TOWARD_ZERO, UP, UP, DOWN));         // both words differ everywhere
            cases.add(Arguments.of(policy, TOWARD_ZERO, NEAREST, NEAREST, NEAREST)); // only MXCSR differs, in one context
            cases.add(Arguments.of(policy, NEAREST, UP, NEAREST, NEAREST));     // only the x87 word differs, in one context
            cases.add(Arguments.of(policy, DOWN, DOWN, DOWN, DOWN));            // the two contexts agree, the thread does not
        }
        return cases.build();
    }

    @Test
    void rule2_4_mxcsrPolicyIsProcessWideAndQueryable() {
        assertThat(policyBefore).isIn(POLICY_COMPARE, POLICY_LOAD);
        assertThat(lib().nty_switch_mxcsr_policy(POLICY_COMPARE)).isEqualTo(POLICY_COMPARE);
        assertThat(lib().nty_switch_mxcsr_policy(POLICY_QUERY)).isEqualTo(POLICY_COMPARE);
        assertThat(lib().nty_switch_mxcsr_policy(POLICY_LOAD)).isEqualTo(POLICY_LOAD);
        assertThat(lib().nty_switch_mxcsr_policy(POLICY_QUERY)).isEqualTo(POLICY_LOAD);
        assertThat(lib().nty_switch_mxcsr_policy(7)).as("NTY_ERR_ARG").isEqualTo(-5);
    }

    @ParameterizedTest(name = "policy {0}: A sse={1} x87={2}, B sse={3} x87={4}")
    @MethodSource("policiesAndModes")
    void rule2_4_mxcsrRoundingModeAndX87ControlWordStayPerContext(int policy, int sseA, int x87A, int sseB, int x87B) {
        assertThat(lib().nty_switch_mxcsr_policy(policy)).isEqualTo(policy);
        int rounds = 200;
        Pointer a = fpenv(sseA, x87A, rounds);
        Pointer b = fpenv(sseB, x87B, rounds);
        long threadBefore = NtySwitch.loaded().library.nty_probe_thread_fp_control();
        NativeEntry entry = NativeEntry.inSwitchLibrary("nty_probe_fp_control");
        try (NativeContext ca = NativeContext.create(entry, a.address());
             NativeContext cb = NativeContext.create(entry, b.address())) {
            for (int i = 0; i <= rounds; i++) {
                ca.resume();
                cb.resume();
                assertThat(NtySwitch.loaded().library.nty_probe_thread_fp_control())
                        .as("the resuming Java thread keeps its own MXCSR and x87 control word")
                        .isEqualTo(threadBefore);
                if (i == 0) {
                    assertThat((ca.savedMxcsr() >> 13) & 3).isEqualTo(sseA);
                    assertThat((cb.savedX87ControlWord() >> 10) & 3).isEqualTo(x87B);
                }
            }
        }
        assertThat(roundingBits(threadBefore)).as("Java runs with round-to-nearest").isEqualTo(NEAREST);
        assertResults(a, rounds, rint(sseA), rint(x87A));
        assertResults(b, rounds, rint(sseB), rint(x87B));
    }

    /** 2.5 rounded under a rounding-control value: 2 (nearest even, down, toward zero) or 3 (up). */
    private static long rint(int mode) {
        return mode == UP ? 3 : 2;
    }

    private static LibNtySwitch lib() {
        return NtySwitch.loaded().library;
    }

    private static void assertResults(Pointer f, int rounds, long sseRounded, long x87Rounded) {
        assertThat(f.getLong(COMPLETED)).isEqualTo(rounds);
        assertThat(f.getLong(MISMATCHES)).isZero();
        assertThat(f.getLong(SSE_ROUNDED)).as("SSE rint(2.5)").isEqualTo(sseRounded);
        assertThat(f.getLong(X87_ROUNDED)).as("x87 rint(2.5)").isEqualTo(x87Rounded);
    }

    private static int roundingBits(long threadFpenv) {
        int mxcsr = (int) threadFpenv;
        int cw = (int) (threadFpenv >>> 32) & 0xffff;
        return ((mxcsr >> 13) & 3) | ((cw >> 10) & 3);
    }

    private static Pointer fpenv(int sseMode, int x87Mode, int rounds) {
        Pointer p = TestNatives.words(NativeProbes.FpRecord.WORDS);
        p.putLong(SSE_RC, sseMode);
        p.putLong(X87_RC, x87Mode);
        p.putLong(ROUNDS, rounds);
        return p;
    }
}
