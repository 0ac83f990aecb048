package io.nty.socket;

import io.nty.socket.epoll.EpollPoller;

/** The §4 rules with the epoll poller in {@link EpollPoller.Mode#LAZY_LEVEL} mode. */
class SocketRulesLazyLevelTest extends AbstractSocketRulesTest {

    @Override
    EpollPoller.Mode mode() {
        return EpollPoller.Mode.LAZY_LEVEL;
    }
}
