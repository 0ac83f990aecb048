package io.nty.api.spi;

/**
 * The monotonic time a scheduler reads for sleeps and wait timeouts (§3.4).
 *
 * <p>Injectable so that sleep-heavy scenarios run in virtual time: see {@link VirtualClock}.
 */
public interface MonotonicClock {

    /** @return the current time in nanoseconds from an arbitrary origin; never decreases */
    long nanoTime();

    /**
     * Called when the scheduler has nothing to run before {@code deadlineNanos}.
     *
     * @param deadlineNanos the earliest deadline, in this clock's time
     * @return how many nanoseconds the scheduler should block in its poller before the deadline
     *         is reached: the real remaining time for a real clock, 0 for a virtual clock that
     *         has just moved itself to the deadline
     */
    default long idleUntil(long deadlineNanos) {
        return Math.max(0, deadlineNanos - nanoTime());
    }

    /** @return the system's monotonic clock, {@link System#nanoTime()} */
    static MonotonicClock system() {
        return System::nanoTime;
    }
}
