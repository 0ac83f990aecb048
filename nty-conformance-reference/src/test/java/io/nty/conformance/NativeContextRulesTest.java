package io.nty.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.nty.api.Scheduler;
import io.nty.conformance.example.ClobberingNativeProvider;
import io.nty.conformance.example.SimpleProvider;
import io.nty.conformance.driver.DriverServer;
import io.nty.conformance.jvm.JvmScenarioRunner;
import io.nty.conformance.reference.NtyReferenceProvider;
import io.nty.nswitch.NtySwitch;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * §2.4 through the native probes: verified for nty-switch-x86_64, failed for a native switch that
 * reports a clobbered register or whose probe crashes, not verified without native contexts.
 */
class NativeContextRulesTest {

    @BeforeEach
    void nativeSwitch() {
        assumeTrue(NtySwitch.isAvailable(), () -> "native switch unavailable here: "
                + NtySwitch.unavailableReason().orElse("?"));
    }

    private static RuleResult verify(ConformanceProvider p) {
        Target target = new Target(new JvmScenarioRunner(p), Optional.of(p), new Settings(TestSeeds.DEFAULT_SEED, 5));
        return RuleResult.of(Rule.R2_4, () -> Conformance.verify(Rule.R2_4, target));
    }

    @Test
    void ntySwitchPassesEveryNativeProbe() {
        RuleResult result = verify(new NtyReferenceProvider());

        assertThat(result.outcome()).as(result.detail()).isEqualTo(RuleResult.Outcome.VERIFIED);
    }

    @Test
    void aSwitchThatLosesRbxFailsWithTheProbesFinding() {
        RuleResult result = verify(new ClobberingNativeProvider());

        assertThat(result.outcome()).isEqualTo(RuleResult.Outcome.FAILED);
        assertThat(result.detail()).startsWith("§2.4").contains("preserve rbx, rbp, r12-r15 and rsp")
                .contains("expected: native callee-saved rbx=ok").contains("observed: native callee-saved rbx=clobbered");
    }

    @Test
    void aProbeThatThrowsFailsTheRuleNamingTheProbe() {
        RuleResult result = verify(withNativeContexts(probe -> {
            throw new IllegalStateException("stack mapping failed");
        }));

        assertThat(result.outcome()).isEqualTo(RuleResult.Outcome.FAILED);
        assertThat(result.detail()).contains("probe entry failed").contains("stack mapping failed");
    }

    @Test
    void anImplementationWithoutNativeContextsIsNotVerified() {
        RuleResult result = verify(new SimpleProvider(Set.of()));

        assertThat(result.outcome()).isEqualTo(RuleResult.Outcome.NOT_VERIFIED);
        assertThat(result.detail()).contains("NATIVE_CONTEXTS");
    }

    @Test
    void referenceDriverAnswersANativeProbeStatement() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DriverServer.serve(new JvmScenarioRunner(new NtyReferenceProvider()),
                new BufferedReader(new StringReader("native-probe guard-page\nnative-probe nonsense\n")),
                new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(out.toString(StandardCharsets.UTF_8).lines().toList()).contains("ready")
                .containsSubsequence("native guard-page prot-none=ok stack-rw=ok", "end",
                        "# unknown native probe 'nonsense'", "end");
    }

    /** The reference scheduler with {@code contexts} as its native contexts. */
    private static ConformanceProvider withNativeContexts(NativeContexts contexts) {
        NtyReferenceProvider reference = new NtyReferenceProvider();
        return new ConformanceProvider() {
            @Override
            public String name() {
                return "nty with test native contexts";
            }

            @Override
            public Set<Capability> capabilities() {
                return reference.capabilities();
            }

            @Override
            public Scheduler newScheduler(SchedulerOptions options) {
                return reference.newScheduler(options);
            }

            @Override
            public Optional<NativeContexts> nativeContexts() {
                return Optional.of(contexts);
            }
        };
    }
}
