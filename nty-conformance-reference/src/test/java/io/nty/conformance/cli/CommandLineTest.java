package io.nty.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nty.conformance.Rule;
import io.nty.conformance.Settings;
import io.nty.conformance.example.LifoProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runnable jar's command line: help, one rule, replaying one scenario, a provider from --classpath. */
class CommandLineTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String output() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpListsEveryOption() throws IOException {
        assertThat(ConformanceMain.run(CommandLine.parse("--help"), out)).isZero();

        assertThat(output()).contains("usage: java -jar nty-conformance.jar", "--driver", "--provider", "--serve",
                "--classpath", "--rule", "--replay", "--real-fds", "--input", "--seed", "--examples", "--report",
                "--help", "exit status");
    }

    @Test
    void optionsBecomeTheRunsSettingsWithoutSystemProperties() {
        CommandLine cl = CommandLine.parse("--provider", "nty", "--rule", "§3.3", "--rule", "4.1", "--seed", "42",
                "--examples", "7", "--classpath", "a:b.jar");

        assertThat(cl.rules()).isEqualTo(Set.of(Rule.R3_3, Rule.R4_1));
        assertThat(cl.settings()).isEqualTo(new Settings(42, 7, Settings.Replay.COMMAND_LINE));
        assertThat(cl.classPath()).containsExactly(Path.of("a"), Path.of("b.jar"));
        assertThat(System.getProperty(Settings.SEED)).isNull();
    }

    @Test
    void badUsageNamesTheProblem() {
        assertThatThrownBy(() -> CommandLine.parse("--provider", "nty", "--rule", "9.9"))
                .hasMessageContaining("--rule 9.9: no such rule").hasMessageContaining("§3.3");
        assertThatThrownBy(() -> CommandLine.parse("--frobnicate")).hasMessageContaining("unknown argument '--frobnicate'");
        assertThatThrownBy(() -> CommandLine.parse("--rule", "3.3")).hasMessageContaining("say what to verify");
        assertThatThrownBy(() -> CommandLine.parse("--driver", "x", "--real-fds")).hasMessageContaining("--real-fds");
    }

    @Test
    void oneRuleOnly() throws IOException {
        int status = ConformanceMain.run(CommandLine.parse("--provider", "nty", "--rule", "3.2", "--examples", "20",
                "--report", tempReport()), out);

        assertThat(status).isZero();
        assertThat(output()).contains("1 verified, 0 failed, 0 not verified (of 1 rules run)").contains("§3.2   VERIFIED");
    }

    @Test
    void aProviderClassOutsideTheSuitesClassPathIsLoadedFromClasspath(@TempDir Path dir) throws IOException {
        Path src = dir.resolve("src/MyProvider.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, """
                public final class MyProvider implements io.nty.conformance.ConformanceProvider {
                    private final io.nty.conformance.reference.NtyReferenceProvider nty =
                            new io.nty.conformance.reference.NtyReferenceProvider();
                    public String name() { return "my-provider from --classpath"; }
                    public java.util.Set<io.nty.conformance.Capability> capabilities() { return nty.capabilities(); }
                    public io.nty.api.Scheduler newScheduler(io.nty.conformance.SchedulerOptions o) { return nty.newScheduler(o); }
                }
                """);
        Path classes = dir.resolve("classes");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac.run(null, null, null, "-d", classes.toString(), "-cp", System.getProperty("java.class.path"),
                src.toString())).isZero();

        int notFound = ConformanceMain.run(CommandLine.parse("--provider", "MyProvider", "--rule", "1.1"), out);
        int found = ConformanceMain.run(CommandLine.parse("--provider", "MyProvider", "--classpath", classes.toString(),
                "--rule", "1.1", "--examples", "20", "--report", tempReport()), out);

        assertThat(notFound).isEqualTo(2);
        assertThat(found).isZero();
        assertThat(output()).contains("verifying my-provider from --classpath").contains("§1.1   VERIFIED");
    }

    @Test
    void replayPrintsBothTracesWithTheFirstDifferenceMarked(@TempDir Path dir) throws IOException {
        Path scenario = dir.resolve("two-yielders.txt");
        Files.writeString(scenario, String.join("\n", List.of("scenario 1", "pairs 0", "program 0", "  yield", "end",
                "create 0", "create 0", "run", "")));

        int conforming = ConformanceMain.run(CommandLine.parse("--provider", "nty", "--replay", scenario.toString()), out);
        String nty = output();
        bytes.reset();
        int lifo = ConformanceMain.run(CommandLine.parse("--provider", LifoProvider.class.getName(), "--replay",
                scenario.toString()), out);

        assertThat(conforming).isZero();
        assertThat(nty).contains("model (expected)", "implementation (observed)", "the trace is one the rules allow")
                .doesNotContain(">>");
        assertThat(lifo).isEqualTo(1);
        assertThat(output()).containsPattern(">> +2 +0 0 start +\\| 0 1 start").contains("first difference: event #2");
    }

    private static String tempReport() throws IOException {
        return Files.createTempFile("nty-conformance-report", ".md").toString();
    }
}
