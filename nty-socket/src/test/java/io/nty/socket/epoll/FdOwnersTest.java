package io.nty.socket.epoll;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The registry fd → owning poller that directs a close on another thread (§4.3). */
@Timeout(10)
class FdOwnersTest {

    @Test
    void anFdHasOneOwnerTheLastToClaimItAndTheDisplacedOneIsNamed() {
        FdOwners owners = new FdOwners();
        try (EpollPoller a = new EpollPoller(EpollPoller.Mode.LAZY_LEVEL, 8, owners);
                EpollPoller b = new EpollPoller(EpollPoller.Mode.LAZY_LEVEL, 8, owners)) {
            assertThat(owners.claim(5000, a)).isNull(); // beyond the initial size: grows
            assertThat(owners.claim(5000, a)).as("claiming again displaces nobody").isNull();
            assertThat(owners.claim(5000, b)).isSameAs(a);
            owners.release(5000, a); // a no longer owns it: nothing changes
            assertThat(owners.owner(5000)).isSameAs(b);
            assertThat(owners.remove(5000)).isSameAs(b);
            assertThat(owners.owner(5000)).isNull();
            assertThat(owners.remove(5000)).isNull();
        }
    }

    @Test
    void aClosingPollerReleasesEveryFdItOwns() {
        FdOwners owners = new FdOwners();
        EpollPoller a = new EpollPoller(EpollPoller.Mode.ONE_SHOT, 8, owners);
        try (EpollPoller b = new EpollPoller(EpollPoller.Mode.ONE_SHOT, 8, owners)) {
            owners.claim(3, a);
            owners.claim(4, b);
            a.close();
            assertThat(owners.owner(3)).isNull();
            assertThat(owners.owner(4)).isSameAs(b);
        }
    }
}
