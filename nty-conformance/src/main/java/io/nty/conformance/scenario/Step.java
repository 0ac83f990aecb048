package io.nty.conformance.scenario;

/**
 * One statement of a coroutine's program. Each step has a one-line text form (see
 * {@link ScenarioText}) that is also the driver protocol's syntax.
 *
 * <p>Fds are logical: socket pair {@code k} of a scenario owns fds {@code 3 + 2k} and
 * {@code 4 + 2k}, whatever numbers an implementation's kernel hands out.
 */
public sealed interface Step {

    /** @return the step in text form, e.g. {@code "sleep 10"} */
    String text();

    /** {@code yield}: {@code Scheduler.yieldNow()} (§3.2). */
    record Yield() implements Step {
        @Override
        public String text() {
            return "yield";
        }
    }

    /**
     * {@code sleep ms}: {@code Scheduler.sleep(ms)} (§3.4); {@code sleep 0} is a yield.
     *
     * @param millis how long, {@code >= 0}
     */
    record Sleep(long millis) implements Step {
        public Sleep {
            if (millis < 0) {
                throw new IllegalArgumentException("sleep must not be negative: " + millis);
            }
        }

        @Override
        public String text() {
            return "sleep " + millis;
        }
    }

    /**
     * {@code spawn p}: create a coroutine running program {@code p} (§1.1, §1.2).
     *
     * @param program the index of the program the child runs
     */
    record Spawn(int program) implements Step {
        @Override
        public String text() {
            return "spawn " + program;
        }
    }

    /** {@code exit}: return from the coroutine's function now (§2.2). */
    record Exit() implements Step {
        @Override
        public String text() {
            return "exit";
        }
    }

    /** {@code throw}: throw an exception out of the coroutine's function (§2.3). */
    record Throw() implements Step {
        @Override
        public String text() {
            return "throw";
        }
    }

    /**
     * {@code tick ms}: the running coroutine takes {@code ms} of virtual time, as if it computed
     * that long (the clock advances while it runs; nothing is suspended).
     *
     * @param millis how far the clock moves, {@code >= 0}
     */
    record Tick(long millis) implements Step {
        @Override
        public String text() {
            return "tick " + millis;
        }
    }

    /**
     * {@code wait fd timeout}: {@code Scheduler.await(fd, READ, timeout)} (§4.1–§4.3).
     *
     * @param fd the logical fd
     * @param timeoutMillis the timeout, {@code 0} for none
     */
    record WaitRead(int fd, long timeoutMillis) implements Step {
        @Override
        public String text() {
            return "wait " + fd + " " + timeoutMillis;
        }
    }

    /**
     * {@code send fd}: write one byte on {@code fd}; its peer becomes readable.
     *
     * @param fd the logical fd
     */
    record Send(int fd) implements Step {
        @Override
        public String text() {
            return "send " + fd;
        }
    }

    /**
     * {@code recv fd}: read everything available on {@code fd} without blocking.
     *
     * @param fd the logical fd
     */
    record Recv(int fd) implements Step {
        @Override
        public String text() {
            return "recv " + fd;
        }
    }

    /**
     * {@code close fd}: {@code Scheduler.fdClosed(fd)}, then close the fd (§4.3).
     *
     * @param fd the logical fd
     */
    record Close(int fd) implements Step {
        @Override
        public String text() {
            return "close " + fd;
        }
    }

    /** @return whether this step may suspend the coroutine that runs it */
    default boolean suspends() {
        return this instanceof Yield || this instanceof Sleep || this instanceof WaitRead;
    }
}
