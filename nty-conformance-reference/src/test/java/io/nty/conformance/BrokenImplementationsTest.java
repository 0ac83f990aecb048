package io.nty.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.nty.conformance.example.Fault;
import io.nty.conformance.example.SimpleProvider;
import io.nty.conformance.jvm.JvmScenarioRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The suite's own teeth: each deliberately broken implementation must fail the rule its fault
 * breaks, with a message that names the rule, shows the minimal scenario and the seed.
 *
 * <p>The seed is fixed so this test is deterministic; {@code -Dnty.conformance.seed} overrides it.
 */
@Execution(ExecutionMode.SAME_THREAD)
class BrokenImplementationsTest {

    private static final long SEED = TestSeeds.settings().seed();
    private static final Map<Fault, String> CAUGHT = new ConcurrentSkipListMap<>();

    @ParameterizedTest
    @EnumSource(Fault.class)
    void suiteFailsTheRuleEachFaultBreaks(Fault fault) {
        Target target = Target.of(new SimpleProvider(Set.of(fault)), new Settings(SEED, 300));

        RuleResult result = RuleResult.of(fault.rule(), () -> Conformance.verify(fault.rule(), target));
        System.out.println("--- " + fault + ": " + result.outcome() + " in " + result.millis() + " ms");

        assertThat(result.outcome()).as("outcome of %s for %s", fault.rule().cite(), fault)
                .isEqualTo(RuleResult.Outcome.FAILED);
        assertThat(result.detail()).startsWith(fault.rule().cite() + " (" + fault.rule().statement() + ") violated");
        if (!isApiRule(fault.rule())) {
            // Rules that start with fixed scenarios (§4.1's per-direction clauses, §6) print the
            // one that failed; PrimitiveTeethTest shows their generated scenarios catch the fault too.
            assertThat(result.detail()).containsAnyOf("minimal scenario (seed ", "\nscenario:\n").contains("\n    run");
        }
        CAUGHT.put(fault, result.detail());
        System.out.println("--- " + fault + " caught by " + fault.rule().cite() + ":\n" + result.detail());
    }

    /**
     * Faults also break other rules; these are caught there too. Each pair shows a check that
     * would otherwise never fail here has teeth (§3.1 and §3.5 in particular).
     */
    @ParameterizedTest
    @CsvSource({
        "CREATE_RUNS_FUNC, R3_1",
        "CREATE_RUNS_FUNC, R1_1",
        "EXITED_COROUTINE_RUN_AGAIN, R2_1",
        "LIFO_READY_QUEUE, R3_2",
        "EXCEPTION_STOPS_SCHEDULER, R3_5",
        "SLEEP_DOES_NOT_YIELD, R3_3",
        "SECOND_WAITER_REPLACES_FIRST, R4_3",
        "EVENT_WITHOUT_WAITER_WAKES_SOMEONE, R4_3",
    })
    void suiteAlsoFailsTheOtherRulesAFaultBreaks(Fault fault, Rule rule) {
        Target target = Target.of(new SimpleProvider(Set.of(fault)), new Settings(SEED, 300));

        RuleResult result = RuleResult.of(rule, () -> Conformance.verify(rule, target));

        assertThat(result.outcome()).as("outcome of %s for %s", rule.cite(), fault).isEqualTo(RuleResult.Outcome.FAILED);
        assertThat(result.detail()).startsWith(rule.cite());
    }

    /** §3.6 is also checked through scenarios alone, as for an implementation behind a driver. */
    @Test
    void suspendingOutsideACoroutineIsCaughtWithoutDirectCalls() {
        SimpleProvider broken = new SimpleProvider(Set.of(Fault.SUSPEND_OUTSIDE_COROUTINE_IGNORED));
        Target scenariosOnly = new Target(new JvmScenarioRunner(broken), Optional.empty(), new Settings(SEED, 10));

        RuleResult result = RuleResult.of(Rule.R3_6, () -> Conformance.verify(Rule.R3_6, scenariosOnly));

        assertThat(result.outcome()).isEqualTo(RuleResult.Outcome.FAILED);
        assertThat(result.detail()).contains("'yield' outside a coroutine should fail with a clear error, but: 'allowed'");
    }

    private static boolean isApiRule(Rule r) {
        return r == Rule.R1_3 || r == Rule.R3_6 || r == Rule.R5_1 || r == Rule.R5_2;
    }

    @AfterAll
    static void writeTeethReport() throws IOException {
        StringBuilder sb = new StringBuilder("# nty conformance: broken implementations caught\n\n");
        sb.append("| fault | rule | first line of the failure |\n| --- | --- | --- |\n");
        CAUGHT.forEach((f, d) -> sb.append("| ").append(f).append(" | ").append(f.rule().cite()).append(" | ")
                .append(d.lines().skip(1).findFirst().orElse(d).strip().replace("|", "\\|")).append(" |\n"));
        Path p = Path.of("target/nty-conformance-teeth.md");
        Files.createDirectories(p.getParent());
        Files.writeString(p, sb.toString());
    }
}
