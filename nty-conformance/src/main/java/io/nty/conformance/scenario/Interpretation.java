package io.nty.conformance.scenario;

import java.util.List;

/**
 * The choices the rules leave to an implementation, fixed for one run of the {@link Model}.
 *
 * <p>The suite accepts an observed trace if it equals the model's trace under any one
 * interpretation: it never picks a winner where the specification does not. (One choice is not
 * open: {@code MonotonicClock.advanceTo} says a virtual clock jumps only when no coroutine and
 * no IO is ready, so a scheduler polls without blocking before it idles.)
 *
 * @param expiryRechecked in round step (a), whether the clock is read again after each resumed
 *        sleeper (NtyCo does), so that a sleeper whose deadline passes while (a) runs, because a
 *        coroutine took time, is resumed in the same (a); if false, (a) resumes only what had
 *        expired when it began
 * @param timeoutsWithSleepers whether fd-wait timeouts share the sleep structure, expiring in
 *        step (a) ordered with sleepers by (deadline, order of suspending) (NtyCo does); if
 *        false they expire in step (c), after the ready fds, by (deadline, order)
 */
public record Interpretation(boolean expiryRechecked, boolean timeoutsWithSleepers) {

    /** NtyCo's choices. */
    public static final Interpretation NTYCO = new Interpretation(true, true);

    /** The choices of nty's reference scheduler: the clock is read once per step (a). */
    public static final Interpretation NTY = new Interpretation(false, true);

    /** {@return every interpretation, {@link #NTY} first} */
    public static List<Interpretation> all() {
        return List.of(NTY, NTYCO, new Interpretation(false, false), new Interpretation(true, false));
    }
}
