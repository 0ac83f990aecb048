package io.nty.conformance;

import io.nty.api.Coroutines;
import io.nty.api.IoEvents;
import io.nty.api.NotInCoroutineException;
import io.nty.api.Scheduler;
import io.nty.api.WrongThreadException;
import io.nty.api.spi.MonotonicClock;
import io.nty.api.spi.VirtualClock;
import io.nty.conformance.sim.SimulatedNetwork;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Rules checked by calling an in-process scheduler directly, from its own thread and from
 * others: §1.3, §3.6, §5.1, §5.2. Each check runs on a fresh thread, so a scheduler that fails
 * to unbind cannot disturb the next check.
 */
final class ApiChecks {

    private static final long CHECK_TIMEOUT_MILLIS = 10_000;

    private ApiChecks() {
    }

    /** §1.3: tasks from other threads become coroutines in submission order, and wake a blocked poll. */
    static void executeFromOtherThreads(Rule rule, Target target) {
        ConformanceProvider p = provider(rule, target);
        onFreshThread(rule, () -> {
            List<String> ran = Collections.synchronizedList(new ArrayList<>());
            try (Scheduler s = p.newScheduler(options(target, new VirtualClock(), Optional.empty()))) {
                Thread other = Thread.ofPlatform().start(() -> {
                    for (int i = 0; i < 3; i++) {
                        int n = i;
                        s.execute(() -> ran.add("task" + n + (s.current().isPresent() ? "" : " outside a coroutine")
                                + (Thread.currentThread() == s.thread() ? "" : " on a foreign thread")));
                    }
                });
                join(other);
                s.run();
            }
            check(rule, ran.equals(List.of("task0", "task1", "task2")),
                    "three tasks submitted from another thread before run() should run as coroutines on the"
                            + " scheduler's thread in submission order; observed " + ran);
        });
        onFreshThread(rule, () -> wakesBlockedPoll(rule, target, p));
    }

    private static void wakesBlockedPoll(Rule rule, Target target, ConformanceProvider p) {
        boolean fds = target.has(Capability.FD_WAITS);
        SimulatedNetwork net = new SimulatedNetwork(1);
        MonotonicClock clock = fds ? new VirtualClock() : MonotonicClock.system();
        long[] latency = {-1};
        try (Scheduler s = p.newScheduler(options(target, clock, fds ? Optional.of(net.newPoller()) : Optional.empty()))) {
            s.create(x -> {
                if (fds) {
                    s.await(3, IoEvents.READ, 0); // no timeout: only the task's send can end this wait
                } else {
                    s.sleep(1_500);
                }
            }, null);
            Thread other = Thread.ofPlatform().start(() -> {
                sleepQuietly(100);
                long submitted = System.nanoTime();
                s.execute(() -> {
                    latency[0] = (System.nanoTime() - submitted) / 1_000_000L;
                    net.send(4);
                });
            });
            s.run();
            join(other);
        }
        check(rule, latency[0] >= 0 && latency[0] < 1_000, "a task submitted while run() was blocked "
                + (fds ? "polling for an fd" : "waiting for a sleeper's deadline") + " should run at once, but "
                + (latency[0] < 0 ? "never ran" : "ran after " + latency[0] + " ms: execute() did not wake the blocked poll"));
    }

    /** §3.6: yield, sleep and await outside a coroutine throw NotInCoroutineException. */
    static void suspendingOutsideCoroutineFails(Rule rule, Target target) {
        ConformanceProvider p = provider(rule, target);
        onFreshThread(rule, () -> {
            expect(rule, "Coroutines.yield() on a thread without a scheduler", NotInCoroutineException.class, Coroutines::yield);
            expect(rule, "Coroutines.sleep(5) on a thread without a scheduler", NotInCoroutineException.class,
                    () -> Coroutines.sleep(5));
            SimulatedNetwork net = new SimulatedNetwork(1);
            boolean fds = target.has(Capability.FD_WAITS);
            try (Scheduler s = p.newScheduler(options(target, new VirtualClock(), fds ? Optional.of(net.newPoller()) : Optional.empty()))) {
                expect(rule, "yieldNow() on the scheduler's thread outside a coroutine", NotInCoroutineException.class, s::yieldNow);
                expect(rule, "sleep(5) outside a coroutine", NotInCoroutineException.class, () -> s.sleep(5));
                expect(rule, "Coroutines.yield() outside a coroutine", NotInCoroutineException.class, Coroutines::yield);
                if (fds) {
                    expect(rule, "await(fd, READ, 10) outside a coroutine", NotInCoroutineException.class,
                            () -> s.await(3, IoEvents.READ, 10));
                }
            }
        });
    }

    /** §5.1: one scheduler per thread; other threads may not drive it; its coroutines run on its thread. */
    static void oneSchedulerPerThread(Rule rule, Target target) {
        ConformanceProvider p = provider(rule, target);
        onFreshThread(rule, () -> {
            try (Scheduler s = p.newScheduler(options(target, new VirtualClock(), Optional.empty()))) {
                check(rule, s.thread() == Thread.currentThread(), "thread() is " + s.thread() + ", not the creating thread");
                check(rule, Scheduler.ofCurrentThread().orElse(null) == s,
                        "Scheduler.ofCurrentThread() on the owner thread does not return the scheduler");
                expectAny(rule, "a second scheduler on a thread that has an open one",
                        () -> p.newScheduler(options(target, new VirtualClock(), Optional.empty())).close());
                check(rule, Scheduler.ofCurrentThread().orElse(null) == s,
                        "a refused second scheduler replaced the thread's binding to the first");
                onFreshThread(rule, () -> {
                    check(rule, Scheduler.ofCurrentThread().orElse(null) != s,
                            "Scheduler.ofCurrentThread() on another thread returns this thread's scheduler");
                    expect(rule, "create() from another thread", WrongThreadException.class, () -> s.create(x -> { }, null));
                    expect(rule, "run() from another thread", WrongThreadException.class, s::run);
                    expect(rule, "current() from another thread", WrongThreadException.class, s::current);
                    expect(rule, "close() from another thread", WrongThreadException.class, s::close);
                });
                check(rule, !s.isClosed(), "close() from another thread closed the scheduler");
            }
        });
    }

    /** §5.2: a scheduler is an Executor: execute runs tasks, rejects null and rejects after close. */
    static void schedulerIsExecutor(Rule rule, Target target) {
        ConformanceProvider p = provider(rule, target);
        onFreshThread(rule, () -> {
            Scheduler s = p.newScheduler(options(target, new VirtualClock(), Optional.empty()));
            boolean[] ran = {false};
            try {
                expect(rule, "execute(null)", NullPointerException.class, () -> s.execute(null));
                s.execute(() -> ran[0] = s.current().isPresent());
                s.run();
            } finally {
                s.close();
            }
            check(rule, ran[0], "a task given to execute() did not run as a coroutine during run()");
            check(rule, s.isClosed(), "isClosed() is false after close()");
            s.close();
            expect(rule, "execute() after close()", RejectedExecutionException.class, () -> s.execute(() -> { }));
        });
    }

    private static ConformanceProvider provider(Rule rule, Target target) {
        if (!target.has(Capability.IN_PROCESS_API)) {
            throw new NotVerifiedException(rule, "no IN_PROCESS_API capability: this rule needs direct calls on a"
                    + " scheduler object, from its own and other threads, which the driver protocol cannot express");
        }
        return target.provider().orElseThrow();
    }

    private static SchedulerOptions options(Target target, MonotonicClock clock, Optional<io.nty.api.spi.Poller> poller) {
        return new SchedulerOptions(clock, poller, (c, e) -> { });
    }

    private static void expect(Rule rule, String what, Class<? extends Throwable> type, Runnable call) {
        try {
            call.run();
        } catch (Throwable t) {
            if (type.isInstance(t)) {
                return;
            }
            throw new RuleViolation(rule, what + " should throw " + type.getSimpleName() + " but threw " + t);
        }
        throw new RuleViolation(rule, what + " should throw " + type.getSimpleName() + " but returned normally");
    }

    private static void expectAny(Rule rule, String what, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            return;
        }
        throw new RuleViolation(rule, what + " should be refused with an exception but was accepted");
    }

    private static void check(Rule rule, boolean ok, String message) {
        if (!ok) {
            throw new RuleViolation(rule, message);
        }
    }

    /** Runs {@code body} on a new platform thread and rethrows what it threw; fails the rule on a hang. */
    private static void onFreshThread(Rule rule, Runnable body) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread t = Thread.ofPlatform().daemon(true).name("nty-conformance-api").start(() -> {
            try {
                body.run();
                done.complete(null);
            } catch (Throwable e) {
                done.completeExceptionally(e);
            }
        });
        try {
            done.get(CHECK_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            t.interrupt();
            throw new RuleViolation(rule, "the check did not finish within " + CHECK_TIMEOUT_MILLIS + " ms (run() hung?)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void join(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
