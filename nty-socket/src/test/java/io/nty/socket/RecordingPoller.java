package io.nty.socket;

import io.nty.api.spi.Poller;
import java.util.ArrayList;
import java.util.List;

/** Wraps a poller and records what the scheduler asks of it and what it reports. */
final class RecordingPoller implements Poller {

    final Poller delegate;
    final List<String> log = new ArrayList<>();
    final List<Integer> reportedFds = new ArrayList<>();
    int arms;
    int polls;
    /** Runs after each arm, on the scheduler's thread: lets a test act once a waiter is armed. */
    volatile Runnable afterArm = () -> { };

    RecordingPoller(Poller delegate) {
        this.delegate = delegate;
    }

    @Override
    public String name() {
        return "recording(" + delegate.name() + ")";
    }

    @Override
    public boolean supportsFds() {
        return delegate.supportsFds();
    }

    @Override
    public void arm(int fd, int events) {
        arms++;
        log.add("arm " + fd + " " + events);
        delegate.arm(fd, events);
        afterArm.run();
    }

    @Override
    public void disarm(int fd, int events) {
        log.add("disarm " + fd + " " + events);
        delegate.disarm(fd, events);
    }

    @Override
    public void forget(int fd) {
        delegate.forget(fd);
    }

    @Override
    public int drainClosed(ReadySink sink) {
        return delegate.drainClosed(recording(sink));
    }

    @Override
    public int poll(long timeoutNanos, ReadySink sink) {
        polls++;
        return delegate.poll(timeoutNanos, recording(sink));
    }

    private ReadySink recording(ReadySink sink) {
        return new ReadySink() {
            @Override
            public void ready(int fd, int events) {
                reportedFds.add(fd);
                log.add("ready " + fd + " " + events);
                sink.ready(fd, events);
            }

            @Override
            public void closed(int fd, int events) {
                log.add("closed " + fd + " " + events);
                sink.closed(fd, events);
            }
        };
    }

    @Override
    public void wakeup() {
        delegate.wakeup();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
