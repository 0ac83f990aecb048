package io.nty.conformance.scenario;

import java.util.List;

/**
 * What one coroutine does: its steps in order. Running off the end returns from the function,
 * like an {@link Step.Exit}.
 *
 * @param steps the steps, in order
 */
public record Program(List<Step> steps) {

    /**
     * Copies the steps, so a program is immutable.
     *
     * @param steps the steps, in order
     * @throws NullPointerException if {@code steps} or one of them is null
     */
    public Program {
        steps = List.copyOf(steps);
    }

    /** {@return the number of steps} */
    public int size() {
        return steps.size();
    }
}
