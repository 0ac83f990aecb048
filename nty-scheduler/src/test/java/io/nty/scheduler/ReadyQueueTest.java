package io.nty.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayDeque;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ready queue against {@link ArrayDeque}: FIFO through growth and wrap-around. */
class ReadyQueueTest {

    @Test
    void rule3_2_readyQueueIsFifoUnderRandomOperations() {
        // Each int is an operation: >= 0 appends, < 0 polls.
        qt().withExamples(300).forAll(lists().of(integers().between(-3, 5)).ofSizeBetween(0, 300))
                .checkAssert(this::replay);
    }

    private void replay(List<Integer> ops) {
        ReadyQueue queue = new ReadyQueue();
        ArrayDeque<ScheduledCoroutine> model = new ArrayDeque<>();
        long id = 0;
        for (int op : ops) {
            if (op >= 0) {
                ScheduledCoroutine co = new ScheduledCoroutine(id++, null, a -> { }, null);
                queue.addLast(co);
                model.addLast(co);
            } else {
                assertThat(queue.pollFirst()).isSameAs(model.pollFirst());
            }
            assertThat(queue.size()).isEqualTo(model.size());
        }
    }

    @Test
    void removeLastTakesBackOnlyTheTail() {
        ReadyQueue queue = new ReadyQueue();
        ScheduledCoroutine a = new ScheduledCoroutine(0, null, x -> { }, null);
        ScheduledCoroutine b = new ScheduledCoroutine(1, null, x -> { }, null);
        queue.addLast(a);
        queue.addLast(b);
        assertThatThrownBy(() -> queue.removeLast(a)).isInstanceOf(IllegalStateException.class);
        queue.removeLast(b);
        assertThat(queue.pollFirst()).isSameAs(a);
        assertThat(queue.isEmpty()).isTrue();
    }
}
