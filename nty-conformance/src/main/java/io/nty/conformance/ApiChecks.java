package io.nty.conformance;

import io.nty.api.Coroutine;
import io.nty.api.CoroutinePinnedException;
import io.nty.api.CoroutineState;
import io.nty.api.Coroutines;
import io.nty.api.IoEvents;
import io.nty.api.SchedulerClosedException;
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
 * others: §1.3, §3.6, §5.1, §5.2; and, for JVM implementations, the parts of other rules only
 * direct calls reach: ids and states of created coroutines on two schedulers in turn (§1.1),
 * the system clock (§3.4), and every item of the Misuse section of docs/spec.md, each under the
 * rule of the call misused (null function §1.1, yield while pinned §3.2, negative sleep §3.4,
 * run re-entered and close while running §3.5, bad wait arguments §4.1, calls after close §5.2).
 * Each check runs on a fresh thread, so a scheduler that fails to unbind cannot disturb the next check.
 */
final class ApiChecks {

    private static final long CHECK_TIMEOUT_MILLIS = 10_000;
    /** Tasks each of two other threads submits while coroutines run. */
    private static final int TASKS_PER_THREAD = 5;
    /** How late a sleep on the system clock may wake: generous, the machine may be loaded. */
    private static final long CLOCK_SLACK_MILLIS = 1_500;
    /** Real time the system-clock check may take: its sleeps add up to 70 ms. */
    private static final long CLOCK_CHECK_TIMEOUT_MILLIS = 5_000;

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
        onFreshThread(rule, () -> executeWhileOthersRun(rule, target, p));
    }

    /**
     * Two other threads each submit {@value #TASKS_PER_THREAD} tasks, a few milliseconds apart,
     * while coroutines yield and sleep on the system clock: every task runs once, as a coroutine
     * on the scheduler's thread, each thread's tasks in the order it submitted them, and run()
     * returns only after all of them (§1.3).
     */
    private static void executeWhileOthersRun(Rule rule, Target target, ConformanceProvider p) {
        List<String> ran = Collections.synchronizedList(new ArrayList<>());
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        int total = 2 * TASKS_PER_THREAD;
        try (Scheduler s = p.newScheduler(options(target, MonotonicClock.system(), Optional.empty()))) {
            long giveUp = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(3_000);
            s.create(x -> { // a yielder and a sleeper keep the scheduler busy until every task ran
                while (ran.size() < total && System.nanoTime() < giveUp) {
                    s.yieldNow();
                    s.sleep(1);
                }
            }, null);
            s.create(x -> {
                while (ran.size() < total && System.nanoTime() < giveUp) {
                    s.sleep(2);
                }
            }, null);
            List<Thread> threads = new ArrayList<>();
            for (String name : List.of("a", "b")) {
                threads.add(Thread.ofPlatform().daemon(true).start(() -> {
                    for (int i = 0; i < TASKS_PER_THREAD; i++) {
                        String task = name + i;
                        sleepQuietly(3);
                        try {
                            s.execute(() -> {
                                if (Thread.currentThread() != s.thread() || s.current().isEmpty()) {
                                    problems.add("task " + task + " ran outside a coroutine of the scheduler's thread");
                                }
                                ran.add(task);
                            });
                        } catch (RuntimeException e) {
                            problems.add("execute() from another thread threw " + e);
                        }
                    }
                }));
            }
            s.run();
            threads.forEach(ApiChecks::join);
        }
        check(rule, problems.isEmpty(), String.join("; ", problems));
        List<String> a = ran.stream().filter(t -> t.startsWith("a")).toList();
        List<String> b = ran.stream().filter(t -> t.startsWith("b")).toList();
        check(rule, ran.size() == total && a.equals(List.of("a0", "a1", "a2", "a3", "a4"))
                && b.equals(List.of("b0", "b1", "b2", "b3", "b4")), "tasks submitted by two threads while coroutines"
                + " yielded and slept must each run once, in each thread's order; ran " + ran);
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
            check(rule, Scheduler.ofCurrentThread().isEmpty(), "after close() the thread still has a scheduler bound");
            Scheduler second;
            try {
                second = p.newScheduler(options(target, new VirtualClock(), Optional.empty()));
            } catch (RuntimeException e) {
                throw new RuleViolation(rule, "a second scheduler on a thread whose first was closed was refused: " + e
                        + "; close() must unbind the scheduler from its thread");
            }
            try (second) {
                check(rule, Scheduler.ofCurrentThread().orElse(null) == second,
                        "a second scheduler, made after the first was closed, is not bound to the thread");
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
        callsAfterClose(rule, target);
    }

    /**
     * §1.1 on two schedulers made in turn on one thread: each numbers its coroutines from 0, a
     * created coroutine is NEW (its function not yet run) and carries its function, argument and
     * scheduler; {@code create(null, …)} fails (Misuse) without using up an id.
     */
    static void createdCoroutines(Rule rule, Target target) {
        ConformanceProvider p = provider(rule, target);
        onFreshThread(rule, () -> {
            for (String which : List.of("the first scheduler", "a second scheduler, made on the same thread after the first was closed,")) {
                Scheduler s;
                try {
                    s = p.newScheduler(options(target, new VirtualClock(), Optional.empty()));
                } catch (RuntimeException e) {
                    throw new RuleViolation(rule, which + " could not be made: " + e
                            + " (close() must unbind a scheduler from its thread, §5.1)");
                }
                try (s) {
                    List<String> ran = new ArrayList<>();
                    expect(rule, "create(null, arg)", NullPointerException.class, () -> s.create(null, "x"));
                    Coroutine a = s.create(x -> ran.add("a:" + x), "arg-a");
                    Coroutine b = s.create(x -> ran.add("b:" + x), null);
                    check(rule, a.id() == 0 && b.id() == 1, which + " gave its first coroutines ids " + a.id() + " and "
                            + b.id() + "; ids count 0, 1, 2 … per scheduler (a refused create(null) uses no id)");
                    check(rule, a.state() == CoroutineState.NEW && b.state() == CoroutineState.NEW,
                            "right after create() the coroutines of " + which + " are " + a.state() + " and " + b.state()
                                    + "; a created coroutine is NEW until its first resume");
                    check(rule, ran.isEmpty(), "create() ran the function: " + ran);
                    check(rule, "arg-a".equals(a.argument()) && b.argument() == null && a.function() != null
                            && a.scheduler() == s, "a created coroutine must report its argument, function and scheduler;"
                            + " got argument " + a.argument() + ", scheduler " + a.scheduler());
                    s.run();
                    check(rule, ran.equals(List.of("a:arg-a", "b:null")), which + " ran " + ran + ", expected [a:arg-a, b:null]");
                    check(rule, a.state() == CoroutineState.EXITED, "after run() the coroutine is " + a.state() + ", not EXITED");
                }
                check(rule, Scheduler.ofCurrentThread().isEmpty(), "after close() the thread still has a scheduler bound: "
                        + Scheduler.ofCurrentThread().orElse(null));
            }
        });
    }

    /**
     * Misuse, §3.2: a yield while the coroutine is pinned (here: inside a class initializer, below
     * a native frame) fails with {@link CoroutinePinnedException} naming the problem, the coroutine
     * runs on, nothing is queued twice or lost: after the region it yields normally, and the others
     * run in their order.
     */
    static void yieldWhilePinned(Rule rule, Target target) {
        ConformanceProvider p = provider(rule, target);
        onFreshThread(rule, () -> {
            List<String> log = new ArrayList<>();
            try (Scheduler s = p.newScheduler(options(target, new VirtualClock(), Optional.empty()))) {
                s.create(x -> {
                    PinnedRegion.run(() -> {
                        try {
                            s.yieldNow();
                            log.add("yielded while pinned");
                        } catch (CoroutinePinnedException e) {
                            log.add(e.getMessage() == null || e.getMessage().isBlank() ? "pinned, no message" : "pinned");
                        } catch (RuntimeException e) {
                            log.add("threw " + e);
                        }
                    });
                    log.add("0 runs on");
                    s.yieldNow();
                    log.add("0 after yield");
                }, null);
                s.create(x -> {
                    log.add("1 runs");
                    s.yieldNow();
                    log.add("1 after yield");
                }, null);
                try {
                    s.run();
                } catch (RuntimeException e) {
                    log.add("run() threw " + e);
                }
            }
            check(rule, log.equals(List.of("pinned", "0 runs on", "1 runs", "0 after yield", "1 after yield")),
                    "a yield while the coroutine is pinned (in a class initializer) must throw CoroutinePinnedException"
                            + " with a message, the coroutine runs on, and later yields queue it once at the tail;"
                            + " expected [pinned, 0 runs on, 1 runs, 0 after yield, 1 after yield] but was " + log);
        });
    }

    /**
     * §3.4 on the system clock: sleeps of 30, 10, 20 and 10 ms wake in deadline order, none early,
     * none more than {@value #CLOCK_SLACK_MILLIS} ms late; and (Misuse) a negative sleep fails at
     * once with {@link IllegalArgumentException} and the coroutine runs on.
     */
    static void sleepsOnTheSystemClock(Rule rule, Target target) {
        ConformanceProvider p = provider(rule, target);
        onFreshThread(rule, CLOCK_CHECK_TIMEOUT_MILLIS, () -> {
            List<String> woke = Collections.synchronizedList(new ArrayList<>());
            List<String> problems = Collections.synchronizedList(new ArrayList<>());
            try (Scheduler s = p.newScheduler(options(target, MonotonicClock.system(), Optional.empty()))) {
                s.create(x -> {
                    try {
                        s.sleep(-1);
                        problems.add("sleep(-1) returned instead of throwing IllegalArgumentException");
                    } catch (IllegalArgumentException e) {
                        // Misuse: refused at once, and this coroutine runs on.
                    }
                }, null);
                for (long ms : new long[] {30, 10, 20, 10}) {
                    s.create(x -> {
                        long start = System.nanoTime();
                        s.sleep(ms);
                        long took = (System.nanoTime() - start) / 1_000_000L;
                        woke.add(Long.toString(ms));
                        if (took < ms) {
                            problems.add("sleep(" + ms + ") on the system clock returned after " + took + " ms");
                        } else if (took > ms + CLOCK_SLACK_MILLIS) {
                            problems.add("sleep(" + ms + ") on the system clock took " + took + " ms");
                        }
                    }, null);
                }
                s.run();
            }
            check(rule, problems.isEmpty(), String.join("; ", problems));
            check(rule, woke.equals(List.of("10", "10", "20", "30")), "sleeps of 30, 10, 20, 10 ms on the system clock"
                    + " woke in the order " + woke + "; expected deadline order [10, 10, 20, 30]");
        });
    }

    /**
     * Misuse, §3.5: {@code run()} re-entered from a coroutine and {@code close()} while running
     * both fail with {@link IllegalStateException}; the coroutine runs on, the scheduler stays
     * open and the outer {@code run()} returns normally once the others are done.
     */
    static void runAndCloseWhileRunning(Rule rule, Target target) {
        ConformanceProvider p = provider(rule, target);
        onFreshThread(rule, () -> {
            List<String> log = new ArrayList<>();
            try (Scheduler s = p.newScheduler(options(target, new VirtualClock(), Optional.empty()))) {
                s.create(x -> {
                    log.add(outcome(s::run, IllegalStateException.class, "run() from a coroutine"));
                    log.add(outcome(s::close, IllegalStateException.class, "close() from a coroutine"));
                    log.add(s.isClosed() ? "closed" : "open");
                    s.yieldNow();
                    log.add("0 resumed");
                }, null);
                s.create(x -> log.add("1 runs"), null);
                s.run();
                log.add("run returned");
            }
            check(rule, log.equals(List.of("refused", "refused", "open", "1 runs", "0 resumed", "run returned")),
                    "run() re-entered and close() while running must throw IllegalStateException and change nothing;"
                            + " expected [refused, refused, open, 1 runs, 0 resumed, run returned] but was " + log);
        });
    }

    /**
     * Misuse, §4.1: a wait with a negative fd, empty or unknown events, or a negative timeout
     * fails at once with {@link IllegalArgumentException}, arms nothing, and the next proper wait
     * on that fd works.
     */
    static void badWaitArguments(Rule rule, Target target) {
        ConformanceProvider p = provider(rule, target);
        target.require(rule, Capability.FD_WAITS);
        onFreshThread(rule, () -> {
            SimulatedNetwork net = new SimulatedNetwork(1);
            List<String> log = new ArrayList<>();
            try (Scheduler s = p.newScheduler(options(target, new VirtualClock(), Optional.of(net.newPoller())))) {
                s.create(x -> {
                    log.add(outcome(() -> s.await(-1, IoEvents.READ, 0), IllegalArgumentException.class, "await(-1, READ, 0)"));
                    log.add(outcome(() -> s.await(3, 0, 0), IllegalArgumentException.class, "await(3, 0, 0)"));
                    log.add(outcome(() -> s.await(3, 1 << 20, 0), IllegalArgumentException.class, "await(3, unknown events, 0)"));
                    log.add(outcome(() -> s.await(3, IoEvents.READ, -1), IllegalArgumentException.class, "await(3, READ, -1)"));
                    net.send(4);
                    net.enterAwait(3); // as the harness does around a wait, so the poller contract is watched
                    int ev = s.await(3, IoEvents.READ, 0);
                    net.leaveAwait(3, true, "0");
                    log.add((ev & IoEvents.READ) != 0 ? "ready" : "events " + IoEvents.toString(ev));
                }, null);
                s.run();
            }
            check(rule, log.equals(List.of("refused", "refused", "refused", "refused", "ready")),
                    "waits with bad arguments must throw IllegalArgumentException at once and leave the fd free;"
                            + " expected [refused ×4, ready] but was " + log);
            check(rule, net.violations().isEmpty(), "waits with bad arguments disturbed the poller: " + net.violations());
        });
    }

    /**
     * Misuse, §5.2: after {@code close()} every call fails with {@link SchedulerClosedException}
     * ({@code create}, {@code run}, {@code yieldNow}, {@code sleep}, {@code fdClosed}), {@code close()}
     * again is harmless, and {@code execute} is rejected.
     */
    static void callsAfterClose(Rule rule, Target target) {
        ConformanceProvider p = provider(rule, target);
        onFreshThread(rule, () -> {
            Scheduler s = p.newScheduler(options(target, new VirtualClock(), Optional.empty()));
            s.close();
            expect(rule, "create() after close()", SchedulerClosedException.class, () -> s.create(x -> { }, null));
            expect(rule, "run() after close()", SchedulerClosedException.class, s::run);
            expect(rule, "yieldNow() after close()", SchedulerClosedException.class, s::yieldNow);
            expect(rule, "sleep(1) after close()", SchedulerClosedException.class, () -> s.sleep(1));
            expect(rule, "fdClosed(3) after close()", SchedulerClosedException.class, () -> s.fdClosed(3));
            s.close();
            expect(rule, "execute() after close()", RejectedExecutionException.class, () -> s.execute(() -> { }));
            check(rule, Scheduler.ofCurrentThread().isEmpty(), "a closed scheduler is still bound to its thread");
        });
    }

    /** @return "refused" if {@code call} threw {@code type}, else a description of what it did */
    private static String outcome(Runnable call, Class<? extends Throwable> type, String what) {
        try {
            call.run();
            return what + " returned";
        } catch (Throwable t) {
            return type.isInstance(t) ? "refused" : what + " threw " + t;
        }
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
        onFreshThread(rule, CHECK_TIMEOUT_MILLIS, body);
    }

    private static void onFreshThread(Rule rule, long timeoutMillis, Runnable body) {
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
            done.get(timeoutMillis, TimeUnit.MILLISECONDS);
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
            throw new RuleViolation(rule, "the check did not finish within " + timeoutMillis + " ms (run() hung?)");
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
