package io.nty.socket.jdk;

import io.nty.api.Coroutines;
import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The opt-in diagnostic for locks held across a suspension: with
 * {@code -Dnty.socket.jdk.lockCheck=warn} (or {@code fail}) every hooked call that may suspend a
 * coroutine first asks the JVM which monitors and {@code java.util.concurrent} locks the
 * scheduler thread holds, and names them.
 *
 * <h2>Why it matters, and why it is off by default</h2>
 * All coroutines of a scheduler run on one thread, and the JDK's locks belong to threads. A lock
 * held across a suspension is held by the scheduler thread meanwhile: a reentrant one
 * ({@code synchronized}, {@code ReentrantLock}) then admits any other coroutine of that thread
 * (mutual exclusion between them is silently gone; the JDK 24+ continuation does not pin on
 * monitors, so nothing stops the suspension), and a non-reentrant one (a {@code Semaphore}, a
 * {@code BlockingQueue}, a read-write lock's upgrade) blocks the thread for good. It is harmless
 * when no other coroutine of the thread takes the same lock — the common case of a JDBC driver,
 * which locks its own connection around each query, one connection per coroutine. So the check
 * reports; it cannot tell those cases apart. Asking the JVM costs a thread dump of one thread
 * (tens of microseconds), which is why it is off unless asked for.
 *
 * <p>{@code warn} prints one line to {@code System.err} per lock class and call; {@code fail}
 * throws {@link IllegalStateException} naming the locks.
 */
final class LockCheck {

    /** The system property that turns the check on: {@code off} (default), {@code warn}, {@code fail}. */
    static final String PROPERTY = "nty.socket.jdk.lockCheck";

    enum Mode { OFF, WARN, FAIL }

    private static final Mode MODE = parse(System.getProperty(PROPERTY, "off"));
    /** What {@code warn} has reported already, so that a hot loop prints one line, not millions. */
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

    private LockCheck() {
    }

    static Mode parse(String value) {
        try {
            return Mode.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("-D" + PROPERTY + " must be off, warn or fail, got '" + value + "'", e);
        }
    }

    /**
     * Called before a hooked call that may suspend the calling coroutine.
     *
     * @param call the call, for the message
     * @throws IllegalStateException in {@code fail} mode, inside a coroutine, if the thread holds a lock
     */
    static void beforeSuspendable(String call) {
        if (MODE != Mode.OFF) {
            check(MODE, call);
        }
    }

    /** {@link #beforeSuspendable} in a given mode (tests choose it; programs use the property). */
    static void check(Mode mode, String call) {
        if (mode == Mode.OFF || !Coroutines.inCoroutine()) {
            return;
        }
        List<String> held = heldLocks();
        if (held.isEmpty()) {
            return;
        }
        String message = "nty: a coroutine enters " + call + "() on a hooked java.net socket holding " + held
                + "; while it is suspended the scheduler thread holds them, so another coroutine of this thread"
                + " that takes one either gets in too (reentrant locks) or blocks the thread (-D" + PROPERTY + ")";
        switch (mode) {
            case FAIL -> throw new IllegalStateException(message);
            case WARN -> {
                if (WARNED.add(call + held)) {
                    System.err.println(message);
                }
            }
            case OFF -> { }
        }
    }

    /** {@return the monitors and ownable synchronizers the calling thread holds, by class name} */
    static List<String> heldLocks() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        ThreadInfo[] info = threads.getThreadInfo(new long[] {Thread.currentThread().threadId()}, true, true);
        List<String> held = new ArrayList<>();
        if (info.length == 1 && info[0] != null) {
            for (LockInfo monitor : info[0].getLockedMonitors()) {
                held.add("monitor " + monitor.getClassName());
            }
            for (LockInfo lock : info[0].getLockedSynchronizers()) {
                held.add("lock " + lock.getClassName());
            }
        }
        return held;
    }
}
