package io.nty.benchmarks;

import io.nty.api.Coroutines;
import io.nty.nswitch.NativeContext;
import io.nty.nswitch.NativeCoroutines;
import io.nty.nswitch.NativeEntry;
import io.nty.nswitch.NtySwitch;
import io.nty.scheduler.NtyScheduler;
import java.util.concurrent.TimeUnit;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Runtime;
import jnr.ffi.annotations.IgnoreError;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Resume + yield of a native coroutine from Java, bare and through the reference scheduler,
 * beside a Java coroutine's yield in the same scheduler. Linux x86_64 only (the native switch
 * library is built there).
 *
 * <p>Where the time of {@link #bareResumeYield} goes: {@link #nativeCallFloor} is the same kind
 * of jnr-ffi call into the same library doing nothing ({@code nty_switch_mxcsr_policy(-1)}); the
 * rest is the C resume + yield pair ({@code nty_switch_bench}'s {@code ns_per_resume_yield_pair})
 * and the state check and request decoding of {@link NativeContext#resume()}. Figures:
 * docs/performance.md.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-exports", "java.base/jdk.internal.vm=ALL-UNNAMED",
        "--enable-native-access=ALL-UNNAMED"})
public class NativeSwitchBenchmark {

    private static final int YIELDS = 10_000;

    /** One native coroutine that yields forever, resumed directly. */
    @State(Scope.Thread)
    public static class Bare {
        NativeContext context;

        @Setup(Level.Trial)
        public void create() {
            context = NativeContext.create(NativeEntry.inSwitchLibrary("nty_yield_loop"), 0);
        }

        @TearDown(Level.Trial)
        public void free() {
            context.free();
        }
    }

    /** The switch library bound a second time, for a call that does no work. */
    public interface Trivial {
        /** {@code nty_switch_mxcsr_policy}: with -1 it only reads a byte. */
        @IgnoreError
        int nty_switch_mxcsr_policy(int policy);
    }

    /** {@link Trivial}, loaded from the library the JVM already extracted and loaded. */
    @State(Scope.Thread)
    public static class Call {
        Trivial library;

        @Setup(Level.Trial)
        public void load() {
            library = LibraryLoader.create(Trivial.class).load(NtySwitch.libraryPath().toString());
        }
    }

    /** A scheduler on the benchmark thread and the yield counter of a native coroutine. */
    @State(Scope.Thread)
    public static class Scheduled {
        NtyScheduler scheduler;
        Pointer remaining;
        NativeEntry yieldLoop;

        @Setup(Level.Trial)
        public void open() {
            scheduler = NtyScheduler.create();
            remaining = Memory.allocateDirect(Runtime.getSystemRuntime(), 8);
            yieldLoop = NativeEntry.inSwitchLibrary("nty_yield_loop");
        }

        @TearDown(Level.Trial)
        public void close() {
            scheduler.close();
        }
    }

    /** The floor of {@link #bareResumeYield}: one jnr-ffi call into the library that does nothing. */
    @Benchmark
    public int nativeCallFloor(Call state) {
        return state.library.nty_switch_mxcsr_policy(-1);
    }

    /** One resume + yield pair: a JNI call, two switches, no scheduler. */
    @Benchmark
    public Object bareResumeYield(Bare state) {
        return state.context.resume();
    }

    /**
     * A native coroutine yielding through the scheduler: per operation one native
     * resume + yield, one Scheduler.yieldNow() of the hosting Java coroutine and its resume.
     * Creation and exit are amortised over {@value #YIELDS} yields.
     */
    @Benchmark
    @OperationsPerInvocation(YIELDS)
    public void scheduledNativeYield(Scheduled state) {
        state.remaining.putLong(0, YIELDS);
        NativeCoroutines.create(state.scheduler, state.yieldLoop, state.remaining.address());
        state.scheduler.run();
    }

    /** The Java baseline for {@link #scheduledNativeYield}: a Java coroutine yielding. */
    @Benchmark
    @OperationsPerInvocation(YIELDS)
    public void scheduledJavaYield(Scheduled state) {
        state.scheduler.create(n -> {
            for (int i = 0; i < n; i++) {
                Coroutines.yield();
            }
        }, YIELDS);
        state.scheduler.run();
    }
}
