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
    public enum Kind {
        /** {@code yield} ({@link Step.Yield}). */
        YIELD,
        /** {@code sleep ms} ({@link Step.Sleep}), from a small table so equal deadlines are common. */
        SLEEP,
        /** {@code spawn p} of a later program ({@link Step.Spawn}); a yield in the last program. */
        SPAWN,
        /** {@code exit}: return early ({@link Step.Exit}). */
        EXIT,
        /** {@code throw} ({@link Step.Throw}): the coroutine fails, and the handler gets the exception. */
        THROW,
        /** {@code tick ms} ({@link Step.Tick}): virtual time passes while the coroutine runs. */
        TICK,
        /** {@code wait fd timeout}: a read wait ({@link Step.WaitRead}). */
        WAIT,
        /** {@code send fd} ({@link Step.Send}): one byte, so the peer becomes readable. */
        SEND,
        /** {@code recv fd} ({@link Step.Recv}): read everything available without blocking. */
        RECV,
        /** {@code close fd} ({@link Step.Close}): tell the scheduler, then close the fd. */
        CLOSE,
        /** {@code execute P} from the coroutine itself (needs {@code THREADS}). */
        EXECUTE,
        /**
         * {@code post P}: {@code execute} from another thread while the coroutine waits (needs {@code
         * THREADS}).
         */
        POST
    }

    private static final long[] SLEEPS = {0, 10, 1, 5, 10, 20, 10, 50, 1500};
    private static final long[] TICKS = {1, 5, 10, 20, 0};
    /** Wait timeouts; 0 is an untimed wait, which only readiness or close can end. */
    private static final long[] TIMEOUTS = {10, 1, 5, 0, 20, 100, 999, 1000, 1001, 1500, 2500, 0};
    /** Sleeps and timeouts at scale: few distinct values, so many deadlines are equal. */
    private static final long[] SCALE_DEADLINES = {10, 10, 20, 5, 30, 10, 15, 50, 1, 20};
    /** Wait timeouts at scale: long enough that the coroutine ending waits early reaches many in time. */
    private static final long[] SCALE_TIMEOUTS = {20, 20, 30, 10, 50, 20, 40, 15, 100, 30};
    /** Pauses of the coroutine that ends waits early at scale. */
    private static final long[] SCALE_PAUSES = {0, 0, 1, 1, 2, 3, 5, 1};
    private static final int MAX_COROUTINES = 48;
    /** The fewest coroutines a fan-out scenario creates. */
    public static final int MIN_FAN_OUT = 2_000;
    /** The fewest sleepers, and (with fds) the fewest waiters, a timer scenario holds at once. */
    public static final int MIN_TIMERS = 32;

    private ScenarioGenerators() {
    }

    /**
     * Creation and entry (§1.1, §1.2, §2.1, §2.2): yields, spawns and early exits.
     *
     * @return a generator of such scenarios, each shown in its text form ({@link ScenarioText}) when a property fails
     */
    public static Gen<Scenario> creation() {
        return scenarios(EnumSet.of(Kind.YIELD, Kind.SPAWN, Kind.EXIT), 0, 5, 6, 4);
    }

    /**
     * Exceptions (§2.3): creation plus throws, so failing coroutines sit among running ones.
     *
     * @return a generator of such scenarios, each shown in its text form ({@link ScenarioText}) when a property fails
     */
    public static Gen<Scenario> exceptions() {
        return scenarios(EnumSet.of(Kind.YIELD, Kind.SPAWN, Kind.EXIT, Kind.THROW, Kind.SLEEP), 0, 5, 6, 4);
    }

    /**
     * Ordering (§3.1–§3.5): yields, sleeps, spawns and ticks of virtual time.
     *
     * @return a generator of such scenarios, each shown in its text form ({@link ScenarioText}) when a property fails
     */
    public static Gen<Scenario> ordering() {
        return scenarios(EnumSet.of(Kind.YIELD, Kind.SLEEP, Kind.SPAWN, Kind.TICK, Kind.EXIT), 0, 5, 7, 4);
    }

    /**
     * fds (§4.1–§4.3): waits with and without timeouts, sends, receives and closes on one or two
     * socket pairs, among sleeps, yields and throws (a coroutine failing after an IO wait). No
     * scenario is stuck: every untimed wait is ended by readiness or close.
     *
     * @return a generator of such scenarios, each shown in its text form ({@link ScenarioText}) when a property fails
     */
    public static Gen<Scenario> fds() {
        return scenarios(EnumSet.of(Kind.WAIT, Kind.SEND, Kind.YIELD, Kind.SLEEP, Kind.RECV, Kind.CLOSE,
                Kind.SPAWN, Kind.TICK, Kind.THROW), 2, 4, 7, 4);
    }

    /**
     * Ordering (§3.3) on fd scenarios too: {@link #ordering()} and {@link #fds()}, half each.
     *
     * @return a generator of such scenarios, each shown in its text form ({@link ScenarioText}) when a property fails
     */
    public static Gen<Scenario> orderingWithFds() {
        return ordering().mix(fds(), 50);
    }

    /**
     * Exceptions (§2.3) with fds: {@link #exceptions()} and {@link #fds()}, which throws after IO waits.
     *
     * @return a generator of such scenarios, each shown in its text form ({@link ScenarioText}) when a property fails
     */
    public static Gen<Scenario> exceptionsWithFds() {
        return exceptions().mix(fds(), 50);
    }

    /**
     * Everything at once, but the steps that need {@code THREADS}.
     *
     * @return a generator of such scenarios, each shown in its text form ({@link ScenarioText}) when a property fails
     */
    public static Gen<Scenario> all() {
        EnumSet<Kind> kinds = EnumSet.allOf(Kind.class);
        kinds.removeAll(EnumSet.of(Kind.EXECUTE, Kind.POST));
        return scenarios(kinds, 2, 5, 7, 4);
    }

    /**
     * {@code execute} (§1.3) while other coroutines yield, sleep and spawn: tasks given to
     * {@code execute} by coroutines and by other threads ({@code post}), several per scenario.
     * Needs {@code THREADS}.
     *
     * @return a generator of such scenarios, each shown in its text form ({@link ScenarioText}) when a property fails
     */
    public static Gen<Scenario> executes() {
        return scenarios(EnumSet.of(Kind.EXECUTE, Kind.YIELD, Kind.SLEEP, Kind.POST, Kind.SPAWN, Kind.EXIT, Kind.TICK),
                0, 5, 6, 3);
    }

    /**
     * Untimed waits left alone (§3.5): a chain of 2–6 coroutines each waiting without a timeout
     * on an fd of its own; a starter makes the first fd readable, and each waiter, once woken,
     * makes the next one's readable. So after a poll resumes one waiter, the only thing left may
     * be untimed waiters whose readiness is already pending: {@code run()} must go on polling
     * until they are resolved. Yields and short sleeps in between vary the rounds.
     *
     * @return a generator of such scenarios, each shown in its text form ({@link ScenarioText}) when a property fails
     */
    public static Gen<Scenario> untimedChains() {
        Gen<Scenario> gen = ScenarioGenerators::untimedChain;
        return gen.describedAs(ScenarioText::format);
    }

    private static Scenario untimedChain(RandomnessSource in) {
        int length = draw(in, 2, 6);
        List<Program> programs = new ArrayList<>();
        List<Step> starter = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            starter.add(new Step.Spawn(i + 1));
        }
        Step pause = chainFiller(in);
        if (pause != null) {
            starter.add(pause);
        }
        starter.add(new Step.Send(Scenario.FIRST_FD + 1)); // makes fd 3 readable: the first waiter's
        programs.add(new Program(starter));
        for (int i = 0; i < length; i++) {
            int fd = Scenario.FIRST_FD + 2 * i;
            List<Step> body = new ArrayList<>(List.of(new Step.WaitRead(fd, 0)));
            Step filler = chainFiller(in);
            if (filler != null) {
                body.add(filler);
            }
            if (i + 1 < length) {
                body.add(new Step.Send(fd + 3)); // the peer of the next waiter's fd
            }
            body.add(new Step.Recv(fd));
            programs.add(new Program(body));
        }
        return new Scenario(length, programs, List.of(0));
    }

    private static Step chainFiller(RandomnessSource in) {
        return switch (draw(in, 0, 3)) {
            case 1 -> new Step.Yield();
            case 2 -> new Step.Sleep(pick(in, new long[] {1, 5, 10}));
            default -> null;
        };
    }

    /**
     * Scale (§1.1, §3.2): a spawn tree of at least {@value #MIN_FAN_OUT} coroutines — the root
     * spawns 10–13 children, each 10–13, each 20–24 leaves — with yields (and, if {@code timed},
     * sleeps and ticks) between the spawns and in the leaves, so the ready queue grows far past
     * any initial capacity while its head moves, and (timed) thousands of sleepers share deadlines.
     *
     * @param timed whether sleeps and ticks may appear (they need {@code VIRTUAL_CLOCK})
     * @return the generator
     */
    public static Gen<Scenario> fanOut(boolean timed) {
        Gen<Scenario> gen = in -> fanOut(in, timed);
        return gen.describedAs(ScenarioText::format);
    }

    private static Scenario fanOut(RandomnessSource in, boolean timed) {
        int[] widths = {draw(in, 10, 13), draw(in, 10, 13), draw(in, 20, 24)};
        List<Program> programs = new ArrayList<>();
        for (int level = 0; level < widths.length; level++) {
            List<Step> body = new ArrayList<>();
            for (int i = 0; i < widths[level]; i++) {
                body.add(new Step.Spawn(level + 1));
                Step filler = filler(in, timed);
                if (filler != null) {
                    body.add(filler);
                }
            }
            programs.add(new Program(body));
        }
        List<Step> leaf = new ArrayList<>();
        for (int i = draw(in, 1, 3); i > 0; i--) {
            Step filler = filler(in, timed);
            leaf.add(filler != null ? filler : new Step.Yield());
        }
        programs.add(new Program(leaf));
        return new Scenario(0, programs, List.of(0));
    }

    /** @return a yield, exit, or (timed) sleep or tick between spawns, or null (the shrink point) */
    private static Step filler(RandomnessSource in, boolean timed) {
        return switch (draw(in, 0, timed ? 4 : 2)) {
            case 1 -> new Step.Yield();
            case 2 -> draw(in, 0, 3) == 0 ? new Step.Exit() : new Step.Yield();
            case 3 -> new Step.Sleep(pick(in, SCALE_DEADLINES));
            case 4 -> new Step.Tick(pick(in, TICKS));
            default -> null;
        };
    }

    /**
     * Scale (§3.3, §3.4, §4.3): {@value #MIN_TIMERS}–48 sleepers at once with equal and mixed
     * deadlines and, with {@code fds}, a waiter with a timeout on every fd of 16–20 socket pairs
     * (at least {@value #MIN_TIMERS} at once), many of them ended early — so taken out of the
     * middle of the sleep structure — by a coroutine that sends to them, closes their fd or
     * closes its peer between short pauses.
     *
     * @param fds whether the waiters and the coroutine ending them are included (they need {@code FD_WAITS})
     * @return the generator
     */
    public static Gen<Scenario> timersAtScale(boolean fds) {
        Gen<Scenario> gen = in -> timers(in, fds);
        return gen.describedAs(ScenarioText::format);
    }

    private static Scenario timers(RandomnessSource in, boolean fds) {
        int pairs = fds ? draw(in, MIN_TIMERS / 2, 20) : 0;
        int waiters = 2 * pairs;
        List<Program> programs = new ArrayList<>();
        List<Step> root = new ArrayList<>();
        programs.add(null); // the root, filled in below
        for (int w = 0; w < waiters; w++) {
            int fd = Scenario.FIRST_FD + w;
            List<Step> body = new ArrayList<>(List.of(new Step.WaitRead(fd, pick(in, SCALE_TIMEOUTS)), new Step.Recv(fd)));
            if (draw(in, 0, 2) == 2) {
                body.add(new Step.WaitRead(fd, pick(in, SCALE_TIMEOUTS)));
            }
            root.add(new Step.Spawn(programs.size()));
            programs.add(new Program(body));
        }
        int sleeperPrograms = draw(in, 4, 8);
        int firstSleeper = programs.size();
        for (int p = 0; p < sleeperPrograms; p++) {
            List<Step> body = new ArrayList<>();
            for (int i = draw(in, 1, 3); i > 0; i--) {
                body.add(switch (draw(in, 0, 3)) {
                    case 1 -> new Step.Yield();
                    case 2 -> new Step.Tick(1);
                    default -> new Step.Sleep(pick(in, SCALE_DEADLINES));
                });
            }
            body.add(0, new Step.Sleep(pick(in, SCALE_DEADLINES)));
            programs.add(new Program(body));
        }
        for (int i = draw(in, MIN_TIMERS, 48); i > 0; i--) {
            root.add(new Step.Spawn(firstSleeper + draw(in, 0, sleeperPrograms - 1)));
        }
        if (waiters > 0) {
            List<Step> kicker = new ArrayList<>();
            // Targets walk the fds from a drawn start with a drawn odd stride, so even the simplest
            // draws (QuickTheories tries those first, and shrinks towards them) end many distinct waits.
            int start = draw(in, 0, waiters - 1);
            int stride = 1 + 2 * draw(in, 0, 3);
            int actions = draw(in, waiters / 2, waiters);
            for (int i = 0; i < actions; i++) {
                long pause = pick(in, SCALE_PAUSES);
                if (pause > 0) {
                    kicker.add(new Step.Sleep(pause));
                }
                int fd = Scenario.FIRST_FD + (start + i * stride) % waiters;
                kicker.add(switch (draw(in, 0, 3)) {
                    case 0, 1 -> new Step.Send(Scenario.peerOf(fd));
                    case 2 -> new Step.Close(fd);
                    default -> new Step.Close(Scenario.peerOf(fd));
                });
            }
            root.add(new Step.Spawn(programs.size()));
            programs.add(new Program(kicker));
        }
        programs.set(0, new Program(root));
        return new Scenario(pairs, programs, List.of(0));
    }

    /**
     * {@return a generator of valid scenarios with at most {@value #MAX_COROUTINES} coroutines}
     *
     * @param kinds the step kinds to use; the first is what shrinking tends to
     * @param maxPairs socket pairs, at most (at least 1 if any IO kind is present)
     * @param maxPrograms programs, at most
     * @param maxSteps steps per program, at most
     * @param maxRoots root coroutines, at most
     */
    public static Gen<Scenario> scenarios(Set<Kind> kinds, int maxPairs, int maxPrograms, int maxSteps, int maxRoots) {
        List<Kind> table = List.copyOf(kinds);
        Gen<Scenario> gen = in -> scenario(in, table, maxPairs, maxPrograms, maxSteps, maxRoots);
        Gen<Scenario> bounded = gen.assuming(s -> coroutineCount(s) <= MAX_COROUTINES);
        if (kinds.contains(Kind.WAIT)) {
            bounded = bounded.assuming(ScenarioGenerators::neverStuck);
        }
        return bounded.describedAs(ScenarioText::format);
    }

    /**
     * {@return whether no interpretation of the rules leaves {@code s} stuck (untimed waiters only, none
     * of which can wake): a scenario that is stuck could only end by hanging}
     *
     * @param s a scenario
     */
    public static boolean neverStuck(Scenario s) {
        return Model.allowed(s).stream().noneMatch(t -> {
            List<String> e = t.events();
            return !e.isEmpty() && e.get(e.size() - 1).endsWith(" main " + Model.STUCK);
        });
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
            case EXECUTE -> program + 1 < programs ? new Step.Execute(draw(in, program + 1, programs - 1)) : new Step.Yield();
            case POST -> program + 1 < programs ? new Step.Post(draw(in, program + 1, programs - 1)) : new Step.Yield();
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
     * {@return how many coroutines {@code s} creates in total, tasks given to execute included (spawns only
     * name later programs, so this is finite)}
     *
     * @param s a scenario
     */
    public static int coroutineCount(Scenario s) {
        int[] count = new int[s.programs().size()];
        for (int p = count.length - 1; p >= 0; p--) {
            int n = 1;
            for (Step step : s.programs().get(p).steps()) {
                if (step instanceof Step.Spawn || step instanceof Step.Execute || step instanceof Step.Post
                        || step instanceof Step.Submit) {
                    n += count[step.programNamed()];
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
