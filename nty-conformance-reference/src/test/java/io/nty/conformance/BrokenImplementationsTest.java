package io.nty.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.nty.conformance.example.Fault;
import io.nty.conformance.example.SimpleProvider;
import io.nty.conformance.jvm.JvmScenarioRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
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
    /** Faults only a direct call can show (misuse, the system clock, a second scheduler): no scenario to print. */
    private static final Set<Fault> DIRECT_ONLY = EnumSet.of(Fault.NEGATIVE_SLEEP_YIELDS, Fault.PINNED_YIELD_LEFT_QUEUED,
            Fault.POLL_TIMEOUT_IS_THE_DEADLINE, Fault.CLOSE_DOES_NOT_UNBIND);
    /** Where {@link #everyRuleAgainstEveryFault} writes its table. */
    private static final Path MATRIX = Path.of("target/nty-conformance-teeth-matrix.md");

    @ParameterizedTest
    @EnumSource(Fault.class)
    void suiteFailsTheRuleEachFaultBreaks(Fault fault) {
        Target target = Target.of(new SimpleProvider(Set.of(fault)), new Settings(SEED, 300));

        RuleResult result = RuleResult.of(fault.rule(), () -> Conformance.verify(fault.rule(), target));
        System.out.println("--- " + fault + ": " + result.outcome() + " in " + result.millis() + " ms");

        assertThat(result.outcome()).as("outcome of %s for %s", fault.rule().cite(), fault)
                .isEqualTo(RuleResult.Outcome.FAILED);
        assertThat(result.detail()).startsWith(fault.rule().cite() + " (" + fault.rule().statement() + ") violated");
        if (!isApiRule(fault.rule()) && !DIRECT_ONLY.contains(fault)) {
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

    /**
     * The planted faults of the kinds that need scale, high fds, throws after IO, execute while
     * others run, a second scheduler, states, misuse, clocks and untimed waits (issue 10) fail
     * their rule — and leave these rules, which they do not break, verified: a fault is reported
     * under the rules it breaks, not under every rule whose scenarios it disturbs.
     */
    @ParameterizedTest
    @CsvSource({
        "READY_RING_LOSES_ENTRIES_ON_GROWTH, R1_2 R2_3 R4_1 R4_2 R5_2",
        "TIMER_HEAP_REMOVE_DOES_NOT_SIFT_UP, R1_1 R2_2 R3_2 R4_1 R4_2 R5_2",
        "WAIT_TABLE_MASKS_FD_TO_64_SLOTS, R1_1 R1_2 R3_2 R3_4 R5_2",
        "EXCEPTION_AFTER_IO_WAIT_STOPS_SCHEDULER, R1_1 R1_2 R3_2 R4_1 R5_2",
        "EXECUTE_PENDING_IGNORED_WHEN_IDLE, R1_1 R2_3 R3_3 R4_3 R5_2",
        "IDS_SHARED_ACROSS_SCHEDULERS, R1_2 R3_4 R4_1 R4_2 R5_2",
        "CLOSE_DOES_NOT_UNBIND, R1_2 R2_3 R3_2 R3_3 R4_3",
        "CREATED_STATE_READY, R1_2 R2_3 R3_3 R4_3 R5_2",
        "NEGATIVE_SLEEP_YIELDS, R1_1 R2_3 R3_3 R4_3 R5_2",
        "PINNED_YIELD_LEFT_QUEUED, R1_1 R2_3 R3_3 R4_3 R5_2",
        "POLL_TIMEOUT_IS_THE_DEADLINE, R1_1 R2_3 R3_3 R4_3 R5_2",
        "DEADLINES_FROM_SCHEDULER_START, R1_1 R2_3 R3_3 R4_3 R5_2",
        "RUN_RETURNS_WITH_UNTIMED_WAITERS, R1_1 R1_2 R3_2 R4_1 R5_2",
        "IO_POLLED_BEFORE_READY_SNAPSHOT, R1_1 R1_2 R2_3 R4_1 R5_2",
    })
    void plantedFaultFailsItsRuleAndLeavesOthersVerified(Fault fault, String untouched) {
        Target target = Target.of(new SimpleProvider(Set.of(fault)), new Settings(SEED, 300));

        RuleResult own = RuleResult.of(fault.rule(), () -> Conformance.verify(fault.rule(), target));
        assertThat(own.outcome()).as("%s for %s", fault.rule().cite(), fault).isEqualTo(RuleResult.Outcome.FAILED);
        for (String r : untouched.split(" ")) {
            Rule rule = Rule.valueOf(r);
            RuleResult other = RuleResult.of(rule, () -> Conformance.verify(rule, target));
            assertThat(other.outcome()).as("%s for %s: %s", rule.cite(), fault, other.detail())
                    .isEqualTo(RuleResult.Outcome.VERIFIED);
        }
    }

    /**
     * Every rule against every fault, for the second table of docs/conformance.md: slow (minutes),
     * so only with {@code -Dnty.conformance.teeth.matrix=true}. Each fault must at least fail its own rule.
     */
    @Test
    @EnabledIfSystemProperty(named = "nty.conformance.teeth.matrix", matches = "true")
    void everyRuleAgainstEveryFault() throws IOException {
        StringBuilder sb = new StringBuilder("| fault | rules failed |\n| --- | --- |\n");
        for (Fault fault : Fault.values()) {
            Target target = Target.of(new SimpleProvider(Set.of(fault)), new Settings(SEED, 300));
            List<String> failed = new ArrayList<>();
            for (Rule rule : Rule.values()) {
                if (RuleResult.of(rule, () -> Conformance.verify(rule, target)).outcome() == RuleResult.Outcome.FAILED) {
                    failed.add(rule.cite());
                }
            }
            System.out.println("--- matrix " + fault + ": " + failed);
            assertThat(failed).as("rules failed by %s", fault).contains(fault.rule().cite());
            sb.append("| ").append(fault).append(" | ").append(String.join(", ", failed)).append(" |\n");
        }
        Files.createDirectories(MATRIX.getParent());
        Files.writeString(MATRIX, sb.toString());
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
