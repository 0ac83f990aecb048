package io.nty.conformance.scenario;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

/**
 * QuickTheories generators for the rules that came with the writable wait and the §6 primitives:
 * §4.1 in its per-direction form (readers and writers on the same fds, sockets that fill), and
 * §6.1 park/unpark, §6.2 join, §6.3 cancellation.
 *
 * <p>Shrinking works as in {@link ScenarioGenerators}: every slot may be empty (its shrink point),
 * parameters shrink to the first entry of their table, targets of unpark, join and cancel to the
 * lowest creation index. Steps name other coroutines by creation index (= id, §1.1).
 *
 * <p>Two guarantees keep a correct implementation from hanging: every scenario kept is
 * {@linkplain Model#definite definite} (the model neither gets stuck nor meets a choice the
 * rules leave open), and the families whose coroutines can park forever — a lost unpark, a
 * missed wake-up — get a <em>safety net</em>: a first root (creation index 0, which no generated
 * step names) that sleeps {@value #NET_SLEEP} ms and then cancels every other coroutine. On a
 * conforming implementation every cancel of the net finds its target ended (harmless, §6.3);
 * on a broken one it ends what would otherwise hang, and the trace shows the difference.
 */
public final class PrimitiveScenarioGenerators {

    /** The kinds of step these families generate. */
    public enum Kind {
        /** {@code yield} ({@link Step.Yield}). */
        YIELD,
        /** {@code sleep ms} ({@link Step.Sleep}), from a small table so equal deadlines are common. */
        SLEEP,
        /** {@code spawn p} of a later program ({@link Step.Spawn}); a yield in the last program. */
        SPAWN,
        /**
         * {@code spawnr p} of a later program ({@link Step.SpawnResult}), so it can be joined for a result; a
         * yield in the last program.
         */
        SPAWNR,
        /** {@code exit}: return early ({@link Step.Exit}). */
        EXIT,
        /** {@code throw} ({@link Step.Throw}): the coroutine fails, and the handler gets the exception. */
        THROW,
        /** {@code tick ms} ({@link Step.Tick}): virtual time passes while the coroutine runs. */
        TICK,
        /** {@code wait fd timeout}: a read wait ({@link Step.WaitRead}). */
        WAIT,
        /** {@code wwait fd timeout}: a write wait ({@link Step.WaitWrite}). */
        WWAIT,
        /** {@code fill fd} then {@code wwait fd timeout}: a write wait that really has to wait. */
        FILLED_WWAIT,
        /** {@code fill fd} ({@link Step.Fill}): write until the socket takes no more. */
        FILL,
        /**
         * {@code drain fd} ({@link Step.Drain}): read everything available, so the peer is writable again.
         */
        DRAIN,
        /** {@code send fd} ({@link Step.Send}): one byte, so the peer becomes readable. */
        SEND,
        /** {@code close fd} ({@link Step.Close}): tell the scheduler, then close the fd. */
        CLOSE,
        /** {@code park} ({@link Step.Park}). */
        PARK,
        /**
         * {@code unpark k} of a coroutine by creation index ({@link Step.Unpark}), which may not exist yet.
         */
        UNPARK,
        /** {@code join k} of a coroutine by creation index ({@link Step.Join}), which may not exist yet. */
        JOIN,
        /**
         * {@code cancel k} of a coroutine by creation index ({@link Step.Cancel}), which may not exist yet.
         */
        CANCEL,
        /** {@code sleep 5} then {@code cancel K}: the others have suspended by the time it cancels. */
        CANCEL_LATER,
        /** A read wait with a long timeout, so a cancel finds it still waiting. */
        LONG_WAIT
    }

    /** How long the safety net sleeps before it cancels everyone: far beyond what generated steps take. */
    public static final long NET_SLEEP = 10_000;

    private static final long[] SLEEPS = {0, 10, 1, 5, 10, 20, 50};
    private static final long[] TICKS = {1, 5, 10, 0};
    private static final long[] TIMEOUTS = {10, 1, 5, 20, 100, 999, 1000, 1001, 1500};
    /** Targets of unpark, join and cancel: creation indexes up to this. */
    private static final int MAX_TARGET = 4;
    private static final long[] LONG_TIMEOUTS = {1000, 100, 1500, 20};
    private static final int MAX_COROUTINES = 40;

    private PrimitiveScenarioGenerators() {
    }

    /**
     * §4.1 per direction: read waits and writable waits on one or two socket pairs, fills that make
     * a writer wait for real, drains and sends that wake one direction, closes that wake both,
     * among yields, sleeps and spawns.
     *
     * @return the generator
     */
    public static Gen<Scenario> duplex() {
        return scenarios(EnumSet.of(Kind.WAIT, Kind.FILLED_WWAIT, Kind.DRAIN, Kind.SEND, Kind.WWAIT, Kind.YIELD,
                Kind.FILL, Kind.CLOSE, Kind.SLEEP, Kind.SPAWN), 2, 4, 6, 4, false);
    }

    /**
     * §6.1: parks and unparks among yields, sleeps, spawns and ticks; with the safety net.
     *
     * @return a generator of such scenarios, all {@linkplain Model#definite definite}, each shown in its text form when a property fails
     */
    public static Gen<Scenario> parking() {
        return scenarios(EnumSet.of(Kind.PARK, Kind.UNPARK, Kind.YIELD, Kind.SPAWN, Kind.SLEEP, Kind.TICK, Kind.EXIT),
                0, 4, 6, 4, true);
    }

    /**
     * §6.2: joins of coroutines made by spawn and spawnr that exit, throw or run on; no net needed.
     *
     * @return a generator of such scenarios, all {@linkplain Model#definite definite}, each shown in its text form when a property fails
     */
    public static Gen<Scenario> joining() {
        return scenarios(EnumSet.of(Kind.JOIN, Kind.SPAWNR, Kind.SPAWN, Kind.YIELD, Kind.THROW, Kind.EXIT, Kind.SLEEP,
                Kind.TICK), 0, 5, 6, 4, false);
    }

    /**
     * §6.3: cancels of coroutines that yield, sleep, wait to read or write, park or join, or have
     * not started, or ended — mostly after a short sleep, so that their targets have suspended,
     * and with long wait timeouts, so that waiters are still waiting; with the safety net.
     *
     * @return a generator of such scenarios, all {@linkplain Model#definite definite}, each shown in its text form when a property fails
     */
    public static Gen<Scenario> cancelling() {
        return scenarios(EnumSet.of(Kind.CANCEL_LATER, Kind.LONG_WAIT, Kind.PARK, Kind.SLEEP, Kind.JOIN, Kind.YIELD,
                Kind.SPAWN, Kind.FILLED_WWAIT, Kind.SEND, Kind.CANCEL), 1, 4, 6, 4, true);
    }

    /**
     * {@return a generator of definite scenarios}
     *
     * @param kinds the step kinds; the first is what shrinking tends to
     * @param maxPairs socket pairs, at most (at least 1 if {@code > 0})
     * @param maxPrograms programs, at most
     * @param maxSteps step slots per program, at most
     * @param maxRoots root coroutines, at most (besides the net)
     * @param net whether to add the safety net
     */
    public static Gen<Scenario> scenarios(Set<Kind> kinds, int maxPairs, int maxPrograms, int maxSteps, int maxRoots,
            boolean net) {
        List<Kind> table = List.copyOf(kinds);
        Gen<Scenario> gen = in -> scenario(in, table, maxPairs, maxPrograms, maxSteps, maxRoots, net);
        return gen.assuming(s -> ScenarioGenerators.coroutineCount(s) <= MAX_COROUTINES)
                .assuming(Model::definite)
                .describedAs(ScenarioText::format);
    }

    private static Scenario scenario(RandomnessSource in, List<Kind> kinds, int maxPairs, int maxPrograms,
            int maxSteps, int maxRoots, boolean net) {
        int pairs = maxPairs == 0 ? 0 : draw(in, 1, maxPairs);
        int programs = draw(in, 1, maxPrograms);
        int firstTarget = net ? 1 : 0;
        List<Program> list = new ArrayList<>();
        for (int p = 0; p < programs; p++) {
            int slots = draw(in, 0, maxSteps);
            List<Step> body = new ArrayList<>();
            for (int i = 0; i < slots; i++) {
                steps(in, kinds, pairs, p, programs, firstTarget, body);
            }
            list.add(new Program(body));
        }
        int roots = draw(in, 1, maxRoots);
        List<Integer> rootList = new ArrayList<>();
        for (int i = 0; i < roots; i++) {
            int r = draw(in, 0, programs); // 0: no root here, so shrinking can drop any root
            if (r > 0) {
                rootList.add(r - 1);
            }
        }
        Scenario s = new Scenario(pairs, list, rootList).pruned();
        return net ? withSafetyNet(s) : s;
    }

    /**
     * {@return the same scenario with the safety net as program 0 and first root: it sleeps
     * {@value #NET_SLEEP} ms, then cancels every other coroutine the scenario creates}
     *
     * @param s a scenario whose steps name no coroutine 0
     */
    public static Scenario withSafetyNet(Scenario s) {
        int others = ScenarioGenerators.coroutineCount(s);
        List<Step> netSteps = new ArrayList<>();
        netSteps.add(new Step.Sleep(NET_SLEEP));
        for (int k = 1; k <= Math.min(others, MAX_COROUTINES); k++) {
            netSteps.add(new Step.Cancel(k));
        }
        List<Program> programs = new ArrayList<>();
        programs.add(new Program(netSteps));
        for (Program p : s.programs()) {
            programs.add(new Program(p.steps().stream()
                    .map(st -> st.programNamed() >= 0 ? st.withProgram(st.programNamed() + 1) : st).toList()));
        }
        List<Integer> roots = new ArrayList<>();
        roots.add(0);
        s.roots().forEach(r -> roots.add(r + 1));
        return new Scenario(s.pairs(), programs, roots, s.outside(), s.afterClose());
    }

    /** Appends the steps of one slot (none for an empty slot, the shrink point). */
    private static void steps(RandomnessSource in, List<Kind> kinds, int pairs, int program, int programs,
            int firstTarget, List<Step> out) {
        int kind = draw(in, 0, kinds.size());
        if (kind == 0) {
            return;
        }
        switch (kinds.get(kind - 1)) {
            case YIELD -> out.add(new Step.Yield());
            case SLEEP -> out.add(new Step.Sleep(pick(in, SLEEPS)));
            case SPAWN -> out.add(program + 1 < programs ? new Step.Spawn(draw(in, program + 1, programs - 1)) : new Step.Yield());
            case SPAWNR -> out.add(program + 1 < programs
                    ? new Step.SpawnResult(draw(in, program + 1, programs - 1)) : new Step.Yield());
            case EXIT -> out.add(new Step.Exit());
            case THROW -> out.add(new Step.Throw());
            case TICK -> out.add(new Step.Tick(pick(in, TICKS)));
            case WAIT -> out.add(new Step.WaitRead(fd(in, pairs), pick(in, TIMEOUTS)));
            case WWAIT -> out.add(new Step.WaitWrite(fd(in, pairs), pick(in, TIMEOUTS)));
            case FILLED_WWAIT -> {
                int fd = fd(in, pairs);
                out.add(new Step.Fill(fd));
                out.add(new Step.WaitWrite(fd, pick(in, TIMEOUTS)));
            }
            case FILL -> out.add(new Step.Fill(fd(in, pairs)));
            case DRAIN -> out.add(new Step.Drain(fd(in, pairs)));
            case SEND -> out.add(new Step.Send(fd(in, pairs)));
            case CLOSE -> out.add(new Step.Close(fd(in, pairs)));
            case PARK -> out.add(new Step.Park());
            case UNPARK -> out.add(new Step.Unpark(draw(in, firstTarget, MAX_TARGET)));
            case JOIN -> out.add(new Step.Join(draw(in, firstTarget, MAX_TARGET)));
            case CANCEL -> out.add(new Step.Cancel(draw(in, firstTarget, MAX_TARGET)));
            case CANCEL_LATER -> {
                out.add(new Step.Sleep(5));
                out.add(new Step.Cancel(draw(in, firstTarget, MAX_TARGET)));
            }
            case LONG_WAIT -> out.add(new Step.WaitRead(fd(in, pairs), pick(in, LONG_TIMEOUTS)));
        }
    }

    private static int fd(RandomnessSource in, int pairs) {
        return Scenario.FIRST_FD + draw(in, 0, Math.max(1, 2 * pairs) - 1);
    }

    private static long pick(RandomnessSource in, long[] table) {
        return table[draw(in, 0, table.length - 1)];
    }

    private static int draw(RandomnessSource in, int min, int max) {
        return (int) in.next(Constraint.between(min, max).withShrinkPoint(min));
    }
}
