package io.nty.socket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nty.api.Coroutines;
import io.nty.api.FdBusyException;
import io.nty.api.FdClosedException;
import io.nty.api.WaitTimeoutException;
import io.nty.socket.epoll.EpollPoller;
import io.nty.socket.internal.LibC;
import io.nty.socket.internal.NativeLibC;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The §4 rules for the socket hooks inside coroutines on the reference scheduler, over loopback;
 * subclasses run them on each {@link EpollPoller.Mode}.
 */
@Timeout(30)
abstract class AbstractSocketRulesTest {

    abstract EpollPoller.Mode mode();

    private EpollPoller newPoller() {
        return new EpollPoller(mode(), 256);
    }

    private void run(java.util.function.Consumer<io.nty.scheduler.NtyScheduler> setup) {
        CoroutineRunner.run(newPoller(), setup);
    }

    private int client;
    private int server;

    @BeforeEach
    void connect() throws Exception {
        int[] pair = Loopback.tcpPair();
        client = pair[0];
        server = pair[1];
    }

    @AfterEach
    void closeFds() {
        Loopback.closeAll(client, server);
    }

    /** Replaces the pair with one whose socket buffers are {@code bytes} at both ends. */
    private void smallBufferPair(int bytes) throws ErrnoException {
        Loopback.closeAll(client, server);
        client = -1;
        server = -1;
        int[] pair = Loopback.tcpPair(bytes);
        client = pair[0];
        server = pair[1];
    }

    @Test
    void rule4_1_secondWaiterGetsClearErrorFirstUnaffected() {
        AtomicReference<String> firstGot = new AtomicReference<>();
        AtomicReference<Throwable> secondGot = new AtomicReference<>();
        run(s -> {
            s.create(x -> {
                ByteBuffer buf = ByteBuffer.allocate(16);
                NtySockets.recv(server, buf, 5_000);
                firstGot.set(new String(buf.array(), 0, buf.position(), StandardCharsets.US_ASCII));
            }, null);
            s.create(x -> {
                try {
                    NtySockets.recv(server, ByteBuffer.allocate(16), 5_000);
                } catch (FdBusyException e) {
                    secondGot.set(e);
                }
                NtySockets.send(client, ByteBuffer.wrap("first".getBytes(StandardCharsets.US_ASCII)));
            }, null);
        });
        assertThat(secondGot.get()).isInstanceOf(FdBusyException.class)
                .hasMessageContaining("fd " + server).hasMessageContaining("§4.1");
        assertThat(firstGot.get()).isEqualTo("first");
    }

    @Test
    void rule4_1_aSecondWriterGetsClearErrorFirstUnaffected() throws Exception {
        smallBufferPair(8 * 1024);
        int total = 2 * 1024 * 1024;
        AtomicInteger firstSent = new AtomicInteger();
        AtomicReference<Throwable> secondGot = new AtomicReference<>();
        AtomicInteger drained = new AtomicInteger();
        run(s -> {
            s.create(x -> firstSent.set(NtySockets.send(client, ByteBuffer.allocateDirect(total), 10_000)), null);
            s.create(x -> {
                // The first writer has filled the buffers and waits to write: a second is refused.
                try {
                    NtySockets.send(client, ByteBuffer.allocate(total), 10_000);
                } catch (FdBusyException e) {
                    secondGot.set(e);
                }
                ByteBuffer buf = ByteBuffer.allocateDirect(64 * 1024);
                while (drained.get() < total) {
                    buf.clear();
                    drained.addAndGet(NtySockets.recv(server, buf, 10_000));
                }
            }, null);
        });
        assertThat(secondGot.get()).isInstanceOf(FdBusyException.class)
                .hasMessageContaining("fd " + client + " already has a writer").hasMessageContaining("§4.1");
        assertThat(firstSent.get()).isEqualTo(total);
        assertThat(drained.get()).isEqualTo(total);
    }

    @Test
    void rule4_1_aReaderAndAWriterWaitOnOneSocketAtOnceEachWokenByItsOwnReadiness() throws Exception {
        // Small buffers, so the writer must wait for writability while the reader waits for data.
        smallBufferPair(16 * 1024);
        int total = 4 * 1024 * 1024;
        List<String> events = new ArrayList<>();
        AtomicInteger drained = new AtomicInteger();
        AtomicReference<String> readerGot = new AtomicReference<>();
        RecordingPoller poller = new RecordingPoller(newPoller());
        CoroutineRunner.run(poller, s -> {
            s.create(x -> {
                ByteBuffer buf = ByteBuffer.allocate(16);
                NtySockets.recv(client, buf, 20_000); // waits while the writer below waits too
                readerGot.set(new String(buf.array(), 0, buf.position(), StandardCharsets.US_ASCII));
                events.add("reader woken");
            }, null);
            s.create(x -> {
                NtySockets.send(client, ByteBuffer.allocateDirect(total), 20_000);
                events.add("writer done");
            }, null);
            s.create(x -> {
                ByteBuffer buf = ByteBuffer.allocateDirect(16 * 1024);
                while (drained.get() < total) {
                    buf.clear();
                    drained.addAndGet(NtySockets.recv(server, buf, 20_000));
                    Coroutines.yield(); // slow consumer: the writer waits again and again
                }
                events.add("peer drained");
                NtySockets.send(server, ByteBuffer.wrap("reply".getBytes(StandardCharsets.US_ASCII)));
            }, null);
        });
        assertThat(events).containsExactly("writer done", "peer drained", "reader woken");
        assertThat(readerGot.get()).isEqualTo("reply");
        assertThat(drained.get()).isEqualTo(total);
        // Both directions of the client fd were armed at once: the writer armed while the
        // reader was waiting (READ = 1, WRITE = 4).
        assertThat(poller.log).contains("arm " + client + " 1", "arm " + client + " 4");
        int readArm = poller.log.indexOf("arm " + client + " 1");
        int readDisarm = poller.log.indexOf("disarm " + client + " 1");
        assertThat(poller.log.subList(readArm, readDisarm)).contains("arm " + client + " 4");
        // The reader was woken once, by its own readiness only.
        assertThat(poller.log.stream().filter(l -> l.equals("disarm " + client + " 1"))).hasSize(1);
    }

    @Test
    void rule4_1_closingASocketWakesBothItsReaderAndItsWriter() throws Exception {
        smallBufferPair(8 * 1024);
        List<String> events = new ArrayList<>();
        int fd = client;
        run(s -> {
            s.create(x -> {
                try {
                    NtySockets.recv(fd, ByteBuffer.allocate(16), 10_000);
                } catch (FdClosedException e) {
                    events.add("reader closed");
                }
            }, null);
            s.create(x -> {
                try {
                    NtySockets.send(fd, ByteBuffer.allocateDirect(4 * 1024 * 1024), 10_000);
                } catch (FdClosedException e) {
                    events.add("writer closed");
                }
            }, null);
            s.create(x -> {
                Coroutines.sleep(20);
                NtySockets.close(fd);
                events.add("closed");
            }, null);
        });
        client = -1; // closed above
        assertThat(events).containsExactly("closed", "reader closed", "writer closed");
    }

    @Test
    void rule4_3_closingOnAnotherThreadWakesTheWaiterOnItsOwningScheduler() throws Exception {
        AtomicReference<Throwable> got = new AtomicReference<>();
        java.util.concurrent.CountDownLatch armed = new java.util.concurrent.CountDownLatch(1);
        int fd = server;
        Thread closer = new Thread(() -> {
            try {
                armed.await(); // the waiter's interest is armed; it suspends next
                NtySockets.close(fd);
            } catch (Exception e) {
                got.compareAndSet(null, e);
            }
        });
        closer.start();
        RecordingPoller poller = new RecordingPoller(newPoller());
        poller.afterArm = armed::countDown;
        CoroutineRunner.run(poller, s -> s.create(x -> {
            try {
                NtySockets.recv(fd, ByteBuffer.allocate(16), 20_000);
            } catch (FdClosedException | WaitTimeoutException e) {
                got.compareAndSet(null, e);
            }
        }, null));
        closer.join();
        server = -1; // closed by the other thread
        assertThat(got.get()).isInstanceOf(FdClosedException.class).hasMessageContaining("fd " + fd);
        assertThat(poller.log).contains("closed " + fd + " 1");
    }

    @Test
    void rule4_2_readinessWithoutWaiterWakesNobody() throws Exception {
        int[] other = Loopback.tcpPair();
        try {
            RecordingPoller poller = new RecordingPoller(newPoller());
            List<String> events = new ArrayList<>();
            CoroutineRunner.run(poller, s -> {
                s.create(x -> {
                    ByteBuffer buf = ByteBuffer.allocate(8);
                    NtySockets.recv(server, buf, 5_000);
                    events.add("waiter resumed with " + buf.position() + " byte(s)");
                }, null);
                s.create(x -> {
                    // Readiness on an fd nobody waits on, then time for the poller to see it.
                    NtySockets.send(other[0], ByteBuffer.wrap(new byte[] {7}));
                    Coroutines.sleep(50);
                    events.add("sender sends to the waiter");
                    NtySockets.send(client, ByteBuffer.wrap(new byte[] {1}));
                }, null);
            });
            assertThat(events).containsExactly("sender sends to the waiter", "waiter resumed with 1 byte(s)");
            assertThat(poller.reportedFds).containsOnly(server).doesNotContain(other[1]);
            // ... and the readiness is seen by the next operation on that fd.
            ByteBuffer late = ByteBuffer.allocate(8);
            assertThat(NtySockets.recv(other[1], late, 1_000)).isEqualTo(1);
            assertThat(late.get(0)).isEqualTo((byte) 7);
        } finally {
            Loopback.closeAll(other);
        }
    }

    @Test
    void rule4_3_waiterResumesOnItsTimeoutReportedAsTimeout() {
        AtomicReference<Throwable> got = new AtomicReference<>();
        long[] elapsed = new long[1];
        run(s -> s.create(x -> {
            long start = System.nanoTime();
            try {
                NtySockets.recv(server, ByteBuffer.allocate(8), 80);
            } catch (WaitTimeoutException e) {
                got.set(e);
            }
            elapsed[0] = System.nanoTime() - start;
        }, null));
        assertThat(got.get()).isInstanceOf(WaitTimeoutException.class).hasMessageContaining("§4.3");
        assertThat(elapsed[0]).isGreaterThanOrEqualTo(80_000_000L);
    }

    @Test
    void rule4_2_dataQueuedBeforeTheWaitIsSeenByIt() {
        // A short recv makes the next recv wait first (drain hint); data that arrived in between
        // must still be returned at once: every wait re-checks the level.
        List<Integer> got = new ArrayList<>();
        long[] secondTook = new long[1];
        run(s -> {
            s.create(x -> {
                ByteBuffer buf = ByteBuffer.allocate(64);
                got.add(NtySockets.recv(server, buf, 5_000)); // short: 1 of 64 bytes
                Coroutines.sleep(30); // meanwhile the peer sends again, nobody waits
                long start = System.nanoTime();
                got.add(NtySockets.recv(server, buf, 5_000));
                secondTook[0] = System.nanoTime() - start;
            }, null);
            s.create(x -> {
                NtySockets.send(client, ByteBuffer.wrap(new byte[] {1}));
                Coroutines.sleep(10);
                NtySockets.send(client, ByteBuffer.wrap(new byte[] {2, 3}));
            }, null);
        });
        assertThat(got).containsExactly(1, 2);
        assertThat(secondTook[0]).isLessThan(1_000_000_000L);
    }

    @Test
    void rule4_3_waitAfterATimeoutSeesDataThatCameWhileNobodyWaited() {
        List<String> events = new ArrayList<>();
        run(s -> {
            s.create(x -> {
                try {
                    NtySockets.recv(server, ByteBuffer.allocate(8), 30);
                } catch (WaitTimeoutException e) {
                    events.add("timed out");
                }
                NtySockets.send(client, ByteBuffer.wrap(new byte[] {5}));
                Coroutines.sleep(30); // the poller sees the fd ready while nobody waits
                ByteBuffer buf = ByteBuffer.allocate(8);
                events.add("got " + NtySockets.recv(server, buf, 5_000));
            }, null);
            s.create(x -> {
                for (int i = 0; i < 6; i++) {
                    Coroutines.sleep(10); // keep the scheduler polling meanwhile
                }
            }, null);
        });
        assertThat(events).containsExactly("timed out", "got 1");
    }

    @Test
    void rule4_3_closeByAnotherCoroutineWakesWaiterReportedAsClosed() {
        AtomicReference<Throwable> got = new AtomicReference<>();
        run(s -> {
            s.create(x -> {
                try {
                    NtySockets.recv(server, ByteBuffer.allocate(8), 5_000);
                } catch (FdClosedException e) {
                    got.set(e);
                }
            }, null);
            s.create(x -> {
                Coroutines.sleep(20);
                NtySockets.close(server);
            }, null);
        });
        assertThat(got.get()).isInstanceOf(FdClosedException.class)
                .hasMessageContaining("fd " + server).hasMessageContaining("closed");
        assertThatThrownBy(() -> NtySockets.recv(server, ByteBuffer.allocate(1), 100))
                .isInstanceOf(ErrnoException.class).hasMessageContaining("EBADF");
    }

    @Test
    void rule4_3_noLostWakeup() throws Exception {
        int messages = 2_000;
        Thread writer = new Thread(() -> {
            try {
                for (int i = 0; i < messages; i++) {
                    NtySockets.send(client, ByteBuffer.wrap(new byte[] {(byte) i}));
                    if (i % 64 == 0) {
                        Thread.sleep(1); // vary the timing against the reader's waits
                    }
                }
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        AtomicInteger received = new AtomicInteger();
        run(s -> s.create(x -> {
            writer.start();
            ByteBuffer buf = ByteBuffer.allocate(7);
            while (received.get() < messages) {
                buf.clear();
                // A lost wakeup would end here in WaitTimeoutException.
                received.addAndGet(NtySockets.recv(server, buf, 5_000));
            }
        }, null));
        writer.join(5_000);
        assertThat(received.get()).isEqualTo(messages);
    }

    @Test
    void rule4_3_pingPongBetweenCoroutinesNeverStalls() {
        int rounds = 1_000;
        AtomicInteger pongs = new AtomicInteger();
        run(s -> {
            s.create(x -> {
                ByteBuffer b = ByteBuffer.allocate(1);
                for (int i = 0; i < rounds; i++) {
                    b.clear();
                    NtySockets.recv(server, b, 5_000);
                    b.flip();
                    NtySockets.send(server, b, 5_000);
                }
            }, null);
            s.create(x -> {
                ByteBuffer b = ByteBuffer.allocate(1);
                for (int i = 0; i < rounds; i++) {
                    b.clear().put((byte) i).flip();
                    NtySockets.send(client, b, 5_000);
                    b.clear();
                    NtySockets.recv(client, b, 5_000);
                    if (b.get(0) == (byte) i) {
                        pongs.incrementAndGet();
                    }
                }
            }, null);
        });
        assertThat(pongs.get()).isEqualTo(rounds);
    }

    @Test
    void rule4_4_schedulerNeverBlocksInSocketCall() {
        List<String> order = new ArrayList<>();
        AtomicInteger ticks = new AtomicInteger();
        run(s -> {
            s.create(x -> {
                order.add("reader waits");
                NtySockets.recv(server, ByteBuffer.allocate(8), 5_000);
                order.add("reader resumed after " + ticks.get() + " ticks");
            }, null);
            s.create(x -> {
                int listener = Loopback.listener(Loopback.ipv4AnyPort());
                order.add("acceptor waits");
                s.create(y -> {
                    // While reader and acceptor wait, this coroutine keeps running.
                    for (int i = 0; i < 20; i++) {
                        Coroutines.sleep(1);
                        ticks.incrementAndGet();
                    }
                    order.add("ticker done");
                    int c = NtySockets.socketFor(NtySockets.localAddress(listener), NtySockets.SOCK_STREAM);
                    NtySockets.connect(c, NtySockets.localAddress(listener), 5_000);
                    NtySockets.send(client, ByteBuffer.wrap(new byte[] {1}));
                    NtySockets.close(c);
                }, null);
                int conn = NtySockets.accept(listener, 5_000);
                order.add("acceptor resumed");
                NtySockets.close(conn);
                NtySockets.close(listener);
            }, null);
        });
        // Both waiters were suspended while the ticker ran 20 sleeps; the two fds become ready in
        // the same poll, in an order epoll chooses.
        assertThat(order.subList(0, 3)).containsExactly("reader waits", "acceptor waits", "ticker done");
        assertThat(order.subList(3, order.size()))
                .containsExactlyInAnyOrder("reader resumed after 20 ticks", "acceptor resumed");
    }

    @Test
    void rule4_5_acceptGivesNonBlockingConnectedFd() {
        AtomicInteger flags = new AtomicInteger(-1);
        AtomicReference<InetSocketAddress> peer = new AtomicReference<>();
        run(s -> s.create(x -> {
            int listener = Loopback.listener(Loopback.ipv4AnyPort());
            InetSocketAddress address = NtySockets.localAddress(listener);
            s.create(y -> {
                int c = NtySockets.socketFor(address, NtySockets.SOCK_STREAM);
                NtySockets.connect(c, address, 5_000);
                NtySockets.send(c, ByteBuffer.wrap(new byte[] {1}));
                NtySockets.close(c);
            }, null);
            int conn = NtySockets.accept(listener, 5_000);
            flags.set(NativeLibC.libc().fcntl(conn, LibC.F_GETFL, 0));
            peer.set(NtySockets.remoteAddress(conn));
            NtySockets.close(conn);
            NtySockets.close(listener);
        }, null));
        assertThat(flags.get() & LibC.O_NONBLOCK).isEqualTo(LibC.O_NONBLOCK);
        assertThat(peer.get().getAddress().isLoopbackAddress()).isTrue();
    }

    @Test
    void rule4_5_recvReturnsZeroAtOrderlyEof() {
        List<Integer> results = new ArrayList<>();
        run(s -> {
            s.create(x -> {
                ByteBuffer buf = ByteBuffer.allocate(8);
                results.add(NtySockets.recv(server, buf, 5_000));
                results.add(NtySockets.recv(server, buf, 5_000));
            }, null);
            s.create(x -> {
                Coroutines.sleep(10);
                NtySockets.send(client, ByteBuffer.wrap(new byte[] {1, 2, 3}));
                NtySockets.shutdown(client, NtySockets.SHUT_WR);
            }, null);
        });
        assertThat(results).containsExactly(3, 0);
    }

    @Test
    void rule4_5_peerResetIsEconnresetAndSendToClosedPeerIsEpipe() throws Exception {
        List<String> errors = new ArrayList<>();
        run(s -> s.create(x -> {
            NtySockets.setLinger(client, 0); // close sends RST
            NtySockets.close(client);
            try {
                NtySockets.recv(server, ByteBuffer.allocate(8), 5_000);
            } catch (ErrnoException e) {
                errors.add(e.errnoName());
            }
            try {
                // The connection is dead: send fails with EPIPE, not a SIGPIPE that kills the JVM.
                NtySockets.send(server, ByteBuffer.allocate(1024), 5_000);
            } catch (ErrnoException e) {
                errors.add(e.errnoName());
            }
        }, null));
        assertThat(errors).containsExactly("ECONNRESET", "EPIPE");
    }

    @Test
    void rule4_5_sendWritesEverythingSuspendingWhenTheBufferIsFull() {
        transferAndCheck(8 << 20, true);
    }

    @Test
    void rule4_5_largeHeapBufferTransfersInChunks() {
        transferAndCheck(3 * NtySockets.HEAP_CHUNK + 12_345, false);
    }

    /** Sends {@code size} patterned bytes from one coroutine, receives and checks them in another. */
    private void transferAndCheck(int size, boolean direct) {
        RecordingPoller poller = new RecordingPoller(newPoller());
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger received = new AtomicInteger();
        AtomicInteger checksumErrors = new AtomicInteger();
        CoroutineRunner.run(poller, s -> {
            s.create(x -> {
                NtySockets.setOption(client, SockOpt.SO_SNDBUF, 64 * 1024);
                ByteBuffer big = direct ? ByteBuffer.allocateDirect(size) : ByteBuffer.allocate(size);
                for (int i = 0; i < size; i++) {
                    big.put(i, (byte) (i * 31));
                }
                sent.set(NtySockets.send(client, big, 20_000));
                NtySockets.shutdown(client, NtySockets.SHUT_WR);
            }, null);
            s.create(x -> {
                ByteBuffer buf = direct ? ByteBuffer.allocate(50_000) : ByteBuffer.allocate(NtySockets.HEAP_CHUNK * 2);
                int n;
                while ((n = NtySockets.recv(server, buf.clear(), 20_000)) > 0) {
                    for (int i = 0; i < n; i++) {
                        if (buf.get(i) != (byte) ((received.get() + i) * 31)) {
                            checksumErrors.incrementAndGet();
                        }
                    }
                    received.addAndGet(n);
                }
            }, null);
        });
        assertThat(sent.get()).isEqualTo(size);
        assertThat(received.get()).isEqualTo(size);
        assertThat(checksumErrors.get()).isZero();
        assertThat(poller.log).as("the sender suspended for writability")
                .anyMatch(line -> line.equals("arm " + client + " 4"));
    }

    @Test
    void connectToClosedPortIsEconnrefused() throws Exception {
        int listener = Loopback.listener(Loopback.ipv4AnyPort());
        InetSocketAddress address = NtySockets.localAddress(listener);
        NtySockets.close(listener); // nothing listens on that port any more
        AtomicReference<ErrnoException> got = new AtomicReference<>();
        run(s -> s.create(x -> {
            int fd = NtySockets.socketFor(address, NtySockets.SOCK_STREAM);
            try {
                NtySockets.connect(fd, address, 5_000);
            } catch (ErrnoException e) {
                got.set(e);
            } finally {
                NtySockets.close(fd);
            }
        }, null));
        assertThat(got.get().errnoName()).isEqualTo("ECONNREFUSED");
        assertThat(got.get().errno()).isEqualTo(111);
        assertThat(got.get()).hasMessageContaining("connect(fd=").hasMessageContaining("ECONNREFUSED");
    }

    @Test
    void idleSchedulerBurnsUnder50msCpuInOneSecond() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] cpu = new long[1];
        AtomicReference<Throwable> got = new AtomicReference<>();
        long startCpu = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        run(s -> s.create(x -> {
            try {
                NtySockets.recv(server, ByteBuffer.allocate(8), 1_000); // nothing will come
            } catch (WaitTimeoutException e) {
                got.set(e);
            }
        }, null));
        cpu[0] = threads.getCurrentThreadCpuTime() - startCpu;
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(1_000_000_000L);
        assertThat(got.get()).isInstanceOf(WaitTimeoutException.class);
        assertThat(cpu[0]).as("scheduler thread CPU ns while idle for 1 s").isLessThan(50_000_000L);
    }
}
