package io.nty.nswitch;

import static org.assertj.core.api.Assertions.assertThat;

import jnr.ffi.Pointer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * §2.4: MXCSR and the x87 control word are per context. Two coroutines set different rounding
 * modes and, after every resume, check the control words and round 2.5 with SSE and x87; the
 * Java thread that resumes them must keep its own (default) modes throughout.
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

    @BeforeEach
    void nativeSwitch() {
        TestNatives.assumeAvailable();
    }

    @Test
    void rule2_4_mxcsrRoundingModeAndX87ControlWordStayPerContext() {
        int rounds = 200;
        Pointer a = fpenv(TOWARD_ZERO, UP, rounds);
        Pointer b = fpenv(UP, DOWN, rounds);
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
                    assertThat((ca.savedMxcsr() >> 13) & 3).isEqualTo(TOWARD_ZERO);
                    assertThat((cb.savedX87ControlWord() >> 10) & 3).isEqualTo(DOWN);
                }
            }
        }
        assertThat(roundingBits(threadBefore)).as("Java runs with round-to-nearest").isEqualTo(NEAREST);
        assertResults(a, rounds, 2, 3);
        assertResults(b, rounds, 3, 2);
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
