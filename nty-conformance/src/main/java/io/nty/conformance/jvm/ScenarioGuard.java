package io.nty.conformance.jvm;

import io.nty.api.spi.MonotonicClock;
import io.nty.api.spi.Poller;
import io.nty.api.spi.VirtualClock;

/**
 * The switch that ends one scenario once the suite gives up on it. Until {@link #abandon()} the
 * clock and poller it hands out behave exactly like the ones they wrap; afterwards every call
 * throws {@link ScenarioAbandoned}, so an implementation that hangs or busy-loops while reading
 * its clock or polling leaves its thread at the next call (and the coroutine functions stop at
 * their next event, see {@link ScenarioExecution}).
 */
final class ScenarioGuard {

    private volatile boolean abandoned;

    /** Gives up on the scenario: every later call through this guard throws. */
    void abandon() {
        abandoned = true;
    }

    /** @throws ScenarioAbandoned if the scenario was abandoned */
    void check() {
        if (abandoned) {
            throw new ScenarioAbandoned();
        }
    }

    /**
     * @param clock the scenario's virtual clock
     * @return the clock to give the scheduler: {@code clock}, until the scenario is abandoned
     */
    MonotonicClock clock(VirtualClock clock) {
        return new GuardedClock(clock);
    }

    /**
     * @param poller the scenario's poller
     * @return the poller to give the scheduler: {@code poller}, until the scenario is abandoned
     */
    Poller poller(Poller poller) {
        return new GuardedPoller(poller);
    }

    /** A virtual clock that stops working once the scenario is abandoned. */
    private final class GuardedClock implements MonotonicClock {
        private final VirtualClock clock;

        GuardedClock(VirtualClock clock) {
            this.clock = clock;
        }

        @Override
        public long nanoTime() {
            check();
            return clock.nanoTime();
        }

        @Override
        public boolean isVirtual() {
            return true;
        }

        @Override
        public void advanceTo(long nanos) {
            check();
            clock.advanceTo(nanos);
        }

        @Override
        public String toString() {
            return clock.toString();
        }
    }

    /** A poller that stops working once the scenario is abandoned (closing it always works). */
    private final class GuardedPoller implements Poller {
        private final Poller poller;

        GuardedPoller(Poller poller) {
            this.poller = poller;
        }

        @Override
        public String name() {
            return poller.name();
        }

        @Override
        public boolean supportsFds() {
            return poller.supportsFds();
        }

        @Override
        public void arm(int fd, int events) {
            check();
            poller.arm(fd, events);
        }

        @Override
        public void disarm(int fd, int events) {
            check();
            poller.disarm(fd, events);
        }

        @Override
        public int drainClosed(ReadySink sink) {
            check();
            return poller.drainClosed(sink);
        }

        @Override
        public void forget(int fd) {
            check();
            poller.forget(fd);
        }

        @Override
        public int poll(long timeoutNanos, ReadySink sink) {
            check();
            int n = poller.poll(timeoutNanos, sink);
            check();
            return n;
        }

        @Override
        public void wakeup() {
            poller.wakeup();
        }

        @Override
        public void close() {
            poller.close();
        }
    }
}
