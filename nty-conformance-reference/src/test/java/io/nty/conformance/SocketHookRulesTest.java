package io.nty.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.nty.api.Scheduler;
import io.nty.conformance.jvm.JvmScenarioRunner;
import io.nty.conformance.reference.NtyReferenceProvider;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * §4.4 and §4.5 through the hook steps: verified for nty-socket's hooks on real socket pairs,
 * failed for deliberately broken hooks, not verified where no hooks can run.
 */
class SocketHookRulesTest {

    /** Ways to break nty-socket's hooks, each against one rule. */
    enum HookFault {
        /** recv runs as a plain blocking call on the scheduler thread (for up to 500 ms). */
        BLOCKS_THREAD,
        /** send writes one byte and reports that, not everything. */
        PARTIAL_SEND,
        /** recv reports orderly end of stream as a failure instead of 0. */
        EOF_AS_FAILURE
    }

    /** The reference scheduler with nty-socket's hooks, broken as {@code fault} says. */
    private record BrokenHooksProvider(HookFault fault) implements ConformanceProvider {
        private static final NtyReferenceProvider REFERENCE = new NtyReferenceProvider();

        @Override
        public String name() {
            return "nty with hooks broken by " + fault;
        }

        @Override
        public Set<Capability> capabilities() {
            return REFERENCE.capabilities();
        }

        @Override
        public Scheduler newScheduler(SchedulerOptions options) {
            return REFERENCE.newScheduler(options);
        }

        @Override
        public Optional<SocketHooks> socketHooks() {
            SocketHooks real = REFERENCE.socketHooks().orElseThrow();
            return Optional.of(new SocketHooks() {
                @Override
                public String recv(int fd, int max, long timeoutMillis) {
                    return switch (fault) {
                        case BLOCKS_THREAD -> blockingRecv(real, fd, max);
                        case EOF_AS_FAILURE -> {
                            String r = real.recv(fd, max, timeoutMillis);
                            yield r.equals("0") ? "EOF" : r;
                        }
                        case PARTIAL_SEND -> real.recv(fd, max, timeoutMillis);
                    };
                }

                @Override
                public String send(int fd, int bytes) {
                    return fault == HookFault.PARTIAL_SEND ? real.send(fd, 1) : real.send(fd, bytes);
                }
            });
        }

        /** A hook outside any coroutine is a plain blocking call (§3.6): run there, the scheduler thread waits for it. */
        private static String blockingRecv(SocketHooks real, int fd, int max) {
            CompletableFuture<String> r = CompletableFuture.supplyAsync(() -> real.recv(fd, max, 0),
                    task -> Thread.ofPlatform().daemon(true).start(task));
            try {
                return r.get(500, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                return "EAGAIN";
            } catch (Exception e) {
                return e.getClass().getSimpleName();
            }
        }
    }

    private static Target onRealSockets(ConformanceProvider p) {
        return new Target(JvmScenarioRunner.onRealSockets(p), Optional.of(p), new Settings(TestSeeds.DEFAULT_SEED, 5));
    }

    @Test
    void ntySocketHooksFollowBothRules() {
        Target target = onRealSockets(new NtyReferenceProvider());

        for (Rule r : new Rule[] {Rule.R4_4, Rule.R4_5}) {
            RuleResult result = RuleResult.of(r, () -> Conformance.verify(r, target));
            assertThat(result.outcome()).as(result.detail()).isEqualTo(RuleResult.Outcome.VERIFIED);
        }
    }

    @ParameterizedTest
    @CsvSource({
        "BLOCKS_THREAD, R4_4",
        "PARTIAL_SEND, R4_5",
        "EOF_AS_FAILURE, R4_5",
    })
    void brokenHooksFailTheirRule(HookFault fault, Rule rule) {
        RuleResult result = RuleResult.of(rule, () -> Conformance.verify(rule, onRealSockets(new BrokenHooksProvider(fault))));

        assertThat(result.outcome()).as(result.detail()).isEqualTo(RuleResult.Outcome.FAILED);
        assertThat(result.detail()).startsWith(rule.cite()).contains("hrecv").contains("\n    run");
    }

    @Test
    void withoutRealSocketsTheHookRulesAreNotVerified() {
        NtyReferenceProvider p = new NtyReferenceProvider();
        Target simulated = new Target(new JvmScenarioRunner(p), Optional.of(p), new Settings(TestSeeds.DEFAULT_SEED, 5));

        for (Rule r : new Rule[] {Rule.R4_4, Rule.R4_5}) {
            RuleResult result = RuleResult.of(r, () -> Conformance.verify(r, simulated));
            assertThat(result.outcome()).isEqualTo(RuleResult.Outcome.NOT_VERIFIED);
            assertThat(result.detail()).contains("SOCKET_HOOKS");
        }
    }
}
