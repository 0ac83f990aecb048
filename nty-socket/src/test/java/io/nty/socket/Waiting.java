package io.nty.socket;

import static org.assertj.core.api.Assertions.assertThat;

import io.nty.api.Coroutine;
import io.nty.api.CoroutineState;
import io.nty.api.Coroutines;

/** Lets a coroutine of a fault test act only once another one is suspended on its fd. */
final class Waiting {

    private static final int MAX_CHECKS = 5_000;

    private Waiting() {
    }

    /** Sleeps 1 ms at a time (at most 5,000 times) until {@code co} waits on an fd. */
    static void until(Coroutine co) {
        for (int i = 0; i < MAX_CHECKS && co.state() != CoroutineState.WAITING; i++) {
            Coroutines.sleep(1);
        }
        assertThat(co.state()).as("state of %s", co).isEqualTo(CoroutineState.WAITING);
    }
}
