package io.nty.conformance.reference;

import io.nty.conformance.NativeContexts;
import io.nty.conformance.NativeProbe;
import io.nty.nswitch.NativeProbes;
import io.nty.nswitch.NtySwitch;

/**
 * nty-switch-x86_64's native contexts as {@link NativeContexts}: each probe runs the probe entries
 * shipped in {@code libntyswitch.so} through {@link NativeProbes}, in this process.
 *
 * <p>nty-switch-x86_64 is an optional dependency: this class is loaded only after
 * {@link NtyReferenceProvider} found it on the class path, so the suite runs (with §2.4 not
 * verified) without it.
 */
final class NtyNativeContexts implements NativeContexts {

    /** Switches per context in the register probe: enough for the JVM to run in between many times. */
    private static final int REGISTER_ROUNDS = 2_000;
    private static final int FP_ROUNDS = 200;

    /**
     * Call only when nty-switch-x86_64 is on the class path ({@link NtyReferenceProvider} checks).
     *
     * @return whether the native switch works on this platform
     */
    static boolean isAvailable() {
        return NtySwitch.isAvailable();
    }

    @Override
    public String probe(NativeProbe probe) {
        return switch (probe) {
            case ENTRY -> NativeProbes.entry().line();
            case CALLEE_SAVED -> NativeProbes.calleeSaved(REGISTER_ROUNDS).line();
            case FP_CONTROL -> NativeProbes.fpControl(FP_ROUNDS).line();
            case GUARD_PAGE -> NativeProbes.guardPage().line();
        };
    }
}
