package io.nty.nswitch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import jnr.ffi.Pointer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * §2.4: every switch preserves rbx, rbp, r12–r15 per context. Each context runs the assembly
 * probe entry nty_probe_callee_saved (shipped in the library, nty_probes.h): it loads its own random values into those six registers,
 * switches out through nty_switch directly, and checks them when switched back in. In between,
 * the other context loads different values and the JVM runs, so only nty_switch can have
 * restored them.
 */
class CalleeSavedRegistersTest {

    /** struct nty_probe_registers: vals[6], rounds, completed, mismatches, seen[6], mask, rsp_mismatches */
    private static final int ROUNDS = 48;
    private static final int COMPLETED = 56;
    private static final int MISMATCHES = 64;
    private static final int SEEN = 72;
    /** byte offset of rbx from the start of the saved context (nty_switch_x86_64.S) */
    private static final int CTX_RBX = 24;

    @BeforeEach
    void nativeSwitch() {
        TestNatives.assumeAvailable();
    }

    @Test
    void rule2_4_calleeSavedRegistersSurviveSwitchesWhileAnotherContextScribblesOnThem() {
        SplittableRandom random = new SplittableRandom();
        int rounds = 2000;
        Pointer a = registers(random, rounds);
        Pointer b = registers(random, rounds);
        NativeEntry entry = NativeEntry.inSwitchLibrary("nty_probe_callee_saved");
        try (NativeContext ca = NativeContext.create(entry, a.address());
             NativeContext cb = NativeContext.create(entry, b.address())) {
            for (int i = 0; i <= rounds; i++) {
                ca.resume();
                cb.resume();
            }
            assertThat(ca.state()).isEqualTo(NativeState.EXITED);
            assertThat(cb.state()).isEqualTo(NativeState.EXITED);
        }
        for (Pointer r : new Pointer[] {a, b}) {
            assertThat(r.getLong(COMPLETED)).isEqualTo(rounds);
            assertThat(r.getLong(MISMATCHES)).isZero();
            for (int i = 0; i < 6; i++) {
                assertThat(r.getLong(SEEN + 8L * i)).as("register %d", i).isEqualTo(r.getLong(8L * i));
            }
        }
    }

    /** The check is not vacuous: a value changed in the saved context is what the coroutine sees. */
    @Test
    void rule2_4_registersComeBackFromTheSavedContext() {
        Pointer r = registers(new SplittableRandom(), 1);
        try (NativeContext ctx = NativeContext.create(NativeEntry.inSwitchLibrary("nty_probe_callee_saved"), r.address())) {
            ctx.resume();
            long saved = readSavedRbx(ctx);
            assertThat(saved).as("saved rbx = the value the routine loaded").isEqualTo(r.getLong(0));
            writeSavedRbx(ctx, ~saved);

            ctx.resume();

            assertThat(r.getLong(SEEN)).isEqualTo(~saved);
            assertThat(r.getLong(MISMATCHES)).isEqualTo(1);
        }
    }

    private static Pointer registers(SplittableRandom random, int rounds) {
        Pointer p = TestNatives.words(NativeProbes.RegisterRecord.WORDS);
        for (int i = 0; i < 6; i++) {
            p.putLong(8L * i, random.nextLong());
        }
        p.putLong(ROUNDS, rounds);
        return p;
    }

    private static long readSavedRbx(NativeContext ctx) {
        return Pointer.wrap(jnr.ffi.Runtime.getSystemRuntime(), ctx.address()).getLong(savedRbxOffset());
    }

    private static void writeSavedRbx(NativeContext ctx, long value) {
        Pointer.wrap(jnr.ffi.Runtime.getSystemRuntime(), ctx.address()).putLong(savedRbxOffset(), value);
    }

    /** The saved context starts at its rsp field, wherever the coroutine struct puts it. */
    private static long savedRbxOffset() {
        return NtySwitch.loaded().layout.rsp() + CTX_RBX;
    }
}
