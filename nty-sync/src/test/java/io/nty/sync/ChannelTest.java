package io.nty.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nty.api.Coroutine;
import io.nty.api.CoroutineCancelledException;
import io.nty.api.Coroutines;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class ChannelTest extends SyncFixture {

    final List<String> trace = new ArrayList<>();

    @Test
    void elementsComeOutInTheOrderTheyWentInThroughBufferAndWaitingSenders() {
        Channel<Integer> ch = new Channel<>(2);
        List<Integer> got = new ArrayList<>();
        scheduler.create(a -> {
            for (int i = 0; i < 10; i++) {
                ch.send(i);
            }
            ch.close();
        }, null);
        scheduler.create(a -> {
            scheduler.sleep(5); // the sender has filled the buffer and waits
            trace.add("senders waiting " + ch.waitingSenders() + ", buffered " + ch.size());
            try {
                while (true) {
                    got.add(ch.receive());
                }
            } catch (ChannelClosedException e) {
                trace.add("closed");
            }
        }, null);
        scheduler.run();
        assertThat(got).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(trace).containsExactly("senders waiting 1, buffered 2", "closed");
    }

    @Test
    void waitingReceiversAreServedInTheOrderTheyCame() {
        Channel<String> ch = new Channel<>(4);
        for (int i = 0; i < 5; i++) {
            int n = i;
            scheduler.create(a -> trace.add("receiver " + n + " got " + ch.receive()), null);
        }
        scheduler.create(a -> {
            for (String s : new String[] {"a", "b", "c", "d", "e"}) {
                ch.send(s);
            }
        }, null);
        scheduler.run();
        assertThat(trace).containsExactly("receiver 0 got a", "receiver 1 got b", "receiver 2 got c",
                "receiver 3 got d", "receiver 4 got e");
    }

    @Test
    void waitingSendersAreAdmittedInTheOrderTheyCame() {
        Channel<String> ch = new Channel<>(1);
        scheduler.create(a -> ch.send("first"), null);
        for (int i = 0; i < 4; i++) {
            int n = i;
            scheduler.create(a -> ch.send("sender " + n), null);
        }
        scheduler.create(a -> {
            scheduler.sleep(1);
            for (int i = 0; i < 5; i++) {
                trace.add(ch.receive());
            }
        }, null);
        scheduler.run();
        assertThat(trace).containsExactly("first", "sender 0", "sender 1", "sender 2", "sender 3");
    }

    @Test
    void closeLetsReceiversDrainTheBufferThenTheySeeClosed() {
        Channel<Integer> ch = new Channel<>(8);
        scheduler.create(a -> {
            ch.send(1);
            ch.send(2);
            ch.close();
            ch.close(); // idempotent
            assertThatThrownBy(() -> ch.send(3)).isInstanceOf(ChannelClosedException.class)
                    .hasMessageContaining("closed channel");
            assertThatThrownBy(() -> ch.trySend(3)).isInstanceOf(ChannelClosedException.class);
        }, null);
        scheduler.create(a -> {
            trace.add("got " + ch.receive());
            trace.add("got " + ch.receive());
            try {
                ch.receive();
            } catch (ChannelClosedException e) {
                trace.add("then " + e.getMessage());
            }
            trace.add("poll " + ch.poll());
        }, null);
        scheduler.run();
        assertThat(trace).containsExactly("got 1", "got 2", "then receive on a closed, drained channel", "poll null");
    }

    @Test
    void closeWakesWaitingSendersAndReceiversWithClosed() {
        Channel<Integer> full = new Channel<>(1);
        Channel<Integer> empty = new Channel<>(1);
        scheduler.create(a -> {
            full.send(0);
            try {
                full.send(1);
            } catch (ChannelClosedException e) {
                trace.add("sender: " + e.getMessage());
            }
        }, null);
        scheduler.create(a -> {
            try {
                empty.receive();
            } catch (ChannelClosedException e) {
                trace.add("receiver: " + e.getMessage());
            }
        }, null);
        scheduler.create(a -> {
            full.close();
            empty.close();
        }, null);
        scheduler.run();
        assertThat(trace).containsExactly("sender: channel closed while coroutine 0 (RUNNING) waited to send 1",
                "receiver: channel closed while coroutine 1 (RUNNING) waited to receive");
        assertThat(full.size()).isEqualTo(1); // the element accepted before the close is still there
    }

    @Test
    void aCancelledReceiverLeavesTheQueueAndTheElementGoesToTheNext() {
        Channel<String> ch = new Channel<>(1);
        Coroutine first = scheduler.create(a -> {
            try {
                trace.add("first got " + ch.receive());
            } catch (CoroutineCancelledException e) {
                trace.add("first cancelled");
            }
        }, null);
        scheduler.create(a -> trace.add("second got " + ch.receive()), null);
        scheduler.create(a -> {
            first.cancel();
            ch.send("x");
        }, null);
        scheduler.run();
        // The cancelled one resumes first (it was queued first) but was handed nothing.
        assertThat(trace).containsExactly("first cancelled", "second got x");
    }

    @Test
    void aReceiverCancelledAfterTheHandOffKeepsTheElementAndIsCancelledAtItsNextSuspension() {
        Channel<String> ch = new Channel<>(1);
        Coroutine receiver = scheduler.create(a -> {
            trace.add("got " + ch.receive());
            try {
                Coroutines.yield();
                trace.add("not cancelled?");
            } catch (CoroutineCancelledException e) {
                trace.add("cancelled at the next yield");
            }
        }, null);
        scheduler.create(a -> {
            ch.send("x"); // handed to the waiting receiver
            receiver.cancel(); // before it ran again
        }, null);
        scheduler.run();
        assertThat(trace).containsExactly("got x", "cancelled at the next yield");
    }

    @Test
    void aCancelledSenderSendsNothing() {
        Channel<String> ch = new Channel<>(1);
        Coroutine blocked = scheduler.create(a -> {
            ch.send("kept");
            try {
                ch.send("never");
            } catch (CoroutineCancelledException e) {
                trace.add("sender cancelled, senders waiting " + ch.waitingSenders());
            }
        }, null);
        scheduler.create(a -> {
            blocked.cancel();
            scheduler.sleep(1);
            trace.add(ch.receive());
            trace.add("then " + ch.poll());
        }, null);
        scheduler.run();
        assertThat(trace).containsExactly("sender cancelled, senders waiting 0", "kept", "then null");
    }

    @Test
    void atScaleEveryElementArrivesExactlyOnceInProducerOrderDespiteCancelledReceivers() {
        int producers = 2_000;
        int perProducer = 25;
        int consumers = 1_000;
        Channel<Integer> ch = new Channel<>(8);
        Random random = new Random(42);
        List<Integer> received = new ArrayList<>();
        List<Coroutine> producerCos = new ArrayList<>();
        List<Coroutine> consumerCos = new ArrayList<>();
        List<List<Integer>> perConsumer = new ArrayList<>();
        int[] cancelledReceivers = {0};
        int[] cancelRequests = {0};
        for (int p = 0; p < producers; p++) {
            int id = p;
            int pause = random.nextInt(3);
            producerCos.add(scheduler.create(a -> {
                for (int i = 0; i < perProducer; i++) {
                    ch.send(id * 1_000 + i);
                    if (pause > 0) {
                        scheduler.sleep(pause);
                    }
                }
            }, null));
        }
        for (int c = 0; c < consumers; c++) {
            List<Integer> mine = new ArrayList<>();
            perConsumer.add(mine);
            consumerCos.add(scheduler.create(a -> {
                try {
                    while (true) {
                        int v = ch.receive();
                        received.add(v);
                        mine.add(v);
                        Coroutines.yield(); // where a cancellation after a hand-off is delivered
                    }
                } catch (ChannelClosedException done) {
                    // drained
                } catch (CoroutineCancelledException e) {
                    cancelledReceivers[0]++;
                }
            }, null));
        }
        scheduler.create(a -> { // cancel every tenth consumer at some point while traffic flows
            for (int c = 0; c < consumers; c += 10) {
                scheduler.sleep(random.nextInt(5));
                Coroutine victim = consumerCos.get(c);
                if (victim.state() != io.nty.api.CoroutineState.EXITED) {
                    cancelRequests[0]++;
                    victim.cancel();
                }
            }
        }, null);
        scheduler.create(a -> {
            for (Coroutine p : producerCos) {
                p.join();
            }
            ch.close();
        }, null);

        scheduler.run();

        assertThat(cancelRequests[0]).isPositive();
        assertThat(cancelledReceivers[0]).isEqualTo(cancelRequests[0]);
        assertThat(received).hasSize(producers * perProducer).doesNotHaveDuplicates();
        // FIFO as one consumer sees it: each producer's elements reach it in the order sent.
        // (The global list is in the order consumers ran, which is not the channel's order.)
        for (List<Integer> mine : perConsumer) {
            Map<Integer, Integer> last = new HashMap<>();
            for (int v : mine) {
                Integer before = last.put(v / 1_000, v % 1_000);
                assertThat(before == null || before < v % 1_000).as("order of producer %d", v / 1_000).isTrue();
            }
        }
        assertThat(ch.waitingReceivers()).isZero();
        assertThat(ch.waitingSenders()).isZero();
    }

    @Test
    void usingAChannelFromAnotherSchedulerFailsClearly() throws Exception {
        Channel<Integer> ch = new Channel<>(1);
        scheduler.create(a -> ch.send(1), null);
        scheduler.run();
        Throwable[] seen = new Throwable[1];
        Thread t = Thread.ofPlatform().start(() -> {
            try (var other = io.nty.scheduler.NtyScheduler.create()) {
                ch.poll();
            } catch (Throwable e) {
                seen[0] = e;
            }
        });
        t.join();
        assertThat(seen[0]).isInstanceOf(IllegalStateException.class).hasMessageContaining("belongs to sync-test");
    }

    @Test
    void capacityMustBePositive() {
        assertThatThrownBy(() -> new Channel<>(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(">= 1");
    }
}
