package io.nty.conformance.scenario;

/**
 * One statement of a coroutine's program. Each step has a one-line text form (see
 * {@link ScenarioText}) that is also the driver protocol's syntax.
 *
 * <p>Fds are logical: socket pair {@code k} of a scenario owns fds {@code 3 + 2k} and
 * {@code 4 + 2k}, whatever numbers an implementation's kernel hands out.
 */
public sealed interface Step {

    /** {@return the step in text form, e.g. {@code "sleep 10"}} */
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
        /**
         * Checks the duration.
         *
         * @param millis how long, {@code >= 0}
         * @throws IllegalArgumentException if {@code millis < 0}
         */
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

    /**
     * {@code thread}: record whether the coroutine runs on its scheduler's thread — the thread
     * that called {@code run()} — as {@code thread owner}, or on any other as {@code thread other} (§5.1).
     */
    record WhichThread() implements Step {
        @Override
        public String text() {
            return "thread";
        }
    }

    /**
     * {@code foreign p}: while this coroutine runs, another thread tries to create a coroutine
     * running program {@code p} on this scheduler and the coroutine waits for the attempt to end;
     * §5.1 requires the attempt to be refused ({@code foreign p refused}).
     *
     * @param program the index of the program the refused coroutine would run
     */
    record Foreign(int program) implements Step {
        @Override
        public String text() {
            return "foreign " + program;
        }
    }

    /**
     * {@code submit p}: hand program {@code p} to another thread, which waits until the scheduler
     * has nothing to run and blocks in its poll, then calls {@code Executor.execute} with a task
     * running {@code p} (§1.3, §5.2). The task must start at once, as the next coroutine: the
     * blocked poll must wake. A scenario using it keeps a coroutine waiting without a timeout
     * until the submitted program ends that wait, so the poll really blocks.
     *
     * @param program the index of the program the submitted task runs
     */
    record Submit(int program) implements Step {
        @Override
        public String text() {
            return "submit " + program;
        }
    }

    /**
     * {@code execute p}: the coroutine itself calls {@code Executor.execute} with a task running
     * program {@code p} (§1.3, §5.2). The task becomes a coroutine at the start of the scheduler's
     * next round, after the coroutines already queued, and in submission order with other tasks:
     * so it must not start in the round that submitted it, nor wait for a sleeper's deadline
     * while nothing else runs. Event: {@code execute P}, or {@code execute P error NAME}.
     *
     * @param program the index of the program the task runs
     */
    record Execute(int program) implements Step {
        @Override
        public String text() {
            return "execute " + program;
        }
    }

    /**
     * {@code post p}: another thread calls {@code Executor.execute} with a task running program
     * {@code p} while this coroutine waits for that call to return (§1.3): the same as
     * {@link Execute}, through the scheduler's thread-safe path. Event: {@code post P}, or
     * {@code post P error NAME}.
     *
     * @param program the index of the program the task runs
     */
    record Post(int program) implements Step {
        @Override
        public String text() {
            return "post " + program;
        }
    }

    /**
     * {@code hrecv fd timeout}: the socket hook {@code recv} on {@code fd} (§4.4, §4.5): returns
     * what is available, else suspends the coroutine — never the scheduler thread — until data,
     * end of stream or a failure. Events: {@code hrecv FD TIMEOUT}, then {@code got N}
     * ({@code got 0} at orderly end of stream) or {@code got ERRNO_NAME}.
     *
     * @param fd the logical fd
     * @param timeoutMillis the timeout, {@code 0} for none
     */
    record HookRecv(int fd, long timeoutMillis) implements Step {
        /** The most bytes one {@code hrecv} asks for. */
        public static final int MAX = 4096;

        @Override
        public String text() {
            return "hrecv " + fd + " " + timeoutMillis;
        }
    }

    /**
     * {@code hsend fd n}: the socket hook {@code send} of {@code n} bytes on {@code fd} (§4.5):
     * writes them all unless the peer fails. Events: {@code hsend FD N}, then {@code sent N}
     * or {@code sent ERRNO_NAME} (e.g. {@code EPIPE} after the peer closed).
     *
     * @param fd the logical fd
     * @param bytes how many bytes, {@code 1..HookRecv.MAX}
     */
    record HookSend(int fd, int bytes) implements Step {
        /**
         * Checks the byte count.
         *
         * @param fd the logical fd
         * @param bytes how many bytes, {@code 1..HookRecv.MAX}
         * @throws IllegalArgumentException if {@code bytes} is out of that range
         */
        public HookSend {
            if (bytes < 1 || bytes > HookRecv.MAX) {
                throw new IllegalArgumentException("hsend sends 1.." + HookRecv.MAX + " bytes: " + bytes);
            }
        }

        @Override
        public String text() {
            return "hsend " + fd + " " + bytes;
        }
    }

    /**
     * {@code wwait fd timeout}: {@code Scheduler.await(fd, WRITE, timeout)} (§4.1–§4.3): wait until
     * {@code fd} can be written. Outcomes as for {@code wait}: {@code ready}, {@code ready-other EVENTS},
     * {@code timeout}, {@code closed}, {@code busy} (another coroutine already waits to write it,
     * §4.1), {@code ebadf}; and {@code cancelled} (§6.3).
     *
     * @param fd the logical fd
     * @param timeoutMillis the timeout, {@code 0} for none
     */
    record WaitWrite(int fd, long timeoutMillis) implements Step {
        @Override
        public String text() {
            return "wwait " + fd + " " + timeoutMillis;
        }
    }

    /**
     * {@code fill fd}: write on {@code fd} without blocking until the kernel (or the simulation)
     * takes no more: its send path to the peer is full, so {@code fd} is not writable until the
     * peer drains it. Event: {@code fill FD ok}, {@code fill FD epipe} or {@code fill FD ebadf}.
     * The byte count is the kernel's, so it is not reported; a scenario that fills an fd reads
     * its peer with {@link Drain}, never {@link Recv}.
     *
     * @param fd the logical fd
     */
    record Fill(int fd) implements Step {
        @Override
        public String text() {
            return "fill " + fd;
        }
    }

    /**
     * {@code drain fd}: read everything available on {@code fd} without blocking; the peer becomes
     * writable again. Event: {@code drain FD ok} (read at least one byte), {@code drain FD eagain},
     * {@code drain FD eof} or {@code drain FD ebadf}.
     *
     * @param fd the logical fd
     */
    record Drain(int fd) implements Step {
        @Override
        public String text() {
            return "drain " + fd;
        }
    }

    /**
     * {@code park}: {@code Scheduler.park()} (§6.1). Events: {@code park}, then {@code unparked}
     * when it returns (at once if a permit was there), or {@code cancelled} (§6.3).
     */
    record Park() implements Step {
        @Override
        public String text() {
            return "park";
        }
    }

    /**
     * {@code unpark k}: {@code Scheduler.unpark} of the {@code k}-th coroutine created in the
     * scenario, counting from 0 (its id, §1.1). Event: {@code unpark K ok}, or {@code unpark K none}
     * if fewer than {@code k + 1} coroutines were created so far.
     *
     * @param target the creation index of the coroutine
     */
    record Unpark(int target) implements Step {
        @Override
        public String text() {
            return "unpark " + target;
        }
    }

    /**
     * {@code join k}: {@code Scheduler.join} of the {@code k}-th coroutine created (§6.2). Events:
     * {@code join K}, then {@code joined RESULT} ({@code null} for a coroutine made by
     * {@code create}, {@code rK} for one made by {@code spawnr}), {@code failed} (it threw),
     * {@code failed-cancelled} (it was cancelled), {@code cycle} (joining itself or a cycle,
     * refused at once), {@code cancelled} (this coroutine was cancelled while joining, §6.3) or
     * {@code none} (no such coroutine yet).
     *
     * @param target the creation index of the coroutine
     */
    record Join(int target) implements Step {
        @Override
        public String text() {
            return "join " + target;
        }
    }

    /**
     * {@code cancel k}: {@code Scheduler.cancel} of the {@code k}-th coroutine created (§6.3).
     * Event: {@code cancel K ok}, or {@code cancel K none} if it does not exist yet. A cancelled
     * coroutine reports {@code cancelled} at its suspension point and its function then ends by
     * the cancellation (no {@code exit}, no {@code uncaught}).
     *
     * @param target the creation index of the coroutine
     */
    record Cancel(int target) implements Step {
        @Override
        public String text() {
            return "cancel " + target;
        }
    }

    /**
     * {@code spawnr p}: {@code Scheduler.createWithResult} of a coroutine running program
     * {@code p}, whose result is the word {@code rK} (K its creation index) (§6.2). Event:
     * {@code created ID}.
     *
     * @param program the index of the program the child runs
     */
    record SpawnResult(int program) implements Step {
        @Override
        public String text() {
            return "spawnr " + program;
        }
    }

    /** {@return the program this step creates, tries to create or submits, or -1} */
    default int programNamed() {
        return switch (this) {
            case Spawn s -> s.program();
            case Foreign f -> f.program();
            case Submit s -> s.program();
            case SpawnResult s -> s.program();
            case Execute x -> x.program();
            case Post x -> x.program();
            default -> -1;
        };
    }

    /**
     * {@return this step naming {@code program} instead; only for steps whose {@link #programNamed()} is not -1}
     *
     * @param program the program's new index
     */
    default Step withProgram(int program) {
        return switch (this) {
            case Spawn s -> new Spawn(program);
            case Foreign f -> new Foreign(program);
            case Submit s -> new Submit(program);
            case SpawnResult s -> new SpawnResult(program);
            case Execute x -> new Execute(program);
            case Post x -> new Post(program);
            default -> throw new IllegalArgumentException(text() + " names no program");
        };
    }

    /** {@return whether this step may suspend the coroutine that runs it} */
    default boolean suspends() {
        return this instanceof Yield || this instanceof Sleep || this instanceof WaitRead || this instanceof HookRecv
                || this instanceof WaitWrite || this instanceof Park || this instanceof Join;
    }
}
