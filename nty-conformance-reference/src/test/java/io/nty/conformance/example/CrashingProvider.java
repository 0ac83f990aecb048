package io.nty.conformance.example;

import io.nty.api.Scheduler;
import io.nty.api.spi.MonotonicClock;
import io.nty.conformance.Capability;
import io.nty.conformance.ConformanceProvider;
import io.nty.conformance.SchedulerOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.Set;

/**
 * {@link SimpleScheduler} with a planted crash: the first time it is idle before a deadline (a
 * scenario with a sleep or a wait timeout) it kills its own process with {@code SIGKILL}, as a
 * native runtime that dereferences a bad pointer dies mid-scenario. Served as a driver
 * ({@code --serve io.nty.conformance.example.CrashingProvider}), it shows what the suite makes of
 * a driver that crashes: the rules whose scenarios crash it fail, the others are verified.
 */
public final class CrashingProvider implements ConformanceProvider {

    @Override
    public String name() {
        return "simple-continuation crashing on its first deadline";
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.VIRTUAL_CLOCK, Capability.FD_WAITS, Capability.IN_PROCESS_API);
    }

    @Override
    public Scheduler newScheduler(SchedulerOptions options) {
        MonotonicClock clock = options.clock();
        MonotonicClock crashing = new MonotonicClock() {
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
                killThisProcess();
            }
        };
        return new SimpleScheduler(crashing, options.poller().orElseGet(ParkingPoller::new), options.handler(), Set.of());
    }

    private static void killThisProcess() {
        try {
            new ProcessBuilder("kill", "-KILL", Long.toString(ProcessHandle.current().pid())).start().waitFor();
            Thread.sleep(10_000); // SIGKILL arrives before this ends
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Runtime.getRuntime().halt(137);
    }
}
