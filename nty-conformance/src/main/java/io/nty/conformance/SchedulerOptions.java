package io.nty.conformance;

import io.nty.api.CoroutineExceptionHandler;
import io.nty.api.spi.MonotonicClock;
import io.nty.api.spi.Poller;
import java.util.Objects;
import java.util.Optional;

/**
 * What the suite asks of a new scheduler.
 *
 * @param clock the clock the scheduler must read (a {@link io.nty.api.spi.VirtualClock} in
 *        scenario runs)
 * @param poller the poller to drive, present only when the provider declares
 *        {@link Capability#FD_WAITS}; when empty the provider chooses its own
 * @param handler where exceptions out of coroutine functions must go (§2.3)
 */
public record SchedulerOptions(MonotonicClock clock, Optional<Poller> poller, CoroutineExceptionHandler handler) {

    /**
     * Checks that every option is given; an absent poller is {@link Optional#empty()}, not null.
     *
     * @param clock the clock the scheduler must read
     * @param poller the poller to drive, or empty
     * @param handler where exceptions out of coroutine functions must go
     * @throws NullPointerException naming the option that is null
     */
    public SchedulerOptions {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(poller, "poller");
        Objects.requireNonNull(handler, "handler");
    }
}
