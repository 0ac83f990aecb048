package io.nty.examples.chat;

import io.nty.examples.server.Listeners;
import io.nty.examples.server.ServerGroup;
import io.nty.socket.ErrnoException;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * A line-based chat server: every line a member sends goes to every other member, as
 * {@code "userN: text"}. One scheduler thread; per member a reader coroutine, a writer
 * coroutine and a bounded {@link io.nty.sync.Channel} between the room and the writer. The
 * slow-consumer policy is {@link ChatRoom}'s: a member whose queue is full is dropped.
 */
public final class ChatServer {

    /** Members are not timed out for silence; a chat client may stay quiet for a day. */
    private static final long IDLE_TIMEOUT_MILLIS = 24L * 60 * 60 * 1000;

    private ChatServer() {
    }

    /**
     * @param address where to listen; port 0 picks a free one
     * @param queueLines each member's outbox, in lines, {@code >= 1}
     * @return the running server
     * @throws ErrnoException if the address cannot be bound
     */
    public static ServerGroup start(InetSocketAddress address, int queueLines) throws ErrnoException, InterruptedException {
        ChatRoom room = new ChatRoom(queueLines);
        int fd = Listeners.open(address, false);
        return ServerGroup.start("nty-chat", List.<int[]>of(new int[] {fd}), () -> new ChatHandler(room),
                IDLE_TIMEOUT_MILLIS);
    }
}
