package io.nty.scheduler;

import io.nty.api.IoEvents;
import io.nty.api.spi.Poller;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A poller whose readiness is scripted by the test: {@link #makeReady} plays the kernel. Unlike a
 * real poller it also reports fds that are not armed when told to with {@link #reportUnarmed},
 * to check that the scheduler ignores events nobody waits for (§4.2). Interest is per direction
 * (§4.1): {@link #armed} holds the union of the directions armed on each fd, and arming a
 * direction twice or disarming one that is not armed fails the test. {@link #closeElsewhere}
 * plays another thread closing an fd.
 */
final class ScriptedPoller implements Poller {

    final Map<Integer, Integer> armed = new HashMap<>();
    final List<String> calls = new ArrayList<>();
    private final Map<Integer, Integer> readiness = new HashMap<>();
    private final Deque<int[]> unarmedReports = new ArrayDeque<>();
    private final Deque<Integer> closedElsewhere = new ArrayDeque<>();
    final AtomicInteger wakeups = new AtomicInteger();
    final List<Long> pollTimeouts = new ArrayList<>();

    /** The kernel says {@code fd} is ready for {@code events} (level-triggered until cleared). */
    void makeReady(int fd, int events) {
        readiness.merge(fd, events, (a, b) -> a | b);
    }

    void clearReady(int fd) {
        readiness.remove(fd);
    }

    /**
     * Another thread closes {@code fd}: the next poll or {@link #drainClosed} reports it closed
     * with the directions armed then, and forgets them.
     */
    void closeElsewhere(int fd) {
        closedElsewhere.add(fd);
    }

    /** The next poll also reports {@code fd} although nobody armed it. */
    void reportUnarmed(int fd, int events) {
        unarmedReports.add(new int[] {fd, events});
    }

    @Override
    public String name() {
        return "scripted";
    }

    @Override
    public boolean supportsFds() {
        return true;
    }

    @Override
    public void arm(int fd, int events) {
        calls.add("arm " + fd + " " + IoEvents.toString(events));
        int current = armed.getOrDefault(fd, 0);
        if ((current & events) != 0) {
            throw new AssertionError("fd " + fd + " armed twice for " + IoEvents.toString(current & events));
        }
        armed.put(fd, current | events);
    }

    @Override
    public void disarm(int fd, int events) {
        calls.add("disarm " + fd + " " + IoEvents.toString(events));
        int current = armed.getOrDefault(fd, 0);
        if ((current & events) != events) {
            throw new AssertionError("fd " + fd + " disarmed for " + IoEvents.toString(events)
                    + " but armed for " + IoEvents.toString(current));
        }
        if (current == events) {
            armed.remove(fd);
        } else {
            armed.put(fd, current & ~events);
        }
    }

    @Override
    public int drainClosed(ReadySink sink) {
        int n = 0;
        Integer fd;
        while ((fd = closedElsewhere.poll()) != null) {
            Integer events = armed.get(fd);
            calls.add("closed elsewhere " + fd);
            if (events != null) {
                sink.closed(fd, events); // the scheduler disarms what it ends, strictly checked
                armed.remove(fd); // forgotten, as a real poller forgets a closed fd
                n++;
            }
        }
        return n;
    }

    @Override
    public void forget(int fd) {
        calls.add("forget " + fd);
    }

    @Override
    public int poll(long timeoutNanos, ReadySink sink) {
        pollTimeouts.add(timeoutNanos);
        int n = drainClosed(sink);
        while (!unarmedReports.isEmpty()) {
            int[] r = unarmedReports.poll();
            sink.ready(r[0], r[1]);
            n++;
        }
        for (Map.Entry<Integer, Integer> e : new ArrayList<>(armed.entrySet())) {
            int ready = readiness.getOrDefault(e.getKey(), 0) & (e.getValue() | 0x18);
            if (ready != 0 && armed.containsKey(e.getKey())) {
                sink.ready(e.getKey(), ready);
                n++;
            }
        }
        if (n == 0 && timeoutNanos < 0) {
            throw new AssertionError("the scheduler would block forever: waiters " + armed + " and nothing ready");
        }
        return n;
    }

    @Override
    public void wakeup() {
        wakeups.incrementAndGet();
    }

    @Override
    public void close() {
        calls.add("close");
    }
}
