package io.nty.api.spi;

/**
 * The monotonic time a scheduler reads for sleeps and wait timeouts (§3.4).
 *
 * <p>Injectable so that sleep-heavy scenarios run in virtual time: see {@link VirtualClock}.
 */
public interface MonotonicClock {

    /** {@return the current time in nanoseconds from an arbitrary origin; never decreases} */
    long nanoTime();

    /**
     * {@return whether this clock is virtual: it moves only when told to, and a scheduler that
     *         has nothing to do before its earliest deadline moves it there with
     *         {@link #advanceTo} instead of blocking}
     */
    default boolean isVirtual() {
        return false;
    }

    /**
     * Moves a virtual clock forward to {@code nanos}, or leaves it if it is already past. Called by
     * a scheduler only when no coroutine is ready and no IO is ready: virtual time jumps only over
     * idle time, so it never overtakes events that were already due.
     *
     * @param nanos the time to move to
     * @throws UnsupportedOperationException if this clock is not virtual
     */
    default void advanceTo(long nanos) {
        throw new UnsupportedOperationException("a real clock cannot be moved: " + this);
    }

    /** {@return the system's monotonic clock, {@link System#nanoTime()}} */
    static MonotonicClock system() {
        return System::nanoTime;
    }
}
