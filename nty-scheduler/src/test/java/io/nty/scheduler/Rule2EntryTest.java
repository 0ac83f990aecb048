package io.nty.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nty.api.Coroutine;
import io.nty.api.CoroutineState;
import io.nty.api.Coroutines;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** §2 entry: the Java {@code _exec}. */
class Rule2EntryTest extends SchedulerFixture {

    @Test
    void rule2_1_firstResumeCallsFuncExactlyOnceWithArg() {
        AtomicInteger calls = new AtomicInteger();
        Object arg = new Object();
        Object[] seen = new Object[1];
        Coroutine co = scheduler.create(a -> {
            calls.incrementAndGet();
            seen[0] = a;
            Coroutines.yield();
            Coroutines.yield();
        }, arg);

        scheduler.run();

        assertThat(calls).hasValue(1);
        assertThat(seen[0]).isSameAs(arg);
        assertThat(co.function()).isNotNull();
        assertThat(co.argument()).isSameAs(arg);
    }

    @Test
    void rule2_1_coroutineIsRunningInsideItsFunction() {
        Coroutine[] self = new Coroutine[1];
        CoroutineState[] state = new CoroutineState[1];
        Coroutine co = scheduler.create(a -> {
            self[0] = Coroutines.current().orElseThrow();
            state[0] = self[0].state();
        }, null);

        scheduler.run();

        assertThat(self[0]).isSameAs(co);
        assertThat(state[0]).isEqualTo(CoroutineState.RUNNING);
    }

    @Test
    void rule2_2_returnedFuncMeansExitedNeverResumedContextFreed() {
        Coroutine co = scheduler.create(a -> log("body"), null);
        scheduler.create(a -> {
            Coroutines.yield();
            log("other");
        }, null);

        scheduler.run();

        assertThat(co.state()).isEqualTo(CoroutineState.EXITED);
        assertThat(((ScheduledCoroutine) co).context).as("context freed").isNull();
        assertThat(trace).containsExactly("body", "other");
        scheduler.run();
        assertThat(trace).as("an exited coroutine is never resumed again").containsExactly("body", "other");
    }

    @Test
    void rule2_2_finishedContextRefusesResume() {
        var context = ContinuationSwitch.create().newContext(() -> { });
        assertThat(context.resume()).isTrue();
        assertThatThrownBy(context::resume)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("finished");
    }

    @Test
    void rule2_3_exceptionEndsOnlyThatCoroutineAndReachesHandlerOnce() {
        IllegalStateException boom = new IllegalStateException("boom");
        scheduler.create(a -> {
            log("a1");
            Coroutines.yield();
            log("a2");
        }, null);
        Coroutine failing = scheduler.create(a -> {
            log("f1");
            Coroutines.yield();
            throw boom;
        }, null);
        scheduler.create(a -> {
            log("c1");
            Coroutines.yield();
            Coroutines.yield();
            log("c3");
        }, null);

        scheduler.run();

        assertThat(trace).containsExactly("a1", "f1", "c1", "a2", "c3");
        assertThat(failures).containsExactly(boom);
        assertThat(failed).containsExactly(failing);
        assertThat(failing.state()).isEqualTo(CoroutineState.EXITED);
    }

    @Test
    void rule2_3_checkedExceptionsAndErrorsAlsoEndOnlyTheirCoroutine() {
        scheduler.create(a -> {
            throw new java.io.IOException("io");
        }, null);
        scheduler.create(a -> recurse(0), null);
        scheduler.create(a -> log("survivor"), null);

        scheduler.run();

        assertThat(trace).containsExactly("survivor");
        assertThat(failures).hasSize(2);
        assertThat(failures.get(0)).isInstanceOf(java.io.IOException.class);
        assertThat(failures.get(1)).isInstanceOf(StackOverflowError.class);
    }

    @Test
    void rule2_3_handlerThatThrowsDoesNotStopTheScheduler() {
        scheduler.close();
        scheduler = NtyScheduler.builder().clock(clock).poller(poller)
                .exceptionHandler((co, t) -> {
                    throw new IllegalStateException("handler broke");
                })
                .build();
        scheduler.create(a -> {
            throw new RuntimeException("first");
        }, null);
        scheduler.create(a -> log("still runs"), null);

        scheduler.run();

        assertThat(trace).containsExactly("still runs");
    }

    private static int recurse(int depth) {
        return recurse(depth + 1) + 1;
    }
}
