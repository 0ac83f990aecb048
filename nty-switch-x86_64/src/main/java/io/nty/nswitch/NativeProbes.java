package io.nty.nswitch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;

/**
 * Runs the §2.4 probe entries shipped in the switch library ({@code nty_probes.h}) on real native
 * coroutines and reports what they observed, so a conformance suite can check rule §2.4 against
 * the library itself: rdi at the trampoline's entry, stack alignment at the trampoline's and at
 * func's entry, callee-saved registers and rsp across switches, per-context MXCSR and x87 control
 * word, and the guard page below each stack.
 *
 * <p>A stack overflow itself is not provoked here: it kills the process (by design), so the probe
 * checks the guard page's existence and protection in {@code /proc/self/maps}, and the module's
 * separate program {@code nty_stack_overflow_test} proves the fault.
 *
 * <p>Calls are serialised (the trampoline spy records into one global), and each probe frees the
 * contexts it made. Every method throws {@link io.nty.api.ContextSwitchUnavailableException} if
 * the native switch is unavailable.
 */
public final class NativeProbes {

    /** Rounding modes (MXCSR bits 13-14, x87 CW bits 10-11). */
    private static final int DOWN = 1;
    private static final int UP = 2;
    private static final int TOWARD_ZERO = 3;
    private static final String[] REGISTERS = {"rbx", "rbp", "r12", "r13", "r14", "r15"};
    private static final long PROBE_STACK = 64 * 1024;

    private NativeProbes() {
    }

    /**
     * §2.4 entry: the first resume of a NEW coroutine enters the trampoline with the coroutine in
     * {@code rdi} and {@code (rsp + 8) % 16 == 0}, and func is entered ABI-aligned on the
     * coroutine's stack.
     *
     * @return findings {@code rdi}, {@code trampoline-align}, {@code func-align}, {@code func-stack}
     */
    public static NativeProbeReport entry() {
        return entry(ctx -> { });
    }

    /**
     * {@link #entry()} with a hook run on the NEW context just before its first resume: the
     * module's tests misalign its saved rsp there to prove the probe notices.
     */
    static synchronized NativeProbeReport entry(Consumer<NativeContext> beforeFirstResume) {
        Pointer out = words(2);
        out.putLong(0, -1);
        Pointer seen = Pointer.wrap(NtySwitch.loaded().runtime, NtySwitch.symbolAddress("nty_probe_exec_seen"));
        seen.putLong(0, 0);
        seen.putLong(8, -1);
        try (NativeContext ctx = NativeContext.create(NativeEntry.inSwitchLibrary("nty_probe_func_entry"),
                out.address(), PROBE_STACK)) {
            long stackLow = ctx.mappingBase() + ctx.guardSize();
            long stackTop = ctx.mappingBase() + ctx.mappingSize();
            saved(ctx).putLong(NtySwitch.loaded().layout.rip(), NtySwitch.symbolAddress("nty_probe_exec_spy"));
            beforeFirstResume.accept(ctx);
            ctx.resume();
            Map<String, String> f = new LinkedHashMap<>();
            f.put("rdi", seen.getLong(0) == ctx.address() ? NativeProbeReport.OK : hex(seen.getLong(0)));
            f.put("trampoline-align", alignment(seen.getLong(8)));
            f.put("func-align", alignment(out.getLong(0)));
            long rsp = out.getLong(8);
            f.put("func-stack", rsp > stackLow && rsp < stackTop ? NativeProbeReport.OK : hex(rsp));
            return new NativeProbeReport("entry", f);
        }
    }

    /**
     * §2.4 callee-saved registers: two contexts load different random values into rbx, rbp,
     * r12–r15 and switch out {@code rounds} times each, alternately, through {@code nty_switch}
     * directly; after every switch back the values must be theirs, and rsp unchanged.
     *
     * @param rounds switches per context, {@code > 0}
     * @return findings {@code rbx} … {@code r15}, {@code rsp}, {@code rounds}
     */
    public static NativeProbeReport calleeSaved(int rounds) {
        return calleeSaved(rounds, (ctx, round) -> { });
    }

    /**
     * {@link #calleeSaved(int)} with a hook run on each context between its switches: the module's
     * tests change a saved register there to prove the probe notices.
     */
    static synchronized NativeProbeReport calleeSaved(int rounds, BiConsumer<NativeContext, Integer> betweenRounds) {
        requirePositive(rounds);
        SplittableRandom random = new SplittableRandom();
        List<Pointer> records = List.of(registers(random, rounds), registers(random, rounds));
        NativeEntry entry = NativeEntry.inSwitchLibrary("nty_probe_callee_saved");
        try (NativeContext a = NativeContext.create(entry, records.get(0).address(), PROBE_STACK);
             NativeContext b = NativeContext.create(entry, records.get(1).address(), PROBE_STACK)) {
            for (int i = 0; i <= rounds; i++) {
                for (NativeContext c : List.of(a, b)) {
                    c.resume();
                    if (c.state() == NativeState.SUSPENDED) {
                        betweenRounds.accept(c, i);
                    }
                }
            }
        }
        return registerReport(records, rounds);
    }

    /**
     * §2.4 floating-point control: two contexts set different MXCSR rounding modes and x87
     * rounding controls and check them after each of {@code rounds} resumes (reading the control
     * words and rounding 2.5 with SSE and x87); the resuming thread's own modes must not change.
     *
     * @param rounds resumes per context, {@code > 0}
     * @return findings {@code mxcsr}, {@code x87-cw}, {@code resumer}, {@code rounds}
     */
    public static synchronized NativeProbeReport fpControl(int rounds) {
        requirePositive(rounds);
        Pointer a = fpControl(TOWARD_ZERO, UP, rounds);
        Pointer b = fpControl(UP, DOWN, rounds);
        LibNtySwitch lib = NtySwitch.loaded().library;
        long resumerBefore = lib.nty_probe_thread_fp_control();
        long resumerChanges = 0;
        NativeEntry entry = NativeEntry.inSwitchLibrary("nty_probe_fp_control");
        try (NativeContext ca = NativeContext.create(entry, a.address(), PROBE_STACK);
             NativeContext cb = NativeContext.create(entry, b.address(), PROBE_STACK)) {
            for (int i = 0; i <= rounds; i++) {
                ca.resume();
                cb.resume();
                resumerChanges += lib.nty_probe_thread_fp_control() != resumerBefore ? 1 : 0;
            }
        }
        Map<String, String> f = new LinkedHashMap<>();
        f.put("mxcsr", fpFinding(a, b, FpRecord.MXCSR_MISMATCHES, FpRecord.SSE_ROUNDED, 2, 3));
        f.put("x87-cw", fpFinding(a, b, FpRecord.FPUCW_MISMATCHES, FpRecord.X87_ROUNDED, 3, 2));
        f.put("resumer", resumerChanges == 0 ? NativeProbeReport.OK : "changed-" + resumerChanges + "-times");
        f.put("rounds", completed(rounds, a.getLong(FpRecord.COMPLETED), b.getLong(FpRecord.COMPLETED)));
        return new NativeProbeReport("fp-control", f);
    }

    /**
     * §2.4 guard page: a new context's stack has a {@code PROT_NONE} page right below it, as
     * {@code /proc/self/maps} shows, and the stack above it is readable and writable.
     *
     * @return findings {@code prot-none}, {@code stack-rw}
     */
    public static synchronized NativeProbeReport guardPage() {
        try (NativeContext ctx = NativeContext.create(NativeEntry.inSwitchLibrary("nty_yield_loop"), 0, PROBE_STACK)) {
            List<String> maps = procSelfMaps();
            long base = ctx.mappingBase();
            long stackLow = base + ctx.guardSize();
            Map<String, String> f = new LinkedHashMap<>();
            f.put("prot-none", protection(maps, base, stackLow, "---"));
            f.put("stack-rw", protection(maps, stackLow, base + ctx.mappingSize(), "rw"));
            return new NativeProbeReport("guard-page", f);
        }
    }

    private static NativeProbeReport registerReport(List<Pointer> records, int rounds) {
        long mask = 0;
        long rspMismatches = 0;
        for (Pointer r : records) {
            mask |= r.getLong(RegisterRecord.MISMATCH_MASK);
            rspMismatches += r.getLong(RegisterRecord.RSP_MISMATCHES);
        }
        Map<String, String> f = new LinkedHashMap<>();
        for (int i = 0; i < REGISTERS.length; i++) {
            f.put(REGISTERS[i], (mask & (1L << i)) == 0 ? NativeProbeReport.OK : "clobbered");
        }
        f.put("rsp", rspMismatches == 0 ? NativeProbeReport.OK : "moved-in-" + rspMismatches + "-rounds");
        f.put("rounds", completed(rounds, records.get(0).getLong(RegisterRecord.COMPLETED),
                records.get(1).getLong(RegisterRecord.COMPLETED)));
        return new NativeProbeReport("callee-saved", f);
    }

    /** {@return ok if neither context saw a wrong rounding mode and both rounded 2.5 as their mode says} */
    private static String fpFinding(Pointer a, Pointer b, long mismatches, long rounded, long aExpected, long bExpected) {
        long wrong = a.getLong(mismatches) + b.getLong(mismatches);
        if (wrong != 0) {
            return "wrong-mode-in-" + wrong + "-rounds";
        }
        if (a.getLong(rounded) != aExpected || b.getLong(rounded) != bExpected) {
            return "rint(2.5)=" + a.getLong(rounded) + "," + b.getLong(rounded);
        }
        return NativeProbeReport.OK;
    }

    private static String completed(int rounds, long a, long b) {
        return a == rounds && b == rounds ? NativeProbeReport.OK : a + "," + b + "-of-" + rounds;
    }

    /** {@return ok if one mapping covers [from, to) with permissions starting {@code perms}, else what covers {@code from}} */
    private static String protection(List<String> maps, long from, long to, String perms) {
        for (String line : maps) {
            String[] w = line.split("\\s+");
            String[] range = w[0].split("-");
            long lo = Long.parseUnsignedLong(range[0], 16);
            long hi = Long.parseUnsignedLong(range[1], 16);
            if (lo <= from && from < hi) {
                return hi >= to && w[1].startsWith(perms) ? NativeProbeReport.OK : w[0] + ":" + w[1];
            }
        }
        return "unmapped-" + hex(from);
    }

    private static List<String> procSelfMaps() {
        try {
            return Files.readAllLines(Path.of("/proc/self/maps"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read /proc/self/maps to find the guard page", e);
        }
    }

    private static String alignment(long rspPlus8Mod16) {
        return rspPlus8Mod16 == 0 ? NativeProbeReport.OK : "(rsp+8)%16=" + rspPlus8Mod16;
    }

    private static Pointer registers(SplittableRandom random, int rounds) {
        Pointer p = words(RegisterRecord.WORDS);
        for (int i = 0; i < REGISTERS.length; i++) {
            p.putLong(8L * i, random.nextLong());
        }
        p.putLong(RegisterRecord.ROUNDS, rounds);
        return p;
    }

    private static Pointer fpControl(int sseMode, int x87Mode, int rounds) {
        Pointer p = words(FpRecord.WORDS);
        p.putLong(FpRecord.SSE_RC, sseMode);
        p.putLong(FpRecord.X87_RC, x87Mode);
        p.putLong(FpRecord.ROUNDS, rounds);
        return p;
    }

    private static Pointer saved(NativeContext ctx) {
        return Pointer.wrap(NtySwitch.loaded().runtime, ctx.address());
    }

    private static Pointer words(int words) {
        return Memory.allocateDirect(NtySwitch.loaded().runtime, words * 8L, true);
    }

    private static void requirePositive(int rounds) {
        if (rounds <= 0) {
            throw new IllegalArgumentException("rounds must be positive: " + rounds);
        }
    }

    private static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }

    /** Byte offsets in {@code struct nty_probe_registers} (nty_probes.h). */
    static final class RegisterRecord {
        static final int WORDS = 17;
        static final long ROUNDS = 48;
        static final long COMPLETED = 56;
        static final long MISMATCHES = 64;
        static final long SEEN = 72;
        static final long MISMATCH_MASK = 120;
        static final long RSP_MISMATCHES = 128;

        private RegisterRecord() {
        }
    }

    /** Byte offsets in {@code struct nty_probe_fp_control} (nty_probes.h). */
    static final class FpRecord {
        static final int WORDS = 11;
        static final long SSE_RC = 0;
        static final long X87_RC = 8;
        static final long ROUNDS = 16;
        static final long COMPLETED = 24;
        static final long MISMATCHES = 32;
        static final long SSE_ROUNDED = 40;
        static final long X87_ROUNDED = 48;
        static final long MXCSR_MISMATCHES = 72;
        static final long FPUCW_MISMATCHES = 80;

        private FpRecord() {
        }
    }
}
