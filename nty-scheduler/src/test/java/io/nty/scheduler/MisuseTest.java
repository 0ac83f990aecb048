package io.nty.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nty.api.CoroutinePinnedException;
import io.nty.api.Coroutines;
import io.nty.api.SchedulerClosedException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import jdk.internal.vm.Continuation;
import org.junit.jupiter.api.Test;

/** Bad input and misuse: each gets an exception that names the problem, never a hang or crash. */
class MisuseTest extends SchedulerFixture {

    @Test
    void nullFunctionIsRejected() {
        assertThatThrownBy(() -> scheduler.create(null, "x"))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("func");
        assertThatThrownBy(() -> scheduler.execute(null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("task");
    }

    @Test
    void negativeSleepIsRejectedAndTheCoroutineKeepsRunning() {
        scheduler.create(a -> {
            assertThatThrownBy(() -> Coroutines.sleep(-1))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1 ms");
            assertThatThrownBy(() -> scheduler.sleep(java.time.Duration.ofMillis(-3)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
            log("still running");
        }, null);
        scheduler.run();
        assertThat(trace).containsExactly("still running");
    }

    @Test
    void runReenteredFromACoroutineIsRejected() {
        scheduler.create(a -> {
            assertThatThrownBy(scheduler::run)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("re-entered")
                    .hasMessageContaining("coroutine 0");
            log("survived");
        }, null);
        scheduler.run();
        assertThat(trace).containsExactly("survived");
    }

    @Test
    void closeWhileRunningIsRejected() {
        scheduler.create(a -> {
            assertThatThrownBy(scheduler::close).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("while");
            log("survived");
        }, null);
        scheduler.run();
        assertThat(trace).containsExactly("survived");
        assertThat(scheduler.isClosed()).isFalse();
    }

    @Test
    void operationsAfterCloseFailClearlyAndCloseIsIdempotent() {
        scheduler.create(a -> log("abandoned"), null);
        scheduler.close();
        scheduler.close();

        assertThatThrownBy(() -> scheduler.create(a -> { }, null))
                .isInstanceOf(SchedulerClosedException.class).hasMessageContaining("closed");
        assertThatThrownBy(scheduler::run).isInstanceOf(SchedulerClosedException.class);
        assertThatThrownBy(() -> scheduler.execute(() -> { }))
                .isInstanceOf(RejectedExecutionException.class).hasMessageContaining("closed");
        assertThat(trace).as("abandoned coroutines never run").isEmpty();
        assertThat(poller.calls).containsExactly("close");
    }

    @Test
    void yieldWhilePinnedFailsNamingTheCauseAndTheCoroutineRunsOn() {
        scheduler.create(a -> {
            Continuation.pin();
            try {
                Coroutines.yield();
                log("yielded while pinned?");
            } catch (CoroutinePinnedException e) {
                log("pinned: " + e.getMessage());
            } finally {
                Continuation.unpin();
            }
            Coroutines.sleep(5);
            log("slept after unpinning");
        }, null);
        scheduler.create(a -> log("other"), null);

        scheduler.run();

        assertThat(trace).hasSize(3);
        assertThat(trace.get(0)).startsWith("pinned: cannot suspend the coroutine here")
                .contains("critical section");
        assertThat(trace.subList(1, 3)).containsExactly("other", "slept after unpinning");
    }

    @Test
    void sleepAndWaitWhilePinnedUndoTheirQueueing() {
        scheduler.create(a -> {
            Continuation.pin();
            try {
                assertThatThrownBy(() -> Coroutines.sleep(10)).isInstanceOf(CoroutinePinnedException.class);
                assertThatThrownBy(() -> scheduler.await(3, io.nty.api.IoEvents.READ, 10))
                        .isInstanceOf(CoroutinePinnedException.class);
            } finally {
                Continuation.unpin();
            }
            log("done at " + now());
        }, null);

        scheduler.run();

        assertThat(trace).containsExactly("done at 0");
        assertThat(poller.armed).isEmpty();
    }

    @Test
    void withoutTheAddExportsFlagTheErrorNamesTheFlag() throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                NoExportsProbe.class.getName())
                .redirectErrorStream(true)
                .start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(out).contains("--add-exports java.base/jdk.internal.vm=ALL-UNNAMED");
        assertThat(p.exitValue()).as(out).isEqualTo(3);
    }

    /** Run in a child JVM without {@code --add-exports}. */
    static final class NoExportsProbe {
        public static void main(String[] args) throws IOException {
            try {
                NtyScheduler.create();
                System.out.println("created a scheduler without the flag?");
                System.exit(0);
            } catch (io.nty.api.ContextSwitchUnavailableException e) {
                System.out.println(e.getMessage());
                System.exit(3);
            }
        }

        private NoExportsProbe() {
        }
    }

    @Test
    void theDefaultPollerExplainsWhyFdWaitsAreUnsupported() {
        scheduler.close();
        scheduler = NtyScheduler.builder().exceptionHandler((co, t) -> failures.add(t)).build();
        assertThat(scheduler.pollerName()).isEqualTo("parking");
        scheduler.create(a -> assertThatThrownBy(() -> scheduler.await(0, io.nty.api.IoEvents.READ, 0))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("nty-socket"), null);
        scheduler.run();
    }
}
