package io.nty.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The servers as separate processes: they print where they listen and stop on SIGTERM. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SignalShutdownTest {

    @ParameterizedTest
    @ValueSource(strings = {"http", "echo"})
    void serverPrintsListeningThenStopsCleanlyOnSigterm(String command, @TempDir Path dir) throws Exception {
        Path out = dir.resolve("out.txt");
        // To a file, not a pipe: Process.destroy() may close the pipe before the last line is read.
        Process server = new ProcessBuilder(javaCommand(command, "--port", "0"))
                .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (Files.readString(out).isEmpty() && server.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(Files.readString(out)).matches("listening on 127\\.0\\.0\\.1:\\d+\\R");

            server.destroy(); // SIGTERM
            assertThat(server.waitFor(20, TimeUnit.SECONDS)).as("exited after SIGTERM").isTrue();
            assertThat(Files.readAllLines(out)).last().isEqualTo("stopped after 0 connections");
            assertThat(server.exitValue()).as("the JVM's status for SIGTERM").isEqualTo(143);
        } finally {
            server.destroyForcibly();
        }
    }

    private static List<String> javaCommand(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElseThrow(() -> new IOException("no java command")));
        command.add("--add-exports");
        command.add("java.base/jdk.internal.vm=ALL-UNNAMED");
        command.add("--enable-native-access=ALL-UNNAMED");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        return command;
    }
}
