package io.nty.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ParkingPollerTest {

    @Test
    void anInterruptedOwnerStillBlocksUntilAWakeupAndKeepsItsInterruptFlag() throws Exception {
        CompletableFuture<Boolean> flagAfterPoll = new CompletableFuture<>();
        ParkingPoller[] poller = new ParkingPoller[1];
        Thread owner = Thread.ofPlatform().unstarted(() -> {
            Thread.currentThread().interrupt();
            poller[0].poll(-1, (fd, events) -> { });
            flagAfterPoll.complete(Thread.currentThread().isInterrupted());
        });
        poller[0] = new ParkingPoller(owner);
        owner.start();
        // It blocks (parked, not spinning) although its interrupt flag is set.
        for (int i = 0; i < 10_000 && owner.getState() != Thread.State.WAITING; i++) {
            Thread.sleep(1);
        }
        assertThat(owner.getState()).isEqualTo(Thread.State.WAITING);
        assertThat(flagAfterPoll).isNotDone();
        poller[0].wakeup();
        assertThat(flagAfterPoll.get(10, TimeUnit.SECONDS)).isTrue();
        owner.join();
    }
}
