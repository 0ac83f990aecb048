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
    }

    @Override
    public void disarm(int fd, int events) {
        log.add("disarm " + fd);
        delegate.disarm(fd, events);
    }

    @Override
    public int poll(long timeoutNanos, ReadySink sink) {
        polls++;
        return delegate.poll(timeoutNanos, (fd, events) -> {
            reportedFds.add(fd);
            log.add("ready " + fd + " " + events);
            sink.ready(fd, events);
        });
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
