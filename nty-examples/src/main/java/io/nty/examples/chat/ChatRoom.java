package io.nty.examples.chat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The members of one chat server and the broadcast between them, with the slow-consumer policy:
 * <b>a member whose outbox is full when a line is broadcast to it is dropped</b> — its queued
 * lines are discarded, its connection is shut down, and the others are told
 * {@code "* userN dropped: too slow"}. A full outbox means the member's socket has stopped
 * taking data while {@code queueLines} lines were sent to it, so one stalled reader can never
 * make the room wait or grow without bound. Confined to the server's scheduler thread.
 */
final class ChatRoom {

    private final int queueLines;
    private final Map<Integer, ChatMember> members = new LinkedHashMap<>();
    private int nextId = 1;
    private long dropped;

    /** @param queueLines each member's outbox, in lines, {@code >= 1} */
    ChatRoom(int queueLines) {
        if (queueLines < 1) {
            throw new IllegalArgumentException("queue must be >= 1 line: " + queueLines);
        }
        this.queueLines = queueLines;
    }

    /** Adds a member for {@code fd}, starts its writer and announces it. */
    ChatMember join(int fd) {
        ChatMember m = new ChatMember(nextId++, fd, queueLines);
        m.startWriter();
        m.offer("* you are " + m.name() + ", " + members.size() + " others here");
        broadcast(null, "* " + m.name() + " joined");
        members.put(m.fd(), m);
        return m;
    }

    /** Sends {@code text} from {@code from} to every other member. */
    void say(ChatMember from, String text) {
        broadcast(from, from.name() + ": " + text);
    }

    /** Removes {@code m} if it is still a member (it may have been dropped) and announces it. */
    void leave(ChatMember m) {
        if (members.remove(m.fd(), m)) {
            m.closeOutbox();
            broadcast(null, "* " + m.name() + " left");
        }
    }

    private void broadcast(ChatMember from, String line) {
        List<ChatMember> slow = null;
        for (ChatMember m : members.values()) {
            if (m != from && !m.offer(line)) {
                (slow == null ? slow = new ArrayList<>() : slow).add(m);
            }
        }
        if (slow != null) {
            for (ChatMember m : slow) {
                members.remove(m.fd());
                m.drop();
                dropped++;
            }
            for (ChatMember m : slow) {
                broadcast(null, "* " + m.name() + " dropped: too slow (" + queueLines + " lines queued)");
            }
        }
    }

    int size() {
        return members.size();
    }

    long dropped() {
        return dropped;
    }
}
