package io.nty.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nty.api.Coroutines;
import io.nty.api.IoEvents;
import io.nty.api.Scheduler;
import io.nty.api.WrongThreadException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/** §5 threads. */
class Rule5ThreadsTest extends SchedulerFixture {

    @Test
    void rule5_1_oneSchedulerPerThread() {
        assertThat(Scheduler.ofCurrentThread()).containsSame(scheduler);
        assertThatThrownBy(NtyScheduler::create)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already has an open scheduler")
                .hasMessageContaining("§5.1");
        scheduler.close();
        assertThat(Scheduler.ofCurrentThread()).isEmpty();
        scheduler = NtyScheduler.create();
        assertThat(Scheduler.ofCurrentThread()).containsSame(scheduler);
    }

    @Test
    void rule5_1_coroutinesRunOnlyOnTheSchedulersThread() {
        List<Thread> seen = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            scheduler.create(a -> {
                seen.add(Thread.currentThread());
                Coroutines.yield();
                Coroutines.sleep(10);
                seen.add(Thread.currentThread());
            }, null);
        }
        scheduler.run();
        assertThat(seen).hasSize(6).containsOnly(Thread.currentThread());
    }

    @Test
    void rule5_1_otherThreadsCannotDriveTheScheduler() throws Exception {
        List<Throwable> thrown = new ArrayList<>();
        Thread other = new Thread(() -> {
            for (Runnable call : List.<Runnable>of(
                    () -> scheduler.create(a -> { }, null),
                    scheduler::run,
                    scheduler::yieldNow,
                    () -> scheduler.sleep(1),
                    () -> scheduler.await(1, IoEvents.READ, 0),
                    () -> scheduler.fdClosed(1),
                    scheduler::current,
                    scheduler::close)) {
                try {
                    call.run();
                } catch (Throwable t) {
                    thrown.add(t);
                }
            }
        }, "intruder");
        other.start();
        other.join();

        assertThat(thrown).hasSize(8).allSatisfy(t -> assertThat(t)
                .isInstanceOf(WrongThreadException.class)
                .hasMessageContaining("'intruder'")
                .hasMessageContaining("§5.1"));
        assertThat(scheduler.isClosed()).isFalse();
    }

    @Test
    void rule5_2_aSchedulerIsAnExecutor() {
        Executor executor = scheduler;
        executor.execute(() -> log("task 1"));
        executor.execute(() -> log("task 2"));
        assertThat(trace).isEmpty();

        scheduler.run();

        assertThat(trace).containsExactly("task 1", "task 2");
    }

    @Test
    void rule5_2_tasksAreCoroutinesAndMaySuspend() {
        scheduler.execute(() -> {
            log("t1 " + Coroutines.current().orElseThrow().id());
            Coroutines.sleep(10);
            log("t1 at " + now());
        });
        scheduler.run();
        assertThat(trace).containsExactly("t1 0", "t1 at 10");
    }
}
