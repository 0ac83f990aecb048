package io.nty.conformance.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.nty.conformance.Conformance;
import io.nty.conformance.Rule;
import io.nty.conformance.RuleResult;
import io.nty.conformance.Settings;
import io.nty.conformance.Target;
import io.nty.conformance.scenario.Scenario;
import io.nty.conformance.scenario.Step;
import io.nty.conformance.scenario.Trace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drivers that crash, as a native runtime's would: killed by a signal mid-trace, reporting a
 * crashed child with a {@code crash} line, or printing what is not an event. Each scenario fails
 * the rule it ran for, with what happened; none counts toward verified.
 */
class CrashingDriversTest {

    /** Reads a scenario up to {@code run}, then does {@code onScenario} (shell), in a loop. */
    private static String driver(Path dir, String name, String onScenario) throws IOException {
        Path script = dir.resolve(name);
        Files.writeString(script, """
                #!/bin/sh
                echo 'nty-driver 1'
                echo 'capabilities'
                echo 'name %s'
                echo 'ready'
                while read -r line; do
                  if [ "$line" = run ]; then
                %s
                  fi
                done
                """.formatted(name, onScenario));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script.toString();
    }

    private static final Scenario ONE = Scenario.builder().program(new Step.Yield()).create(0).build();

    @Test
    void rule1_2_aDriverKilledBySignalMidTraceCrashedTheScenario(@TempDir Path dir) throws IOException {
        try (DriverScenarioRunner runner = new DriverScenarioRunner(driver(dir, "segv",
                "    echo '0 main created 0'; kill -SEGV $$"))) {
            Trace t = runner.run(ONE);
            RuleResult r = RuleResult.of(Rule.R1_2, () -> Conformance.verify(Rule.R1_2,
                    new Target(runner, Optional.empty(), new Settings(1, 10, Settings.Replay.COMMAND_LINE))));

            assertThat(t.ending()).isInstanceOf(Trace.Ending.Crashed.class);
            assertThat(t.ending().describe()).contains("killed by signal 11 (SIGSEGV)");
            assertThat(r.outcome()).isEqualTo(RuleResult.Outcome.FAILED);
            assertThat(r.detail()).contains("the implementation crashed").contains("replay with --seed 1")
                    .doesNotContain("-Dnty");
        }
    }

    @Test
    void rule1_2_aForkingDriverReportsItsCrashedChildAndKeepsRunning(@TempDir Path dir) throws IOException {
        try (DriverScenarioRunner runner = new DriverScenarioRunner(driver(dir, "forking",
                "    echo '0 main created 0'; echo 'crash killed by signal 6 (SIGABRT)'; echo end"))) {
            Trace first = runner.run(ONE);
            Trace second = runner.run(ONE);

            assertThat(first.events()).containsExactly("0 main created 0");
            assertThat(first.ending()).isEqualTo(new Trace.Ending.Crashed("the driver reported: killed by signal 6 (SIGABRT)"));
            assertThat(second.ending()).isEqualTo(first.ending());
        }
    }

    /** A driver that never answers is killed with what it started, restarted, and costs bounded time per rule. */
    @Test
    @org.junit.jupiter.api.Timeout(value = 1, unit = java.util.concurrent.TimeUnit.MINUTES)
    void rule1_2_aHangingDriverIsKilledAndTheRuleFailsInBoundedTime(@TempDir Path dir) throws IOException {
        try (DriverScenarioRunner runner = new DriverScenarioRunner(driver(dir, "hanging", "    sleep 997"))) {
            RuleResult r = RuleResult.of(Rule.R1_2, () -> Conformance.verify(Rule.R1_2,
                    new Target(runner, Optional.empty(), new Settings(1, 50, Settings.Replay.COMMAND_LINE))));

            assertThat(r.outcome()).isEqualTo(RuleResult.Outcome.FAILED);
            assertThat(r.detail()).contains("the scenario did not complete: it hung").contains("it was killed");
            assertThat(r.millis()).as("one 10 s limit, then at most three of 1 s").isLessThan(30_000);
        }
        assertThat(ProcessHandle.allProcesses().filter(p -> p.info().arguments()
                .map(a -> java.util.Arrays.asList(a).contains("997")).orElse(false)).count())
                .as("the hung driver's children were killed with it").isZero();
    }

    @Test
    void rule1_2_anUnknownEventIsAProtocolErrorNamingTheVocabulary(@TempDir Path dir) throws IOException {
        try (DriverScenarioRunner runner = new DriverScenarioRunner(driver(dir, "babbling",
                "    echo '0 main created 0'; echo '0 0 frobnicated'; echo end"))) {
            Trace t = runner.run(ONE);

            assertThat(t.ending()).isInstanceOf(Trace.Ending.ProtocolError.class);
            assertThat(t.ending().describe()).contains("unknown event 'frobnicated'").contains("woke");
        }
    }
}
