package io.nty.api;

import io.nty.api.spi.SchedulerBinding;
import java.util.Optional;

/**
 * The coroutine-side operations as static methods, for code that does not hold its scheduler:
 * each finds the scheduler bound to the calling thread (§5.1) and delegates to it.
 *
 * <p>Outside a coroutine the suspending operations fail with {@link NotInCoroutineException}
 * (§3.6); on a thread with no scheduler they fail the same way, naming the thread.
 */
public final class Coroutines {

    private Coroutines() {
    }

    /**
     * Yields (§3.2); see {@link Scheduler#yieldNow()}. Named after NtyCo's
     * {@code nty_coroutine_yield}; call it qualified, {@code Coroutines.yield()}.
     */
    public static void yield() {
        scheduler("yield").yieldNow();
    }

    /**
     * Sleeps at least {@code millis} ms (§3.4); {@code sleep(0)} yields (§3.2). See
     * {@link Scheduler#sleep(long)}.
     *
     * @param millis how long, {@code >= 0}
     */
    public static void sleep(long millis) {
        scheduler("sleep").sleep(millis);
    }

    /**
     * Parks the calling coroutine until an unpark (§6.1); see {@link Scheduler#park()}.
     */
    public static void park() {
        scheduler("park").park();
    }

    /**
     * @return the coroutine running on the calling thread, or empty outside any coroutine
     */
    public static Optional<Coroutine> current() {
        Scheduler s = SchedulerBinding.current();
        return s == null ? Optional.empty() : s.current();
    }

    /** @return whether the calling code runs inside a coroutine */
    public static boolean inCoroutine() {
        return current().isPresent();
    }

    private static Scheduler scheduler(String operation) {
        Scheduler s = SchedulerBinding.current();
        if (s == null) {
            throw new NotInCoroutineException(operation + "() called outside a coroutine: thread '"
                    + Thread.currentThread().getName() + "' has no nty scheduler (§3.6)");
        }
        return s;
    }
}
