package io.nty.scheduler;

import io.nty.api.spi.Poller;
import java.util.function.Supplier;

/**
 * A scheduler's default poller, chosen when it is first needed: until a coroutine first waits on
 * an fd it is a {@link ParkingPoller}; the first {@link #arm} (or a {@link #name()} /
 * {@link #supportsFds()} query) asks the {@link io.nty.api.spi.PollerProvider}s and from then on
 * delegates to the one chosen. So a program that never waits on an fd never asks a provider, and
 * with nty-socket on the class path it never loads jnr-ffi or its native library (nor triggers
 * the JDK's warnings about them).
 *
 * <p>Invariants: the choice is made at most once, and never after {@link #close()}. A
 * {@link #wakeup()} is never lost across the switch: the switch wakes the new poller once, and, if
 * made from another thread than the owner (which may be parked in the old one), the old one too.
 * A spurious wakeup only makes one poll return early, which the scheduler's loop tolerates.
 */
final class DeferredPoller implements Poller {

    private final Thread owner;
    private final Supplier<Poller> choice;
    private volatile Poller delegate;
    /** Written after {@link #delegate}, read before it: who sees it true sees the chosen poller. */
    private volatile boolean chosen;
    private boolean closed;

    /**
     * Creates the poller for a scheduler bound to {@code owner}.
     *
     * @param owner the scheduler's thread
     */
    DeferredPoller(Thread owner) {
        this(owner, Pollers::openBest);
    }

    /**
     * @param owner the scheduler's thread
     * @param choice opens the poller to delegate to, or gives {@code null} if there is none; called
     *        at most once
     */
    DeferredPoller(Thread owner, Supplier<Poller> choice) {
        this.owner = owner;
        this.choice = choice;
        this.delegate = new ParkingPoller(owner);
    }

    /** {@return the poller in use, choosing it first if no one has} */
    private Poller chosen() {
        return chosen ? delegate : choose();
    }

    private synchronized Poller choose() {
        if (chosen || closed) {
            return delegate;
        }
        Poller old = delegate;
        Poller next = choice.get();
        if (next == null) {
            chosen = true;
            return old; // no provider: the parking poller stays, and its arm() explains why
        }
        delegate = next;
        chosen = true;
        next.wakeup();
        if (Thread.currentThread() != owner) {
            old.wakeup();
        }
        old.close();
        return next;
    }

    @Override
    public String name() {
        return chosen().name();
    }

    @Override
    public boolean supportsFds() {
        return chosen().supportsFds();
    }

    @Override
    public void arm(int fd, int events) {
        chosen().arm(fd, events);
    }

    @Override
    public void disarm(int fd, int events) {
        delegate.disarm(fd, events);
    }

    @Override
    public int drainClosed(ReadySink sink) {
        return delegate.drainClosed(sink); // closes elsewhere reach only a poller that armed fds
    }

    @Override
    public void forget(int fd) {
        delegate.forget(fd); // nothing to forget if no fd was ever armed
    }

    @Override
    public int poll(long timeoutNanos, ReadySink sink) {
        return delegate.poll(timeoutNanos, sink);
    }

    @Override
    public void wakeup() {
        delegate.wakeup();
    }

    @Override
    public synchronized void close() {
        closed = true;
        delegate.close();
    }
}
