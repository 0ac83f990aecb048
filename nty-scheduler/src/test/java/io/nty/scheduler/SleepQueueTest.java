package io.nty.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The sleep queue against a sorted-list model: any sequence of inserts, polls and arbitrary
 * removals yields coroutines in (deadline, sleep order), and heap slots stay consistent.
 */
class SleepQueueTest {

    private static final Comparator<ScheduledCoroutine> ORDER =
            Comparator.<ScheduledCoroutine>comparingLong(c -> c.deadline).thenComparingLong(c -> c.sleepSequence);

    @Test
    void rule3_3_sleepQueueMatchesASortedModelUnderRandomOperations() {
        // Each int is an operation: >= 0 inserts with deadline (op % 8), -1 polls, < -1 removes.
        qt().withExamples(300).forAll(lists().of(integers().between(-6, 20)).ofSizeBetween(0, 200))
                .checkAssert(this::replay);
    }

    private void replay(List<Integer> ops) {
        SleepQueue queue = new SleepQueue();
        List<ScheduledCoroutine> model = new ArrayList<>();
        long sequence = 0;
        for (int op : ops) {
            if (op >= 0) {
                ScheduledCoroutine co = coroutine(op % 8, sequence++);
                queue.add(co);
                model.add(co);
            } else if (op == -1) {
                model.sort(ORDER);
                ScheduledCoroutine expected = model.isEmpty() ? null : model.remove(0);
                assertThat(queue.poll()).isSameAs(expected);
            } else if (!model.isEmpty()) {
                ScheduledCoroutine victim = model.remove(Math.floorMod(op * 7919, model.size()));
                queue.remove(victim);
                assertThat(victim.heapIndex).isEqualTo(-1);
            }
            assertThat(queue.size()).isEqualTo(model.size());
        }
        model.sort(ORDER);
        for (ScheduledCoroutine expected : model) {
            assertThat(queue.poll()).isSameAs(expected);
        }
        assertThat(queue.isEmpty()).isTrue();
    }

    @Test
    void removingACoroutineNotInTheQueueIsHarmless() {
        SleepQueue queue = new SleepQueue();
        ScheduledCoroutine in = coroutine(5, 0);
        queue.add(in);
        queue.remove(coroutine(1, 1));
        assertThat(queue.poll()).isSameAs(in);
    }

    private static ScheduledCoroutine coroutine(long deadline, long sequence) {
        ScheduledCoroutine co = new ScheduledCoroutine(sequence, null, a -> { }, null);
        co.deadline = deadline;
        co.sleepSequence = sequence;
        return co;
    }
}
