package io.nty.conformance.example;

import io.nty.api.Scheduler;
import io.nty.api.spi.MonotonicClock;
import io.nty.conformance.Capability;
import io.nty.conformance.ConformanceProvider;
import io.nty.conformance.SchedulerOptions;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@link SimpleScheduler} with a planted busy loop: when it is idle before a deadline it does not
 * move its virtual clock there, it spins until the time comes — which in virtual time is never.
 * Every scenario with a sleep or a wait timeout therefore hangs with a thread at 100% CPU, the
 * kind of implementation that once made the whole suite take 7.5 minutes and fail rules it does
 * not break. Scenarios without time (creation, yields) are unaffected, so the rules they check
 * must still be verified.
 *
 * <p>Two variants: one spins reading the clock (as real code would); the other spins without
 * touching anything of the suite's until released, which no harness object can interrupt.
 */
public final class SpinningProvider implements ConformanceProvider {

    private final AtomicBoolean released;

    private SpinningProvider(AtomicBoolean released) {
        this.released = released;
    }

    /** The variant that spins reading its clock, for serving as a driver ({@code --serve}). */
    public SpinningProvider() {
        this(null);
    }

    /** @return a scheduler that busy-waits for deadlines reading its clock */
    public static SpinningProvider readingTheClock() {
        return new SpinningProvider(null);
    }

    /**
     * @param released set it to end the loops (when the test is over)
     * @return a scheduler that busy-waits without reading its clock, until {@code released}
     */
    public static SpinningProvider ignoringEverything(AtomicBoolean released) {
        return new SpinningProvider(released);
    }

    @Override
    public String name() {
        return "simple-continuation busy-waiting for deadlines" + (released == null ? "" : " (not reading the clock)");
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.VIRTUAL_CLOCK, Capability.FD_WAITS, Capability.IN_PROCESS_API);
    }

    @Override
    public Scheduler newScheduler(SchedulerOptions options) {
        return new SimpleScheduler(new SpinningClock(options.clock()), options.poller().orElseGet(ParkingPoller::new),
                options.handler(), Set.of());
    }

    /** The fault: "advancing" to a deadline is a busy wait for it. */
    private final class SpinningClock implements MonotonicClock {
        private final MonotonicClock clock;

        SpinningClock(MonotonicClock clock) {
            this.clock = clock;
        }

        @Override
        public long nanoTime() {
            return clock.nanoTime();
        }

        @Override
        public boolean isVirtual() {
            return true;
        }

        @Override
        public void advanceTo(long nanos) {
            if (released == null) {
                while (clock.nanoTime() < nanos) {
                    Thread.onSpinWait();
                }
            } else {
                while (!released.get()) {
                    Thread.onSpinWait();
                }
            }
        }
    }
}
