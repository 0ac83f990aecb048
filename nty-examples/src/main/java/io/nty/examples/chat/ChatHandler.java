package io.nty.examples.chat;

import io.nty.api.Coroutines;
import io.nty.examples.server.Connection;
import io.nty.examples.server.ConnectionHandler;
import io.nty.socket.ErrnoException;
import io.nty.socket.NtySockets;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Serves one chat member: reads lines from the socket and broadcasts each to the room, while the
 * member's writer coroutine sends it what the others say. Lines end with {@code \n} (a trailing
 * {@code \r} is dropped, empty lines are ignored); a line longer than {@link #MAX_LINE_BYTES} is
 * cut there. After each line the reader yields (§3.2), so every writer drains its outbox before
 * the next line: a member's outbox only fills when its own socket stops taking data.
 */
final class ChatHandler implements ConnectionHandler {

    /** The longest line, in bytes; longer input is split. */
    static final int MAX_LINE_BYTES = 1024;

    private final ChatRoom room;

    ChatHandler(ChatRoom room) {
        this.room = room;
    }

    @Override
    public void serve(Connection connection) throws ErrnoException {
        ChatMember me = room.join(connection.fd());
        ByteBuffer in = ByteBuffer.allocateDirect(4096);
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try {
            while (NtySockets.recv(connection.fd(), in) > 0 && !me.isDropped()) {
                connection.markActive();
                in.flip();
                while (in.hasRemaining() && !me.isDropped()) {
                    byte b = in.get();
                    if (b != '\n') {
                        line.write(b);
                    }
                    if (b == '\n' || line.size() == MAX_LINE_BYTES) {
                        say(me, line);
                    }
                }
                in.clear();
            }
        } finally {
            room.leave(me);
            me.awaitWriter(); // the server closes the fd after serve returns: not under the writer
        }
    }

    private void say(ChatMember me, ByteArrayOutputStream line) {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
        }
        if (!text.isEmpty()) {
            room.say(me, text);
            Coroutines.yield(); // let the writers drain before the next line
        }
    }
}
