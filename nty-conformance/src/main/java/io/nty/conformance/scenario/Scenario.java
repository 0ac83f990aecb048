package io.nty.conformance.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A complete test input: socket pairs, programs, suspending calls the main thread makes outside
 * any coroutine (each must be refused, §3.6), and the root coroutines the main thread creates (in
 * order, before calling {@code run()}).
 *
 * <p>Invariants (checked here): every {@link Step.Spawn} and every root names an existing
 * program; spawns only name programs with a higher index, so no program spawns itself and every
 * scenario terminates; every fd belongs to one of the socket pairs.
 *
 * @param pairs the number of socket pairs; pair {@code k} owns fds {@code 3+2k} and {@code 4+2k}
 * @param programs the programs, referred to by index
 * @param roots the programs of the root coroutines, in creation order
 * @param outside yield, sleep and wait steps the main thread attempts outside any coroutine,
 *        before it creates the roots
 * @param afterClose programs the main thread tries to {@code execute} after {@code run()} returned
 *        and it closed the scheduler: each must be rejected (§5.2)
 */
public record Scenario(int pairs, List<Program> programs, List<Integer> roots, List<Step> outside,
        List<Integer> afterClose) {

    /** The first logical fd: 0–2 are stdin, stdout and stderr in every process. */
    public static final int FIRST_FD = 3;

    /**
     * Copies the lists, so a scenario is immutable, and checks the invariants above.
     *
     * @param pairs the number of socket pairs
     * @param programs the programs, referred to by index
     * @param roots the programs of the root coroutines, in creation order
     * @param outside yield, sleep and wait steps the main thread attempts outside any coroutine
     * @param afterClose programs the main thread tries to {@code execute} after closing the scheduler
     * @throws IllegalArgumentException naming the fault, if the scenario is malformed: for example an
     *         invariant above does not hold, an execute-after-close names no program, or an outside
     *         step is not a yield, sleep or wait
     */
    public Scenario {
        programs = List.copyOf(programs);
        roots = List.copyOf(roots);
        outside = List.copyOf(outside);
        afterClose = List.copyOf(afterClose);
        validate(pairs, programs, roots);
        FilledPairs.check(programs);
        for (int p : afterClose) {
            checkProgram(p, programs.size(), "execute-after-close");
        }
        for (Step o : outside) {
            if (!(o instanceof Step.Yield || o instanceof Step.Sleep || o instanceof Step.WaitRead)) {
                throw new IllegalArgumentException("only yield, sleep and wait can be attempted outside a coroutine: " + o.text());
            }
            checkFd(o, pairs, "outside");
        }
    }

    /**
     * A scenario with nothing executed after close.
     *
     * @param pairs the number of socket pairs
     * @param programs the programs
     * @param roots the root coroutines' programs
     * @param outside the steps attempted outside coroutines
     */
    public Scenario(int pairs, List<Program> programs, List<Integer> roots, List<Step> outside) {
        this(pairs, programs, roots, outside, List.of());
    }

    /**
     * A scenario with nothing attempted outside coroutines.
     *
     * @param pairs the number of socket pairs
     * @param programs the programs
     * @param roots the root coroutines' programs
     */
    public Scenario(int pairs, List<Program> programs, List<Integer> roots) {
        this(pairs, programs, roots, List.of());
    }

    private static void validate(int pairs, List<Program> programs, List<Integer> roots) {
        if (pairs < 0) {
            throw new IllegalArgumentException("pairs must not be negative: " + pairs);
        }
        for (int r : roots) {
            checkProgram(r, programs.size(), "create");
        }
        for (int p = 0; p < programs.size(); p++) {
            for (Step s : programs.get(p).steps()) {
                int named = s.programNamed();
                if (named >= 0) {
                    checkProgram(named, programs.size(), s.text());
                    if (named <= p) {
                        throw new IllegalArgumentException("program " + p + " names program " + named + " in '"
                                + s.text() + "': a program may only spawn later programs (and submit or foreign only later ones)");
                    }
                }
                checkFd(s, pairs, "program " + p);
            }
        }
    }

    private static void checkFd(Step s, int pairs, String where) {
        int fd = fdOf(s);
        if (fd >= 0 && (fd < FIRST_FD || fd >= FIRST_FD + 2 * pairs)) {
            throw new IllegalArgumentException(where + " uses fd " + fd + " but the scenario has " + pairs + " socket pair(s)");
        }
    }

    private static void checkProgram(int p, int count, String what) {
        if (p < 0 || p >= count) {
            throw new IllegalArgumentException(what + " names program " + p + " of " + count);
        }
    }

    /**
     * {@return the fd {@code s} uses, or -1 if it uses none}
     *
     * @param s a step
     */
    public static int fdOf(Step s) {
        return switch (s) {
            case Step.WaitRead w -> w.fd();
            case Step.Send x -> x.fd();
            case Step.Recv x -> x.fd();
            case Step.Close x -> x.fd();
            case Step.HookRecv x -> x.fd();
            case Step.HookSend x -> x.fd();
            case Step.WaitWrite x -> x.fd();
            case Step.Fill x -> x.fd();
            case Step.Drain x -> x.fd();
            default -> -1;
        };
    }

    /**
     * {@return the fd at the other end of {@code fd}'s socket pair}
     *
     * @param fd a logical fd of this scenario
     */
    public static int peerOf(int fd) {
        int k = (fd - FIRST_FD) / 2;
        return fd == FIRST_FD + 2 * k ? fd + 1 : fd - 1;
    }

    /**
     * {@return the same scenario without programs that no root or reachable spawn runs (the rest
     * renumbered in order) and without socket pairs if no step uses an fd; what it does
     * is unchanged}
     *
     */
    public Scenario pruned() {
        boolean[] used = new boolean[programs.size()];
        roots.forEach(r -> used[r] = true);
        afterClose.forEach(r -> used[r] = true);
        for (int p = 0; p < programs.size(); p++) {
            if (used[p]) {
                for (Step s : programs.get(p).steps()) {
                    if (s.programNamed() >= 0) {
                        used[s.programNamed()] = true;
                    }
                }
            }
        }
        int[] renumber = new int[programs.size()];
        List<Program> kept = new ArrayList<>();
        for (int p = 0; p < programs.size(); p++) {
            renumber[p] = kept.size();
            if (used[p]) {
                kept.add(programs.get(p));
            }
        }
        List<Program> renumbered = kept.stream().map(prog -> new Program(prog.steps().stream()
                .map(s -> s.programNamed() >= 0 ? s.withProgram(renumber[s.programNamed()]) : s).toList())).toList();
        boolean io = renumbered.stream().flatMap(p -> p.steps().stream()).anyMatch(s -> fdOf(s) >= 0)
                || outside.stream().anyMatch(s -> fdOf(s) >= 0);
        return new Scenario(io ? pairs : 0, renumbered, roots.stream().map(r -> renumber[r]).toList(), outside,
                afterClose.stream().map(r -> renumber[r]).toList());
    }

    /** {@return the number of logical fds} */
    public int fdCount() {
        return 2 * pairs;
    }

    /**
     * {@return whether any program has a step with that property}
     *
     * @param test a property of steps
     */
    public boolean anyStep(Predicate<Step> test) {
        return programs.stream().flatMap(p -> p.steps().stream()).anyMatch(test);
    }

    /** {@return whether the scenario needs a driver with the THREADS capability: it uses other threads} */
    public boolean usesThreads() {
        return !afterClose.isEmpty() || anyStep(s -> s instanceof Step.WhichThread || s instanceof Step.Foreign
                || s instanceof Step.Submit || s instanceof Step.Execute || s instanceof Step.Post);
    }

    /** {@return whether the scenario needs a runner with the SOCKET_HOOKS capability} */
    public boolean usesHooks() {
        return anyStep(s -> s instanceof Step.HookRecv || s instanceof Step.HookSend);
    }

    /** {@return whether the scenario needs a runner with the WRITE_WAITS capability: writable waits, fills, drains} */
    public boolean usesWriteWaits() {
        return anyStep(s -> s instanceof Step.WaitWrite || s instanceof Step.Fill || s instanceof Step.Drain);
    }

    /** {@return whether the scenario needs a runner with the PRIMITIVES capability: park, unpark, join, cancel, spawnr (§6)} */
    public boolean usesPrimitives() {
        return anyStep(s -> s instanceof Step.Park || s instanceof Step.Unpark || s instanceof Step.Join
                || s instanceof Step.Cancel || s instanceof Step.SpawnResult);
    }

    /** {@return the total number of steps, a size measure for shrinking diagnostics} */
    public int stepCount() {
        return programs.stream().mapToInt(Program::size).sum();
    }

    /** @return the text form; see {@link ScenarioText} */
    @Override
    public String toString() {
        return ScenarioText.format(this);
    }

    /** Builds scenarios statement by statement, the way the text form reads. */
    public static final class Builder {
        private int pairs;
        private final List<List<Step>> programs = new ArrayList<>();
        private final List<Integer> roots = new ArrayList<>();
        private final List<Step> outside = new ArrayList<>();
        private final List<Integer> afterClose = new ArrayList<>();

        /** An empty builder: no pairs, programs or roots; {@link Scenario#builder()} is the same. */
        public Builder() {
            // Explicit only to carry the comment above.
        }

        /**
         * Sets the number of socket pairs (the last call wins).
         *
         * @param n the number of socket pairs
         * @return this builder, for chaining
         */
        public Builder pairs(int n) {
            pairs = n;
            return this;
        }

        /**
         * Adds the next program; programs are numbered in the order they are added.
         *
         * @param steps the steps of the next program (index = number of programs so far)
         * @return this builder, for chaining
         */
        public Builder program(Step... steps) {
            programs.add(List.of(steps));
            return this;
        }

        /**
         * Adds a root coroutine running {@code program}; the main thread creates roots in the order they are added.
         *
         * @param program the program of the next root coroutine
         * @return this builder, for chaining
         */
        public Builder create(int program) {
            roots.add(program);
            return this;
        }

        /**
         * Adds a suspending call the main thread attempts outside any coroutine, before creating the roots; it must be refused (§3.6).
         *
         * @param step a yield, sleep or wait the main thread attempts outside any coroutine (§3.6)
         * @return this builder, for chaining
         */
        public Builder outside(Step step) {
            outside.add(step);
            return this;
        }

        /**
         * Adds a program the main thread passes to {@code execute} after closing the scheduler; it must be rejected (§5.2).
         *
         * @param program a program the main thread tries to execute after closing the scheduler (§5.2)
         * @return this builder, for chaining
         */
        public Builder executeAfterClose(int program) {
            afterClose.add(program);
            return this;
        }

        /**
         * {@return the scenario built so far; the builder stays usable}
         *
         * @throws IllegalArgumentException naming the fault, if the scenario breaks an invariant
         */
        public Scenario build() {
            return new Scenario(pairs, programs.stream().map(Program::new).toList(), roots, outside, afterClose);
        }
    }

    /** {@return a new builder} */
    public static Builder builder() {
        return new Builder();
    }
}
