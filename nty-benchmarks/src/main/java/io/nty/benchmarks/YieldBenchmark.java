package io.nty.benchmarks;

import io.nty.api.Coroutines;
import jdk.internal.vm.Continuation;
import jdk.internal.vm.ContinuationScope;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Yield + resume with {@value #COROUTINES} coroutines: each yields {@value #YIELDS} times, so one
 * operation is one yield and the resume that follows it. The peer is the same workload on
 * virtual threads ({@code Thread.yield()} on one carrier). Creation is amortized over the yields.
 * {@code bareContinuation} is the floor: the same round-robin over raw continuations, with no
 * scheduler, so {@code nty - bareContinuation} is what the scheduler itself costs.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {
        "--add-exports", "java.base/jdk.internal.vm=ALL-UNNAMED",
        "-Djdk.virtualThreadScheduler.parallelism=1",
        "-Djdk.virtualThreadScheduler.maxPoolSize=1"})
public class YieldBenchmark {

    static final int COROUTINES = 100;
    static final int YIELDS = 1_000;

    @Benchmark
    @OperationsPerInvocation(COROUTINES * YIELDS)
    public void nty(SchedulerState state) {
        for (int i = 0; i < COROUTINES; i++) {
            state.scheduler.create(YieldBenchmark::yieldRepeatedly, null);
        }
        state.scheduler.run();
    }

    @Benchmark
    @OperationsPerInvocation(COROUTINES * YIELDS)
    public void virtualThreads() throws InterruptedException {
        Thread[] threads = new Thread[COROUTINES];
        for (int i = 0; i < COROUTINES; i++) {
            threads[i] = Thread.ofVirtual().start(YieldBenchmark::threadYieldRepeatedly);
        }
        for (Thread t : threads) {
            t.join();
        }
    }

    @Benchmark
    @OperationsPerInvocation(COROUTINES * YIELDS)
    public void bareContinuation() {
        Continuation[] ring = new Continuation[COROUTINES];
        for (int i = 0; i < COROUTINES; i++) {
            ring[i] = new Continuation(SCOPE, YieldBenchmark::bareYieldRepeatedly);
        }
        int live = COROUTINES;
        while (live > 0) {
            live = 0;
            for (Continuation c : ring) {
                if (!c.isDone()) {
                    c.run();
                    live++;
                }
            }
        }
    }

    private static final ContinuationScope SCOPE = new ContinuationScope("bare");

    private static void bareYieldRepeatedly() {
        for (int i = 0; i < YIELDS; i++) {
            Continuation.yield(SCOPE);
        }
    }

    private static void yieldRepeatedly(Object unused) {
        for (int i = 0; i < YIELDS; i++) {
            Coroutines.yield();
        }
    }

    private static void threadYieldRepeatedly() {
        for (int i = 0; i < YIELDS; i++) {
            Thread.yield();
        }
    }
}
