package io.nty.conformance;

import java.util.Arrays;
import java.util.Optional;

/**
 * The §2.4 probes an implementation with {@link Capability#NATIVE_CONTEXTS} runs on its native
 * contexts ({@link NativeContexts}), each with the one result line a conforming implementation
 * reports. A finding other than {@code ok} names what was observed instead, e.g.
 * {@code rbx=clobbered} or {@code func-align=(rsp+8)%16=8}.
 */
public enum NativeProbe {
    /** rdi holds the coroutine at trampoline entry; rsp is ABI-aligned there and at func entry, on the coroutine's stack. */
    ENTRY("entry", "native entry rdi=ok trampoline-align=ok func-align=ok func-stack=ok",
            "the first resume must enter the trampoline with the coroutine in rdi and (rsp+8)%16 == 0,"
                    + " and func with (rsp+8)%16 == 0 on the coroutine's stack"),
    /** Two contexts switching alternately each keep their own rbx, rbp, r12–r15, and rsp. */
    CALLEE_SAVED("callee-saved", "native callee-saved rbx=ok rbp=ok r12=ok r13=ok r14=ok r15=ok rsp=ok rounds=ok",
            "every switch must preserve rbx, rbp, r12-r15 and rsp per context"),
    /** Two contexts with different rounding modes each keep theirs; the resumer keeps its own. */
    FP_CONTROL("fp-control", "native fp-control mxcsr=ok x87-cw=ok resumer=ok rounds=ok",
            "every switch must preserve MXCSR and the x87 control word per context"),
    /** A PROT_NONE page lies right below every context's stack. */
    GUARD_PAGE("guard-page", "native guard-page prot-none=ok stack-rw=ok",
            "a stack overflow must hit a PROT_NONE guard page right below the stack");

    private final String probeName;
    private final String expected;
    private final String requirement;

    NativeProbe(String probeName, String expected, String requirement) {
        this.probeName = probeName;
        this.expected = expected;
        this.requirement = requirement;
    }

    /** {@return the name in the driver protocol's {@code native-probe NAME}} */
    public String probeName() {
        return probeName;
    }

    /** {@return the result line of a conforming implementation} */
    public String expected() {
        return expected;
    }

    /** {@return what §2.4 requires here, for failure messages} */
    public String requirement() {
        return requirement;
    }

    /**
     * {@return the probe, or empty if there is none by that name}
     *
     * @param name a {@link #probeName()}
     */
    public static Optional<NativeProbe> ofName(String name) {
        return Arrays.stream(values()).filter(p -> p.probeName.equals(name)).findFirst();
    }
}
