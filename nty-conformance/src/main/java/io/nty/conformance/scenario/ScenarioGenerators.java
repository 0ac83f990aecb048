package io.nty.conformance.scenario;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

/**
 * QuickTheories generators of scenarios, one family per group of rules.
 *
 * <p>Every choice is drawn from the randomness source with a shrink point at its simplest value
 * (fewer programs, fewer steps, fewer roots, the first parameter in each table), so
 * QuickTheories' draw-level shrinking turns a failing scenario into a short one. Each step slot
 * (and each root slot) may also be empty, and empty is its shrink point: shrinking can delete any
 * step or root, not only the last ones, and {@link Scenario#pruned()} then drops unused programs
 * and socket pairs.
 * Parameter tables are small on purpose: repeating values such as {@code sleep 10} makes equal
 * deadlines common, which is where ordering faults hide; wait timeouts include values just below,
 * at and above one second, where NtyCo's conversion fault lives.
 */
public final class ScenarioGenerators {

    /** The kinds of step a family may generate. */
    public enum Kind { YIELD, SLEEP, SPAWN, EXIT, THROW, TICK, WAIT, SEND, RECV, CLOSE }

    private static final long[] SLEEPS = {0, 10, 1, 5, 10, 20, 10, 50, 1500};
    private static final long[] TICKS = {1, 5, 10, 20, 0};
    private static final long[] TIMEOUTS = {10, 1, 5, 20, 100, 999, 1000, 1001, 1500, 2500};
    private static final int MAX_COROUTINES = 48;

    private ScenarioGenerators() {
    }

    /** Creation and entry (§1.1, §1.2, §2.1, §2.2): yields, spawns and early exits. */
    public static Gen<Scenario> creation() {
        return scenarios(EnumSet.of(Kind.YIELD, Kind.SPAWN, Kind.EXIT), 0, 5, 6, 4);
    }

    /** Exceptions (§2.3): creation plus throws, so failing coroutines sit among running ones. */
    public static Gen<Scenario> exceptions() {
        return scenarios(EnumSet.of(Kind.YIELD, Kind.SPAWN, Kind.EXIT, Kind.THROW, Kind.SLEEP), 0, 5, 6, 4);
    }

    /** Ordering (§3.1–§3.5): yields, sleeps, spawns and ticks of virtual time. */
    public static Gen<Scenario> ordering() {
        return scenarios(EnumSet.of(Kind.YIELD, Kind.SLEEP, Kind.SPAWN, Kind.TICK, Kind.EXIT), 0, 5, 7, 4);
    }

    /** fds (§4.1–§4.3): waits with timeouts, sends, receives and closes on one or two socket pairs, among sleeps and yields. */
    public static Gen<Scenario> fds() {
        return scenarios(EnumSet.of(Kind.WAIT, Kind.SEND, Kind.YIELD, Kind.SLEEP, Kind.RECV, Kind.CLOSE,
                Kind.SPAWN, Kind.TICK), 2, 4, 7, 4);
    }

    /** Everything at once. */
    public static Gen<Scenario> all() {
        return scenarios(EnumSet.allOf(Kind.class), 2, 5, 7, 4);
    }

    /**
     * @param kinds the step kinds to use; the first is what shrinking tends to
     * @param maxPairs socket pairs, at most (at least 1 if any IO kind is present)
     * @param maxPrograms programs, at most
     * @param maxSteps steps per program, at most
     * @param maxRoots root coroutines, at most
     * @return a generator of valid scenarios with at most {@value #MAX_COROUTINES} coroutines
     */
    public static Gen<Scenario> scenarios(Set<Kind> kinds, int maxPairs, int maxPrograms, int maxSteps, int maxRoots) {
        List<Kind> table = List.copyOf(kinds);
        Gen<Scenario> gen = in -> scenario(in, table, maxPairs, maxPrograms, maxSteps, maxRoots);
        return gen.assuming(s -> coroutineCount(s) <= MAX_COROUTINES).describedAs(ScenarioText::format);
    }

    private static Scenario scenario(RandomnessSource in, List<Kind> kinds, int maxPairs, int maxPrograms,
            int maxSteps, int maxRoots) {
        int pairs = maxPairs == 0 ? 0 : draw(in, 1, maxPairs);
        int programs = draw(in, 1, maxPrograms);
        List<Program> list = new ArrayList<>();
        for (int p = 0; p < programs; p++) {
            int steps = draw(in, 0, maxSteps);
            List<Step> body = new ArrayList<>();
            for (int i = 0; i < steps; i++) {
                Step s = step(in, kinds, pairs, p, programs);
                if (s != null) {
                    body.add(s);
                }
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
        return new Scenario(pairs, list, rootList).pruned();
    }

    /** @return a step, or null for an empty slot (the shrink point) */
    private static Step step(RandomnessSource in, List<Kind> kinds, int pairs, int program, int programs) {
        int kind = draw(in, 0, kinds.size());
        if (kind == 0) {
            return null;
        }
        return switch (kinds.get(kind - 1)) {
            case YIELD -> new Step.Yield();
            case SLEEP -> new Step.Sleep(pick(in, SLEEPS));
            case SPAWN -> program + 1 < programs ? new Step.Spawn(draw(in, program + 1, programs - 1)) : new Step.Yield();
            case EXIT -> new Step.Exit();
            case THROW -> new Step.Throw();
            case TICK -> new Step.Tick(pick(in, TICKS));
            case WAIT -> new Step.WaitRead(fd(in, pairs), pick(in, TIMEOUTS));
            case SEND -> new Step.Send(fd(in, pairs));
            case RECV -> new Step.Recv(fd(in, pairs));
            case CLOSE -> new Step.Close(fd(in, pairs));
        };
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

    /**
     * @param s a scenario
     * @return how many coroutines it creates in total (spawns only name later programs, so this is finite)
     */
    public static int coroutineCount(Scenario s) {
        int[] count = new int[s.programs().size()];
        for (int p = count.length - 1; p >= 0; p--) {
            int n = 1;
            for (Step step : s.programs().get(p).steps()) {
                if (step instanceof Step.Spawn sp) {
                    n += count[sp.program()];
                    if (n > 1_000_000) {
                        n = 1_000_000;
                    }
                }
            }
            count[p] = n;
        }
        return s.roots().stream().mapToInt(r -> count[r]).sum();
    }
}
