package io.nty.socket;

import static org.assertj.core.api.Assertions.assertThat;

import io.nty.api.Coroutines;
import io.nty.scheduler.NtyScheduler;
import io.nty.socket.epoll.EpollPoller;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Deep recursion in a Java coroutine: a {@link StackOverflowError} ends that coroutine only
 * (rule 2.3). Coroutines doing socket IO and yielding keep going, the scheduler can run more
 * coroutines afterwards, and a coroutine that recurses deep (but not too deep) can suspend and
 * resume from the bottom of its stack.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class StackOverflowFaultTest {

    private static final int OVERFLOWS = 10;
    private static final int BYSTANDERS = 4;
    private static final int EXCHANGES = 50;
    private static final int DEEP_BUT_FINE = 2_000;

    @Test
    void infiniteRecursionEndsOnlyItsOwnCoroutineAndTheSchedulerRunsOn() throws Exception {
        List<Throwable> failures = new ArrayList<>();
        int[] deepResults = new int[1];
        try (EchoPairs bystanders = new EchoPairs(BYSTANDERS);
                NtyScheduler s = NtyScheduler.builder().poller(new EpollPoller())
                        .exceptionHandler((co, failure) -> failures.add(failure)).build()) {
            bystanders.start(s, EXCHANGES);
            for (int i = 0; i < OVERFLOWS; i++) {
                s.create(delay -> {
                    Coroutines.sleep(delay);
                    recurseForever(0);
                }, 1 + i * 3);
            }
            s.create(unused -> deepResults[0] = recurseAndYield(DEEP_BUT_FINE), null);
            s.run();

            assertThat(failures).hasSize(OVERFLOWS).allMatch(StackOverflowError.class::isInstance);
            assertThat(bystanders.roundTrips()).isEqualTo(BYSTANDERS * EXCHANGES);
            assertThat(deepResults[0]).isEqualTo(DEEP_BUT_FINE);

            boolean[] ranAfterwards = {false};
            s.create(unused -> ranAfterwards[0] = true, null);
            s.run();
            assertThat(ranAfterwards[0]).as("a coroutine created after the overflows ran").isTrue();
        }
    }

    private static int recurseForever(int depth) {
        return recurseForever(depth + 1) + 1;
    }

    /** Recurses {@code depth} frames, yields at the bottom, and counts the frames on the way up. */
    private static int recurseAndYield(int depth) {
        if (depth == 0) {
            Coroutines.yield();
            Coroutines.sleep(5);
            return 0;
        }
        return recurseAndYield(depth - 1) + 1;
    }
}
