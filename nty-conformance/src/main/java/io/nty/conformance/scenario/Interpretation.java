package io.nty.conformance.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * The choices the rules leave to an implementation, fixed for one run of the {@link Model}.
 *
 * <p>The suite accepts an observed trace if it equals the model's trace under any one
 * interpretation: it never picks a winner where the specification does not.
 *
 * @param expiryRechecked in round step (a), whether the clock is read again after each resumed
 *        sleeper (NtyCo does), so that a sleeper whose deadline passes while (a) runs is resumed
 *        in the same (a); if false, (a) resumes only what had expired when it began
 * @param timeoutsWithSleepers whether fd-wait timeouts share the sleep structure, expiring in
 *        step (a) ordered with sleepers by (deadline, order of suspending) (NtyCo does); if
 *        false they expire in step (c), after the ready fds, by (deadline, order)
 * @param idleBeforePoll when nothing is ready, whether the clock idles to the earliest deadline
 *        before the poll (so fds found ready by that poll are seen at the deadline's time); if
 *        false the scheduler first polls without blocking and idles only if nothing was ready
 */
public record Interpretation(boolean expiryRechecked, boolean timeoutsWithSleepers, boolean idleBeforePoll) {

    /** NtyCo's choices, also those of the suite's own simple implementation. */
    public static final Interpretation NTYCO = new Interpretation(true, true, true);

    /** @return every interpretation, {@link #NTYCO} first */
    public static List<Interpretation> all() {
        List<Interpretation> all = new ArrayList<>();
        all.add(NTYCO);
        for (int bits = 0; bits < 8; bits++) {
            Interpretation i = new Interpretation((bits & 1) != 0, (bits & 2) != 0, (bits & 4) != 0);
            if (!i.equals(NTYCO)) {
                all.add(i);
            }
        }
        return all;
    }
}
