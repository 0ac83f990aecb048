package io.nty.benchmarks;

import io.nty.scheduler.NtyScheduler;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One {@link NtyScheduler} per benchmark thread, for the whole trial: JMH runs the setup on the
 * benchmark thread, so the scheduler belongs to the thread that runs the benchmark (§5.1).
 */
@State(Scope.Thread)
public class SchedulerState {

    NtyScheduler scheduler;

    @Setup
    public void open() {
        scheduler = NtyScheduler.create();
    }

    @TearDown
    public void close() {
        scheduler.close();
    }
}
