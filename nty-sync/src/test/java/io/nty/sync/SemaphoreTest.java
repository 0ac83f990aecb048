package io.nty.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nty.api.Coroutine;
import io.nty.api.CoroutineCancelledException;
import io.nty.api.CoroutineState;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class SemaphoreTest extends SyncFixture {

    final List<String> trace = new ArrayList<>();

    @Test
    void permitsAreHandedOffInFifoOrderWithoutBarging() {
        CoroutineSemaphore sem = new CoroutineSemaphore(0);
        scheduler.create(a -> {
            sem.acquire(2);
            trace.add("big got 2 at " + clock.millis());
        }, null);
        scheduler.create(a -> {
            sem.acquire(1);
            trace.add("small got 1 at " + clock.millis());
        }, null);
        scheduler.create(a -> {
            scheduler.sleep(1);
            sem.release(1); // the head wants 2: nobody is granted, the small one does not barge
            assertThat(sem.tryAcquire(1)).isFalse();
            scheduler.sleep(1);
            sem.release(2);
        }, null);
        scheduler.run();
        assertThat(trace).containsExactly("big got 2 at 2", "small got 1 at 2");
        assertThat(sem.availablePermits()).isZero();
    }

    @Test
    void aCancelledHeadHoldsNoPermitAndTheWaitersBehindItAreGrantedAtOnce() {
        CoroutineSemaphore sem = new CoroutineSemaphore(1);
        Coroutine big = scheduler.create(a -> {
            try {
                sem.acquire(5);
            } catch (CoroutineCancelledException e) {
                trace.add("big cancelled, available " + sem.availablePermits());
            }
        }, null);
        scheduler.create(a -> {
            sem.acquire(1);
            trace.add("small got 1");
        }, null);
        scheduler.create(a -> big.cancel(), null);
        scheduler.run();
        // Its leaving granted the small one at once (available 0); the small one runs next.
        assertThat(trace).containsExactly("big cancelled, available 0", "small got 1");
    }

    @Test
    void atScaleAtMostThePermitCountHoldAtOnceAndCancelledWaitersLeakNothing() {
        int permits = 10;
        int n = 5_000;
        CoroutineSemaphore sem = new CoroutineSemaphore(permits);
        int[] holding = {0};
        int[] maxHolding = {0};
        int[] completed = {0};
        int[] cancelled = {0};
        int[] cancelRequests = {0};
        Random random = new Random(3);
        List<Coroutine> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int work = 1 + random.nextInt(3);
            all.add(scheduler.create(a -> {
                try {
                    sem.acquire();
                } catch (CoroutineCancelledException e) {
                    cancelled[0]++;
                    return;
                }
                try {
                    holding[0]++;
                    maxHolding[0] = Math.max(maxHolding[0], holding[0]);
                    scheduler.sleep(work);
                    completed[0]++;
                } catch (CoroutineCancelledException e) {
                    cancelled[0]++; // cancelled while holding: the finally still releases
                } finally {
                    holding[0]--;
                    sem.release();
                }
            }, null));
        }
        scheduler.create(a -> {
            for (int i = 0; i < n; i += 7) {
                scheduler.sleep(random.nextInt(2));
                Coroutine victim = all.get(random.nextInt(n));
                if (victim.state() != CoroutineState.EXITED && victim.state() != CoroutineState.NEW) {
                    cancelRequests[0]++;
                    victim.cancel();
                }
            }
        }, null);
        scheduler.run();
        assertThat(maxHolding[0]).isEqualTo(permits);
        assertThat(cancelRequests[0]).isPositive();
        assertThat(completed[0] + cancelled[0]).isEqualTo(n);
        assertThat(cancelled[0]).isPositive().isLessThanOrEqualTo(cancelRequests[0]);
        assertThat(sem.availablePermits()).isEqualTo(permits);
        assertThat(sem.queueLength()).isZero();
    }

    @Test
    void badAmountsAreRefused() {
        assertThatThrownBy(() -> new CoroutineSemaphore(-1)).isInstanceOf(IllegalArgumentException.class);
        CoroutineSemaphore sem = new CoroutineSemaphore(1);
        assertThatThrownBy(() -> sem.release(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(">= 1");
    }
}
