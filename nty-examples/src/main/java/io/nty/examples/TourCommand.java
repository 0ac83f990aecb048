package io.nty.examples;

import io.nty.api.Coroutine;
import io.nty.api.Coroutines;
import io.nty.scheduler.NtyScheduler;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * A self-contained tour of the scheduler: coroutines created in order, yielding to the ready
 * tail, sleeping by deadline, one failing without stopping the others, a task submitted from
 * another thread, and a yield-throughput figure at the end.
 */
@Command(name = "tour", mixinStandardHelpOptions = true,
        description = "A short tour of the scheduler alone (no sockets): ordering, sleeps, failures, execute, yield speed.")
public final class TourCommand implements Callable<Integer> {

    @Option(names = "--yields", defaultValue = "2000000",
            description = "Yields for the throughput part (default: ${DEFAULT-VALUE}).")
    long yields;

    private final PrintStream out = System.out;

    @Override
    public Integer call() throws Exception {
        try (NtyScheduler scheduler = NtyScheduler.builder()
                .exceptionHandler((co, t) -> out.printf("  handler: coroutine %d failed: %s%n", co.id(), t))
                .build()) {
            ordering(scheduler);
            crossThread(scheduler);
            throughput(scheduler);
        }
        return 0;
    }

    private void ordering(NtyScheduler scheduler) {
        out.println("1. three coroutines yield, sleep and one fails (rules 1.1, 3.2, 3.4, 2.3):");
        long start = System.nanoTime();
        for (String name : new String[] {"ping", "pong", "sleepy"}) {
            scheduler.create(this::pingPong, name);
        }
        scheduler.create(arg -> {
            out.println("  broken: about to throw");
            throw new IllegalStateException("deliberate failure");
        }, null);
        scheduler.run();
        out.printf("  run() returned after %d ms: nothing ready, sleeping or waiting (rule 3.5)%n",
                (System.nanoTime() - start) / 1_000_000);
    }

    private void pingPong(String name) {
        Coroutine self = Coroutines.current().orElseThrow();
        for (int i = 0; i < 2; i++) {
            out.printf("  %-6s (coroutine %d) step %d%n", name, self.id(), i);
            if (name.equals("sleepy")) {
                Coroutines.sleep(50);
            } else {
                Coroutines.yield();
            }
        }
    }

    private void crossThread(NtyScheduler scheduler) throws InterruptedException {
        out.println("2. another thread submits work through Executor.execute (rules 1.3, 5.2):");
        Thread submitter = new Thread(() -> scheduler.execute(() ->
                out.printf("  task runs as coroutine %d on thread '%s'%n",
                        Coroutines.current().orElseThrow().id(), Thread.currentThread().getName())),
                "submitter");
        submitter.start();
        submitter.join();
        scheduler.run();
    }

    private void throughput(NtyScheduler scheduler) {
        int coroutines = 100;
        long each = Math.max(1, yields / coroutines);
        out.printf("3. %d coroutines yield %d times each:%n", coroutines, each);
        for (int round = 0; round < 3; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < coroutines; i++) {
                scheduler.create(arg -> {
                    for (long k = 0; k < each; k++) {
                        Coroutines.yield();
                    }
                }, null);
            }
            scheduler.run();
            double ns = (System.nanoTime() - start) / (double) (each * coroutines);
            out.printf("  round %d: %.0f ns per yield+resume (%.1f M/s)%n", round + 1, ns, 1_000 / ns);
        }
    }
}
