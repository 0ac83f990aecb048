package io.nty.examples.chat;

import io.nty.api.Coroutine;
import io.nty.api.CoroutineCancelledException;
import io.nty.api.CoroutineFailedException;
import io.nty.api.Scheduler;
import io.nty.api.FdClosedException;
import io.nty.socket.ErrnoException;
import io.nty.socket.NtySockets;
import io.nty.sync.Channel;
import io.nty.sync.ChannelClosedException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * One chat member: its connection's fd, its bounded outbox of lines, and the writer coroutine
 * that drains the outbox into the socket while the member's own coroutine reads from it (the
 * two wait on the fd at once, one to read, one to write: §4.1 per direction).
 *
 * <p>Lifecycle: {@link #startWriter} once; then the room offers lines with {@link #offer}; the
 * member leaves by {@link #closeOutbox()} (the writer sends what is queued, then ends) or is
 * dropped by {@link #drop()} (the writer is cancelled, queued lines are discarded, the socket is
 * shut down so the reader sees end of stream). Confined to the server's scheduler thread.
 */
final class ChatMember {

    private final int id;
    private final int fd;
    private final Channel<String> outbox;
    private Coroutine writer;
    private boolean dropped;

    ChatMember(int id, int fd, int queueLines) {
        this.id = id;
        this.fd = fd;
        this.outbox = new Channel<>(queueLines);
    }

    String name() {
        return "user" + id;
    }

    int fd() {
        return fd;
    }

    /** Creates the writer coroutine on the current scheduler. */
    void startWriter() {
        writer = Scheduler.ofCurrentThread().orElseThrow().create(a -> pump(), null);
    }

    /** @return whether the line was queued; {@code false} means the outbox is full or closed */
    boolean offer(String line) {
        return !outbox.isClosed() && outbox.trySend(line);
    }

    boolean isDropped() {
        return dropped;
    }

    /** Leaves normally: what is queued is still sent, then the writer ends. */
    void closeOutbox() {
        outbox.close();
    }

    /**
     * The slow-consumer policy's action: discard the queue, stop the writer wherever it waits
     * (a cancelled send disarms its fd interest, §6.3) and shut the socket down both ways, which
     * ends the member's blocked read with end of stream.
     */
    void drop() {
        dropped = true;
        outbox.close();
        while (outbox.poll() != null) {
            // discarded: the member is gone
        }
        writer.cancel();
        try {
            NtySockets.shutdown(fd, NtySockets.SHUT_RDWR);
        } catch (ErrnoException e) {
            // already reset by the peer: the reader ends anyway
        }
    }

    /** Waits until the writer has ended, so that the fd is not closed under it. */
    void awaitWriter() {
        try {
            writer.join();
        } catch (CoroutineFailedException e) {
            // An unexpected failure; the scheduler's handler has reported it already (§2.3).
        }
    }

    private void pump() {
        ByteBuffer buffer = ByteBuffer.allocateDirect(ChatHandler.MAX_LINE_BYTES + 1);
        try {
            while (true) {
                String line = outbox.receive();
                buffer.clear();
                buffer.put((line + "\n").getBytes(StandardCharsets.UTF_8)).flip();
                NtySockets.send(fd, buffer);
            }
        } catch (ChannelClosedException | CoroutineCancelledException e) {
            // left (queue drained) or dropped
        } catch (ErrnoException | FdClosedException e) {
            // the peer reset or the server stopped: nothing more can be sent
        }
    }
}
