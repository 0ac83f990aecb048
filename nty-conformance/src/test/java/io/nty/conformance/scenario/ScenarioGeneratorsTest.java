package io.nty.conformance.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.nty.conformance.TestSeeds;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scale and untimed-wait families reach the sizes and situations they promise. */
class ScenarioGeneratorsTest {

    private static final long SEED = TestSeeds.DEFAULT_SEED;

    @Test
    void rule1_1And3_2_fanOutCreatesAtLeastTwoThousandCoroutines() {
        qt().withFixedSeed(SEED).withExamples(5).forAll(ScenarioGenerators.fanOut(true))
                .checkAssert(s -> assertThat(ScenarioGenerators.coroutineCount(s))
                        .isGreaterThanOrEqualTo(ScenarioGenerators.MIN_FAN_OUT));
    }

    @Test
    void rule3_3And4_3_timersAtScaleHoldThirtyTwoSleepersAndWaitersAtOnceManyEndedEarly() {
        qt().withFixedSeed(SEED).withExamples(5).forAll(ScenarioGenerators.timersAtScale(true)).checkAssert(s -> {
            List<String> events = Model.expected(s, Interpretation.NTY).events();
            assertThat(maxConcurrent(events, " sleep ", " woke")).isGreaterThanOrEqualTo(ScenarioGenerators.MIN_TIMERS);
            assertThat(maxConcurrent(events, " wait ", null)).isGreaterThanOrEqualTo(ScenarioGenerators.MIN_TIMERS);
            long early = events.stream().filter(e -> e.endsWith(" ready") || e.endsWith(" closed")).count();
            assertThat(early).as("waits ended by readiness or close").isGreaterThanOrEqualTo(8);
        });
    }

    @Test
    void rule3_5_untimedChainsAreNeverStuckAndLeaveOnlyUntimedWaiters() {
        qt().withFixedSeed(SEED).withExamples(50).forAll(ScenarioGenerators.untimedChains()).checkAssert(s -> {
            assertThat(ScenarioGenerators.neverStuck(s)).isTrue();
            assertThat(s.anyStep(st -> st instanceof Step.WaitRead w && w.timeoutMillis() == 0)).isTrue();
        });
    }

    @Test
    void rule4_3_fdScenariosWithUntimedWaitsAreNeverStuck() {
        qt().withFixedSeed(SEED).withExamples(200).forAll(ScenarioGenerators.fds())
                .checkAssert(s -> assertThat(ScenarioGenerators.neverStuck(s)).isTrue());
    }

    /** @return the most coroutines between a {@code begin} event and their next event ({@code end}, or any) */
    private static int maxConcurrent(List<String> events, String begin, String end) {
        java.util.Set<String> in = new java.util.HashSet<>();
        int max = 0;
        for (String e : events) {
            String who = e.split(" ")[1];
            if (e.contains(begin)) {
                in.add(who);
                max = Math.max(max, in.size());
            } else if (end == null || e.endsWith(end)) {
                in.remove(who);
            }
        }
        return max;
    }
}
