package io.nty.conformance;

import io.nty.api.Scheduler;
import java.util.Optional;
import java.util.Set;

/**
 * An implementation under test, as the suite sees it: something that makes schedulers and says
 * what it can do.
 *
 * <p>Found through {@link java.util.ServiceLoader} (a {@code META-INF/services} entry for this
 * interface) or named by the system property {@value ConformanceProviders#PROPERTY}; or returned
 * directly by {@link SchedulerVerification#provider()}.
 *
 * <p>Contract: {@link #newScheduler} is called on the thread that will own the scheduler (§5.1)
 * and must return an open scheduler bound to that thread which reads time only from
 * {@code options.clock()} (if {@link Capability#VIRTUAL_CLOCK} is declared), drives only
 * {@code options.poller()} (if {@link Capability#FD_WAITS} is declared, and then it must not
 * open a poller of its own), and hands every exception out of a coroutine function to
 * {@code options.handler()}.
 */
public interface ConformanceProvider {

    /** {@return the implementation's name, for reports} */
    String name();

    /** {@return the capabilities the implementation has; rules needing any other are reported not verified} */
    Set<Capability> capabilities();

    /**
     * {@return a new open scheduler owned by the calling thread}
     *
     * @param options the clock, poller and exception handler to use
     */
    Scheduler newScheduler(SchedulerOptions options);

    /**
     * The implementation's socket hooks, used when the suite runs scenarios on real sockets; the
     * runner then has {@link Capability#SOCKET_HOOKS}.
     *
     * @return the hooks, or empty (the default) if the implementation has none
     */
    default Optional<SocketHooks> socketHooks() {
        return Optional.empty();
    }

    /**
     * The implementation's native x86_64 contexts, probed for §2.4; the runner then has
     * {@link Capability#NATIVE_CONTEXTS}.
     *
     * @return the contexts, or empty (the default) if the implementation has none here
     */
    default Optional<NativeContexts> nativeContexts() {
        return Optional.empty();
    }
}
