package io.nty.conformance.reference;

import io.nty.api.Scheduler;
import io.nty.conformance.Capability;
import io.nty.conformance.ConformanceProvider;
import io.nty.conformance.NativeContexts;
import io.nty.conformance.SchedulerOptions;
import io.nty.scheduler.NtyScheduler;
import io.nty.scheduler.NtySchedulerBuilder;
import io.nty.conformance.SocketHooks;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The reference implementation, {@code nty-scheduler}'s {@link NtyScheduler}, as the suite sees it.
 *
 * <p>{@code nty-scheduler} is an optional dependency of this module: it is in the runnable jar
 * (so {@code --serve nty} is the reference driver) but not passed on to implementers who depend
 * on the suite. This class is deliberately not registered with {@link java.util.ServiceLoader},
 * so it never competes with the implementation under test.
 */
public final class NtyReferenceProvider implements ConformanceProvider {

    @Override
    public String name() {
        return "nty-scheduler (NtyScheduler)";
    }

    @Override
    public Set<Capability> capabilities() {
        // SOCKET_HOOKS and NATIVE_CONTEXTS are the runner's to add: see socketHooks() and nativeContexts().
        return EnumSet.of(Capability.VIRTUAL_CLOCK, Capability.FD_WAITS, Capability.IN_PROCESS_API);
    }

    /** @return nty-socket's hooks when that optional module is on the class path and usable (Linux) */
    @Override
    public Optional<SocketHooks> socketHooks() {
        return ntySocketOnClassPath() && NtySocketHooks.isAvailable() ? Optional.of(new NtySocketHooks()) : Optional.empty();
    }

    /**
     * @return nty-switch-x86_64's native contexts when that optional module is on the class path
     *         and its library loads here (linux-x86_64); so NATIVE_CONTEXTS is declared only then
     */
    @Override
    public Optional<NativeContexts> nativeContexts() {
        return onClassPath("io.nty.nswitch.NativeProbes") && NtyNativeContexts.isAvailable()
                ? Optional.of(new NtyNativeContexts()) : Optional.empty();
    }

    private static boolean ntySocketOnClassPath() {
        return onClassPath("io.nty.socket.NtySockets");
    }

    /**
     * Checked by name, so that the adapters of optional modules (NtySocketHooks, NtyNativeContexts)
     * are never loaded without them.
     */
    private static boolean onClassPath(String className) {
        try {
            Class.forName(className, false, NtyReferenceProvider.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    @Override
    public Scheduler newScheduler(SchedulerOptions options) {
        NtySchedulerBuilder b = NtyScheduler.builder().clock(options.clock()).exceptionHandler(options.handler());
        options.poller().ifPresent(b::poller);
        return b.build();
    }
}
