package io.nty.benchmarks;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Create + first run + exit, {@value #BATCH} at a time: one operation is one coroutine created,
 * entered through {@code _exec}, returning and freed. The peer starts and finishes the same
 * number of virtual threads on one carrier.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {
        "--add-exports", "java.base/jdk.internal.vm=ALL-UNNAMED",
        "-Djdk.virtualThreadScheduler.parallelism=1",
        "-Djdk.virtualThreadScheduler.maxPoolSize=1"})
public class SpawnBenchmark {

    static final int BATCH = 1_000;

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void nty(SchedulerState state, Blackhole bh) {
        for (int i = 0; i < BATCH; i++) {
            state.scheduler.create(bh::consume, i);
        }
        state.scheduler.run();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void virtualThreads(Blackhole bh) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(BATCH);
        for (int i = 0; i < BATCH; i++) {
            int n = i;
            Thread.ofVirtual().start(() -> {
                bh.consume(n);
                done.countDown();
            });
        }
        done.await();
    }
}
