package io.nty.api.spi;

import java.time.Duration;

/**
 * A clock that moves only when told to, or when its scheduler would otherwise idle.
 *
 * <p>When a scheduler has nothing to run and no IO ready before its earliest deadline it calls
 * {@link #advanceTo}, and this clock jumps straight to that deadline: a test that sleeps for
 * hours finishes in microseconds, and the order of wake-ups is exactly the order of deadlines.
 * Starts at 0. Thread-safe: a test thread may {@link #advance} it while a scheduler reads it.
 */
public final class VirtualClock implements MonotonicClock {

    private volatile long now;

    /** Creates a clock at 0. */
    public VirtualClock() {
    }

    @Override
    public long nanoTime() {
        return now;
    }

    /** {@return the current virtual time in whole milliseconds} */
    public long millis() {
        return now / 1_000_000L;
    }

    @Override
    public boolean isVirtual() {
        return true;
    }

    @Override
    public synchronized void advanceTo(long nanos) {
        if (nanos > now) {
            now = nanos;
        }
    }

    /**
     * Moves the clock forward.
     *
     * @param duration how far, not negative
     * @throws IllegalArgumentException if {@code duration} is negative
     */
    public synchronized void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("a monotonic clock cannot go back: " + duration);
        }
        now += duration.toNanos();
    }

    @Override
    public String toString() {
        return "VirtualClock[" + now + " ns]";
    }
}
