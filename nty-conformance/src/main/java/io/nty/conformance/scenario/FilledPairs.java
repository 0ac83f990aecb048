package io.nty.conformance.scenario;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The one constraint writable waits add to a scenario: once a {@link Step.Fill} writes until the
 * kernel takes no more, how many bytes sit in the peer's buffer is the kernel's business, so the
 * steps that report or depend on byte counts ({@code recv}, {@code hrecv}, {@code hsend}) must not
 * be used on a socket pair that any program fills; {@link Step.Drain} reads it instead.
 */
final class FilledPairs {

    private FilledPairs() {
    }

    /**
     * @param programs a scenario's programs
     * @throws IllegalArgumentException if a filled pair is also read with recv or used by a hook step
     */
    static void check(List<Program> programs) {
        Set<Integer> filled = new HashSet<>();
        for (Program p : programs) {
            for (Step s : p.steps()) {
                if (s instanceof Step.Fill f) {
                    filled.add(pair(f.fd()));
                }
            }
        }
        if (filled.isEmpty()) {
            return;
        }
        for (Program p : programs) {
            for (Step s : p.steps()) {
                boolean counts = s instanceof Step.Recv || s instanceof Step.HookRecv || s instanceof Step.HookSend;
                if (counts && filled.contains(pair(Scenario.fdOf(s)))) {
                    throw new IllegalArgumentException("'" + s.text() + "' on a socket pair that a program fills:"
                            + " byte counts after 'fill' are the kernel's; read it with 'drain'");
                }
            }
        }
    }

    private static int pair(int fd) {
        return (fd - Scenario.FIRST_FD) / 2;
    }
}
