package io.nty.examples.server;

import io.nty.scheduler.NtyScheduler;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * One platform thread running one {@link Service} (a {@link CoroutineServer}, say) on its own
 * {@link NtyScheduler}: one
 * scheduler per thread (§5.1), as in NtyCo's multi-core server. Other threads talk to it only
 * through {@link #requestStop()}, which goes through the scheduler's {@code execute} (§1.3).
 */
public final class ServerThread {

    private final Thread thread;
    private final Service server;
    private final CountDownLatch started = new CountDownLatch(1);
    private volatile NtyScheduler scheduler;
    private volatile Throwable failure;

    private ServerThread(String name, Service server) {
        this.server = server;
        this.thread = new Thread(this::run, name);
    }

    /**
     * Starts a thread that builds a scheduler, starts {@code server} on it and runs it until
     * the server stops. Returns once the scheduler exists.
     *
     * @param name the thread's name
     * @param server the server, which already holds its listening fds
     * @return the running thread
     * @throws IllegalStateException if the scheduler could not be built (the cause says why,
     *         e.g. a missing JVM flag); the server's listeners are closed then
     * @throws InterruptedException if interrupted while waiting for the start
     */
    public static ServerThread start(String name, Service server) throws InterruptedException {
        ServerThread t = new ServerThread(name, server);
        t.thread.start();
        t.started.await();
        if (t.failure != null) {
            t.thread.join();
            throw new IllegalStateException(name + " could not start: " + t.failure, t.failure);
        }
        return t;
    }

    /** @return the service this thread runs */
    public Service server() {
        return server;
    }

    /**
     * Asks the server to stop, from any thread: the scheduler runs {@link Service#stop}
     * as a coroutine, after which its {@code run()} returns and the thread ends. Idempotent.
     */
    public void requestStop() {
        try {
            scheduler.execute(server::stop);
        } catch (RejectedExecutionException e) {
            // The scheduler is closed: the server has stopped already.
        }
    }

    /**
     * @param timeout the longest to wait
     * @return whether the thread ended within {@code timeout}
     * @throws InterruptedException if interrupted while waiting
     */
    public boolean awaitStopped(Duration timeout) throws InterruptedException {
        return thread.join(timeout);
    }

    /** Waits until the thread ends, however long it runs. */
    public void join() throws InterruptedException {
        thread.join();
    }

    /** @return what ended the thread abnormally, or null */
    public Throwable failure() {
        return failure;
    }

    /**
     * Installs a JVM shutdown hook (SIGINT, SIGTERM, {@code System.exit}) that stops every
     * thread and waits up to {@code timeout} for them, so listeners are closed before the JVM
     * exits; then runs {@code afterStop} (the JVM exits when the hook returns, so a message
     * printed by the main thread after the servers end might never appear).
     */
    public static void stopOnShutdown(List<ServerThread> threads, Duration timeout, Runnable afterStop) {
        List<ServerThread> copy = List.copyOf(threads);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            copy.forEach(ServerThread::requestStop);
            long deadline = System.nanoTime() + timeout.toNanos();
            for (ServerThread t : copy) {
                try {
                    t.thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            afterStop.run();
        }, "nty-shutdown"));
    }

    private void run() {
        try (NtyScheduler s = NtyScheduler.builder().name(thread.getName()).build()) {
            scheduler = s;
            server.start(s);
            started.countDown();
            s.run();
        } catch (Throwable t) {
            failure = t;
            server.stop(); // before start() this only closes the listeners, which any thread may do
            if (started.getCount() == 0) {
                System.err.println(thread.getName() + " failed: " + t);
            }
        } finally {
            started.countDown();
        }
    }
}
