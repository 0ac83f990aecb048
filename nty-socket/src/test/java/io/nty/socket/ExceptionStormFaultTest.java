package io.nty.socket;

import static org.assertj.core.api.Assertions.assertThat;

import io.nty.api.Coroutines;
import io.nty.scheduler.NtyScheduler;
import io.nty.socket.epoll.EpollPoller;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Rule 2.3 under load: thousands of coroutines throw (at once, after a yield, after a sleep;
 * exceptions and errors) while other coroutines do socket IO. Each throwable reaches the
 * scheduler's handler exactly once, and the IO coroutines finish their work.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class ExceptionStormFaultTest {

    private static final int STORM = 5_000;
    private static final int BYSTANDERS = 4;
    private static final int EXCHANGES = 50;

    /** Thrown by the storm; an Error, so the scheduler's catch-all is exercised beyond Exception. */
    private static final class StormError extends Error {
        private static final long serialVersionUID = 1L;

        StormError(String message) {
            super(message);
        }
    }

    @Test
    void thousandsOfThrowingCoroutinesReachTheHandlerExactlyOnceEachWhileIoGoesOn() throws Exception {
        Map<Throwable, Integer> handled = new IdentityHashMap<>();
        List<Throwable> thrown = new ArrayList<>();
        int[] survivorSteps = {0};
        try (EchoPairs bystanders = new EchoPairs(BYSTANDERS);
                NtyScheduler s = NtyScheduler.builder().poller(new EpollPoller())
                        .exceptionHandler((co, failure) -> handled.merge(failure, 1, Integer::sum)).build()) {
            bystanders.start(s, EXCHANGES);
            for (int i = 0; i < STORM; i++) {
                s.create(n -> throwSomething(n, thrown), i);
            }
            s.create(unused -> {
                for (int i = 0; i < 100; i++) {
                    Coroutines.yield();
                    survivorSteps[0]++;
                }
            }, null);
            s.run();

            assertThat(thrown).hasSize(STORM);
            assertThat(handled).as("throwables the handler saw, bystander failures included").hasSize(STORM);
            assertThat(handled.values()).as("times each was handled").containsOnly(1);
            assertThat(thrown).allMatch(handled::containsKey);
            assertThat(bystanders.roundTrips()).isEqualTo(BYSTANDERS * EXCHANGES);
            assertThat(survivorSteps[0]).isEqualTo(100);
        }
    }

    /** Throws in one of four ways, picked by {@code n}, recording what it throws first. */
    private static void throwSomething(int n, List<Throwable> thrown) throws Exception {
        Throwable t = switch (n % 4) {
            case 0 -> new IllegalStateException("storm " + n + ": at once");
            case 1 -> new java.io.IOException("storm " + n + ": checked, after a yield");
            case 2 -> new StormError("storm " + n + ": an error, after a sleep");
            default -> new RuntimeException("storm " + n + ": after a yield and a sleep");
        };
        thrown.add(t);
        if (n % 4 == 1 || n % 4 == 3) {
            Coroutines.yield();
        }
        if (n % 4 >= 2) {
            Coroutines.sleep(1 + n % 3);
        }
        if (t instanceof Exception e) {
            throw e;
        }
        throw (Error) t;
    }
}
