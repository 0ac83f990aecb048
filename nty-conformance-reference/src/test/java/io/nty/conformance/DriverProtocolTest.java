package io.nty.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.nty.conformance.driver.DriverScenarioRunner;
import io.nty.conformance.driver.DriverServer;
import io.nty.conformance.jvm.JvmScenarioRunner;
import io.nty.conformance.reference.NtyReferenceProvider;
import io.nty.conformance.scenario.Model;
import io.nty.conformance.scenario.Scenario;
import io.nty.conformance.scenario.ScenarioText;
import io.nty.conformance.scenario.Trace;
import io.nty.nswitch.NtySwitch;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The driver protocol end to end: the reference driver in a separate JVM, verified through the
 * protocol; and the command line's exit status for a passing and a failing implementation.
 */
class DriverProtocolTest {

    @Test
    void serverAnswersOneScenarioInTheDocumentedForm() throws IOException {
        Scenario s = ScenarioText.parse("scenario 1\npairs 1\nprogram 0\n  wait 3 1500\nend\nprogram 1\n  send 4\nend\n"
                + "create 0\ncreate 1\nrun\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DriverServer.serve(new JvmScenarioRunner(new NtyReferenceProvider()),
                new BufferedReader(new StringReader(ScenarioText.format(s))), new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(out.toString(StandardCharsets.UTF_8).lines().toList()).containsExactly(
                "nty-driver 1", "capabilities VIRTUAL_CLOCK FD_WAITS " + (NtySwitch.isAvailable() ? "NATIVE_CONTEXTS " : "")
                        + "THREADS WRITE_WAITS PRIMITIVES", "name nty-scheduler (NtyScheduler)", "ready",
                "0 main created 0", "0 main created 1", "0 0 start", "0 0 wait 3 1500", "0 1 start", "0 1 send 4 ok",
                "0 1 exit", "0 0 ready", "0 0 exit", "0 main returned", "end");
    }

    @Test
    void referenceDriverInAnotherProcessPassesEveryScenarioRule() {
        try (DriverScenarioRunner driver = new DriverScenarioRunner(CommandLines.conformanceMain(List.of(), "--serve", "nty"))) {
            Target target = new Target(driver, Optional.empty(), new Settings(TestSeeds.settings().seed(), 100));
            List<RuleResult> results = Conformance.verifyAll(target);

            assertThat(results).filteredOn(r -> r.outcome() == RuleResult.Outcome.FAILED).isEmpty();
            // §2.4 needs the native switch, which exists for linux-x86_64 only; §4.4, §4.5 need real fds.
            List<Rule> expected = java.util.Arrays.stream(Rule.values())
                    .filter(r -> r != Rule.R4_4 && r != Rule.R4_5)
                    .filter(r -> r != Rule.R2_4 || NtySwitch.isAvailable()).toList();
            assertThat(results).filteredOn(r -> r.outcome() == RuleResult.Outcome.VERIFIED).extracting(RuleResult::rule)
                    .containsExactlyElementsOf(expected);
        }
    }

    @Test
    void driverTraceEqualsTheModelsForAHandWrittenScenario() {
        Scenario s = ScenarioText.parse("scenario 1\nprogram 0\n  sleep 10\n  yield\nend\ncreate 0\ncreate 0\nrun\n");
        try (DriverScenarioRunner driver = new DriverScenarioRunner(CommandLines.conformanceMain(List.of(), "--serve", "nty"))) {
            Trace t = driver.run(s);
            assertThat(Model.check(t, s)).isEmpty();
            assertThat(t.events()).contains("10 1 woke");
        }
    }

    @Test
    void aDriverWhoseNativeProbeReportsAClobberedRegisterFailsRule2_4() {
        org.junit.jupiter.api.Assumptions.assumeTrue(NtySwitch.isAvailable(), "native switch unavailable here");
        try (DriverScenarioRunner driver = new DriverScenarioRunner(CommandLines.conformanceMain(List.of(), "--serve",
                "io.nty.conformance.example.ClobberingNativeProvider"))) {
            Target target = new Target(driver, Optional.empty(), new Settings(TestSeeds.DEFAULT_SEED, 5));
            RuleResult result = RuleResult.of(Rule.R2_4, () -> Conformance.verify(Rule.R2_4, target));

            assertThat(result.outcome()).as(result.detail()).isEqualTo(RuleResult.Outcome.FAILED);
            assertThat(result.detail()).contains("observed: native callee-saved rbx=clobbered");
        }
    }

    @Test
    void commandLineExitsNonZeroWhenARuleFails() throws Exception {
        Path report = Files.createTempFile("nty-conformance", ".md");
        Process p = new ProcessBuilder("sh", "-c", CommandLines.conformanceMain(List.of(), "--driver",
                CommandLines.conformanceMain(List.of(), "--serve", "io.nty.conformance.example.LifoProvider"),
                "--examples", "50", "--seed", "5", "--report", report.toString()))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(p.waitFor()).as(out).isEqualTo(1);
        assertThat(out).contains("§1.1   FAILED").contains("minimal scenario (seed 5");
        assertThat(Files.readString(report)).contains("| §1.1 |").contains("FAILED");
    }
}
