package io.nty.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nty.api.Coroutine;
import io.nty.api.CoroutineCancelledException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class LockTest extends SyncFixture {

    final List<String> trace = new ArrayList<>();

    @Test
    void atScaleTheLockKeepsACriticalSectionWholeAcrossSuspensionsAndGrantsInArrivalOrder() {
        CoroutineLock lock = new CoroutineLock();
        int n = 3_000;
        int[] inside = {0};
        int[] maxInside = {0};
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int id = i;
            scheduler.create(a -> {
                lock.lock();
                try {
                    inside[0]++;
                    maxInside[0] = Math.max(maxInside[0], inside[0]);
                    order.add(id);
                    scheduler.sleep(1); // others run and queue up meanwhile
                    inside[0]--;
                } finally {
                    lock.unlock();
                }
            }, null);
        }
        scheduler.run();
        assertThat(maxInside[0]).isEqualTo(1);
        assertThat(order).hasSize(n).isSorted();
        assertThat(lock.isLocked()).isFalse();
        assertThat(clock.millis()).isEqualTo(n); // one after the other
    }

    @Test
    void theLockIsNotReentrantAndOnlyItsHolderMayUnlockIt() {
        CoroutineLock lock = new CoroutineLock();
        scheduler.create(a -> {
            lock.lock();
            assertThatThrownBy(lock::lock).isInstanceOf(IllegalStateException.class).hasMessageContaining("reentrant");
            assertThat(lock.tryLock()).isFalse();
            scheduler.sleep(1);
            lock.unlock();
        }, null);
        scheduler.create(a -> assertThatThrownBy(lock::unlock).isInstanceOf(IllegalMonitorStateException.class)
                .hasMessageContaining("held by coroutine 0"), null);
        scheduler.run();
        assertThat(lock.isLocked()).isFalse();
    }

    @Test
    void aCancelledWaiterNeverHoldsTheLockAndTheNextGetsIt() {
        CoroutineLock lock = new CoroutineLock();
        scheduler.create(a -> {
            lock.lock();
            scheduler.sleep(10);
            lock.unlock();
        }, null);
        Coroutine cancelled = scheduler.create(a -> {
            try {
                lock.lock();
                trace.add("cancelled one got the lock?");
            } catch (CoroutineCancelledException e) {
                trace.add("cancelled, queue " + lock.queueLength());
            }
        }, null);
        scheduler.create(a -> {
            lock.lock();
            trace.add("third holds it at " + clock.millis());
            lock.unlock();
        }, null);
        scheduler.create(a -> cancelled.cancel(), null);
        scheduler.run();
        assertThat(trace).containsExactly("cancelled, queue 1", "third holds it at 10");
    }

    @Test
    void conditionWaitersWakeInFifoOrderAndHoldTheLockWhenTheyReturn() {
        CoroutineLock lock = new CoroutineLock();
        CoroutineCondition ready = lock.newCondition();
        for (int i = 0; i < 3; i++) {
            int id = i;
            scheduler.create(a -> {
                lock.lock();
                try {
                    ready.await();
                    trace.add("waiter " + id + " holds " + lock.isLocked());
                } finally {
                    lock.unlock();
                }
            }, null);
        }
        scheduler.create(a -> {
            for (int i = 0; i < 3; i++) {
                scheduler.sleep(1);
                lock.lock();
                ready.signal();
                lock.unlock();
            }
        }, null);
        scheduler.run();
        assertThat(trace).containsExactly("waiter 0 holds true", "waiter 1 holds true", "waiter 2 holds true");
    }

    @Test
    void aWaiterCancelledBeforeASignalReacquiresTheLockThenThrowsAndTheSignalGoesToTheNext() {
        CoroutineLock lock = new CoroutineLock();
        CoroutineCondition cond = lock.newCondition();
        Coroutine first = scheduler.create(a -> {
            lock.lock();
            try {
                cond.await();
                trace.add("first signalled?");
            } catch (CoroutineCancelledException e) {
                trace.add("first cancelled, holds lock " + lock.isLocked());
            } finally {
                lock.unlock();
            }
        }, null);
        scheduler.create(a -> {
            lock.lock();
            try {
                cond.await();
                trace.add("second signalled");
            } finally {
                lock.unlock();
            }
        }, null);
        scheduler.create(a -> {
            lock.lock();
            first.cancel();
            scheduler.sleep(1); // first re-queues for the lock we hold
            cond.signal();
            lock.unlock();
        }, null);
        scheduler.run();
        assertThat(trace).containsExactly("first cancelled, holds lock true", "second signalled");
    }

    @Test
    void aWaiterCancelledAfterItWasSignalledKeepsTheSignalAndIsCancelledAtItsNextSuspension() {
        CoroutineLock lock = new CoroutineLock();
        CoroutineCondition cond = lock.newCondition();
        Coroutine waiter = scheduler.create(a -> {
            lock.lock();
            try {
                cond.await();
                trace.add("await returned holding the lock " + lock.isLocked());
            } finally {
                lock.unlock();
            }
            try {
                scheduler.sleep(1);
            } catch (CoroutineCancelledException e) {
                trace.add("cancelled at the next sleep");
            }
        }, null);
        scheduler.create(a -> {
            lock.lock();
            cond.signal(); // the waiter now queues for the lock we hold
            lock.unlock(); // and is handed it
            waiter.cancel(); // before it ran again
        }, null);
        scheduler.run();
        assertThat(trace).containsExactly("await returned holding the lock true", "cancelled at the next sleep");
    }

    @Test
    void atScaleABoundedBufferOnALockAndTwoConditionsMovesEveryItem() {
        CoroutineLock lock = new CoroutineLock();
        CoroutineCondition notFull = lock.newCondition();
        CoroutineCondition notEmpty = lock.newCondition();
        ArrayDeque<Integer> buffer = new ArrayDeque<>();
        int capacity = 4;
        int producers = 1_000;
        int perProducer = 10;
        long[] sum = {0};
        int[] count = {0};
        Random random = new Random(7);
        for (int p = 0; p < producers; p++) {
            int id = p;
            int pause = random.nextInt(2);
            scheduler.create(a -> {
                for (int i = 0; i < perProducer; i++) {
                    lock.lock();
                    try {
                        while (buffer.size() == capacity) {
                            notFull.await();
                        }
                        buffer.add(id * perProducer + i);
                        notEmpty.signal();
                    } finally {
                        lock.unlock();
                    }
                    scheduler.sleep(pause);
                }
            }, null);
        }
        for (int c = 0; c < producers; c++) {
            scheduler.create(a -> {
                for (int i = 0; i < perProducer; i++) {
                    lock.lock();
                    try {
                        while (buffer.isEmpty()) {
                            notEmpty.await();
                        }
                        sum[0] += buffer.poll();
                        count[0]++;
                        notFull.signal();
                    } finally {
                        lock.unlock();
                    }
                }
            }, null);
        }
        scheduler.run();
        long total = (long) producers * perProducer;
        assertThat(count[0]).isEqualTo(total);
        assertThat(sum[0]).isEqualTo(total * (total - 1) / 2);
        assertThat(notFull.waitingCount()).isZero();
        assertThat(notEmpty.waitingCount()).isZero();
    }
}
