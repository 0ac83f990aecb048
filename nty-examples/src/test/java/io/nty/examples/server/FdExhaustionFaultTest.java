package io.nty.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Running out of file descriptors: the echo server runs in a child JVM limited to
 * {@value #FD_LIMIT} fds ({@code prlimit --nofile}). The test connects more clients than the
 * server can accept, so its {@code accept} fails with {@code EMFILE} while connections wait in
 * the listen queue. The server must not spin on the failing accept (its CPU time stays low),
 * must not die, must keep serving the connections it has, and must accept the queued ones once
 * clients leave and fds are free again.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FdExhaustionFaultTest {

    private static final int FD_LIMIT = 128;
    /** Connections beyond what the server can accept: they wait in the listen queue. */
    private static final int QUEUED = 30;
    /** A spinning accept loop would burn about 1,000 ms of CPU per second. */
    private static final long MAX_CPU_MILLIS_PER_SECOND_EXHAUSTED = 250;
    private static final long CPU_SAMPLE_MILLIS = 2_000;
    private static final long CLOCK_TICKS_PER_SECOND = 100;

    @Test
    void acceptHittingEmfileNeitherSpinsNorKillsTheServerAndServesAgainOnceFdsAreFree(@TempDir Path dir)
            throws Exception {
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process server = new ProcessBuilder(childCommand()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        List<Socket> clients = new ArrayList<>();
        try {
            int port = awaitListening(server, out);
            assertEchoes(connect(port, clients)); // warms the echo path, then is one of the many
            int serverFds = openFds(server.pid());
            int acceptable = FD_LIMIT - serverFds;
            for (int i = 1; i < acceptable + QUEUED; i++) {
                connect(port, clients);
            }
            awaitText(err, "EMFILE", server);

            long cpuMillis = cpuMillisOver(server.pid(), CPU_SAMPLE_MILLIS);
            System.out.printf("fd exhaustion: server had %d fds before the flood, %d connections accepted, %d queued;"
                    + " CPU while exhausted %d ms in %d ms%n", serverFds, acceptable, QUEUED, cpuMillis, CPU_SAMPLE_MILLIS);
            assertThat(cpuMillis * 1000 / CPU_SAMPLE_MILLIS).as("server CPU ms per second while out of fds")
                    .isLessThan(MAX_CPU_MILLIS_PER_SECOND_EXHAUSTED);
            assertThat(server.isAlive()).as("server alive while out of fds").isTrue();
            assertEchoes(clients.get(0)); // accepted before the exhaustion: still served

            int leaving = clients.size() / 2;
            for (int i = 0; i < leaving; i++) {
                clients.get(i).close();
            }
            for (Socket queued : clients.subList(leaving, clients.size())) {
                assertEchoes(queued); // the last QUEUED ones are accepted only now
            }
            assertEchoes(connect(port, clients));
            assertThat(server.isAlive()).isTrue();
        } finally {
            for (Socket s : clients) {
                s.close();
            }
            server.destroy();
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
        assertThat(Files.readString(err)).as("the server's errors").contains("EMFILE")
                .doesNotContain("acceptor stops").doesNotContain("Exception in");
    }

    private static List<String> childCommand() throws IOException {
        String java = ProcessHandle.current().info().command().orElseThrow(() -> new IOException("no java command"));
        return List.of("prlimit", "--nofile=" + FD_LIMIT + ":" + FD_LIMIT, java,
                "--add-exports", "java.base/jdk.internal.vm=ALL-UNNAMED", "--enable-native-access=ALL-UNNAMED",
                "-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                EchoUnderFdLimitMain.class.getName(), "echo", "--port", "0");
    }

    private static int awaitListening(Process server, Path out) throws Exception {
        awaitText(out, "listening on", server);
        Matcher m = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)").matcher(Files.readString(out));
        assertThat(m.find()).as("listening line: %s", Files.readString(out)).isTrue();
        return Integer.parseInt(m.group(1));
    }

    /** Waits up to 30 s until {@code file} contains {@code text}, failing early if the server died. */
    private static void awaitText(Path file, String text, Process server) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.readString(file).contains(text)) {
            assertThat(server.isAlive()).as("server alive; its output: %s", Files.readString(file)).isTrue();
            assertThat(System.nanoTime() - deadline).as("'%s' within 30 s", text).isNegative();
            Thread.sleep(20);
        }
    }

    private static Socket connect(int port, List<Socket> clients) throws IOException {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
        s.setSoTimeout(10_000);
        clients.add(s);
        return s;
    }

    private static void assertEchoes(Socket s) throws IOException {
        byte[] message = ("ping " + s.getLocalPort()).getBytes(StandardCharsets.US_ASCII);
        s.getOutputStream().write(message);
        InputStream in = s.getInputStream();
        assertThat(in.readNBytes(message.length)).as("echo on local port %d", s.getLocalPort()).isEqualTo(message);
    }

    private static int openFds(long pid) throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/" + pid + "/fd"))) {
            return (int) fds.count();
        }
    }

    /** @return the user plus system CPU time {@code pid} used during the next {@code millis} */
    private static long cpuMillisOver(long pid, long millis) throws Exception {
        long before = cpuTicks(pid);
        Thread.sleep(millis);
        return (cpuTicks(pid) - before) * 1000 / CLOCK_TICKS_PER_SECOND;
    }

    /** utime + stime from {@code /proc/pid/stat}: fields 14 and 15, counted after the command name. */
    private static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
