package io.nty.scheduler;

import io.nty.api.CoroutineExceptionHandler;
import io.nty.api.spi.ContextSwitch;
import io.nty.api.spi.MonotonicClock;
import io.nty.api.spi.Poller;
import java.util.Objects;

/**
 * Configures an {@link NtyScheduler}. Every setting has a default; {@link #build()} must be called
 * on the thread that will own and run the scheduler (§5.1).
 */
public final class NtySchedulerBuilder {

    MonotonicClock clock = MonotonicClock.system();
    Poller poller;
    ContextSwitch contextSwitch;
    CoroutineExceptionHandler exceptionHandler = new LoggingExceptionHandler();
    String name;

    NtySchedulerBuilder() {
    }

    /**
     * {@return this builder}
     *
     * @param clock the monotonic clock for sleeps and timeouts; default {@link MonotonicClock#system()},
     *        or an {@link io.nty.api.spi.VirtualClock} for tests
     */
    public NtySchedulerBuilder clock(MonotonicClock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /**
     * {@return this builder}
     *
     * @param poller the IO poller the scheduler will own and close; default: the best available
     *        {@link io.nty.api.spi.PollerProvider}, else a poller that waits on no fds
     */
    public NtySchedulerBuilder poller(Poller poller) {
        this.poller = Objects.requireNonNull(poller, "poller");
        return this;
    }

    /**
     * {@return this builder}
     *
     * @param contextSwitch the context switch; default {@link ContinuationSwitch}
     */
    public NtySchedulerBuilder contextSwitch(ContextSwitch contextSwitch) {
        this.contextSwitch = Objects.requireNonNull(contextSwitch, "contextSwitch");
        return this;
    }

    /**
     * {@return this builder}
     *
     * @param handler receives what coroutines throw (§2.3); default logs through
     *        {@link System.Logger} at ERROR
     */
    public NtySchedulerBuilder exceptionHandler(CoroutineExceptionHandler handler) {
        this.exceptionHandler = Objects.requireNonNull(handler, "handler");
        return this;
    }

    /**
     * {@return this builder}
     *
     * @param name a name for messages and logs; default {@code nty-scheduler@<thread name>}
     */
    public NtySchedulerBuilder name(String name) {
        this.name = Objects.requireNonNull(name, "name");
        return this;
    }

    /**
     * Creates the scheduler and binds it to the calling thread.
     *
     * @return the new scheduler
     * @throws IllegalStateException if the calling thread already has an open scheduler (§5.1)
     * @throws io.nty.api.ContextSwitchUnavailableException if the default switch cannot be used,
     *         naming the missing JVM flag
     */
    public NtyScheduler build() {
        return new NtyScheduler(this);
    }
}
