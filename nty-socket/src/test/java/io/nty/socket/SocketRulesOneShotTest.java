package io.nty.socket;

import io.nty.socket.epoll.EpollPoller;

/** The §4 rules with the epoll poller in {@link EpollPoller.Mode#ONE_SHOT} mode. */
class SocketRulesOneShotTest extends AbstractSocketRulesTest {

    @Override
    EpollPoller.Mode mode() {
        return EpollPoller.Mode.ONE_SHOT;
    }
}
