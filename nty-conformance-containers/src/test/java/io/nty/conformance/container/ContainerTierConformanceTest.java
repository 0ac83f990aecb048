package io.nty.conformance.container;

import static org.assertj.core.api.Assertions.assertThat;

import io.nty.conformance.Conformance;
import io.nty.conformance.ConformanceReport;
import io.nty.conformance.Rule;
import io.nty.conformance.RuleResult;
import io.nty.conformance.Target;
import io.nty.conformance.TestSeeds;
import io.nty.conformance.cli.ConformanceMain;
import io.nty.conformance.driver.DriverScenarioRunner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The conformance suite's container tier: the whole property suite, driven through the text
 * driver protocol, against nty's reference driver running inside a real {@code FROM scratch}
 * Linux container — a jlink'd JRE and the libraries it needs, network mode {@code none}, a low
 * {@code nofile} limit, fd steps on real {@code AF_UNIX} socket pairs and nty's epoll poller.
 *
 * <p>The driver is one long-lived {@code docker run -i} process for the whole run: every scenario
 * of every property goes in on its stdin and its trace comes back on stdout, where the suite
 * compares it with the model, exactly as for any external driver. The results land in
 * {@code target/nty-conformance-report.md} under their own heading, so the report says the
 * container tier ran. Gated by {@link ContainerMode}: required in CI, skipped with a reason in
 * {@code auto} mode without Docker.
 */
class ContainerTierConformanceTest {

    /** The file limit inside the container: low, so fd leaks or exhaustion would show. */
    static final int NOFILE = 256;

    /** Jars the driver does not need inside the container: the Docker client and test tooling. */
    private static final List<String> HOST_ONLY_JARS = List.of("testcontainers-", "docker-java-",
            "jna-", "commons-", "jackson-", "duct-tape-", "annotations-", "slf4j-", "assertj-", "byte-buddy-");

    /** Labels this run's containers, so any left behind by a killed client can be removed. */
    private static final String RUN_LABEL = "io.nty.conformance.run=" + UUID.randomUUID();

    private static LinuxJreImage image;

    @BeforeEach
    void containersUsableAndImageBuilt() {
        ContainerMode.current().assumeContainersUsable();
        if (image == null) {
            image = LinuxJreImage.builder().classPath(driverClassPath()).build();
        }
    }

    @AfterAll
    static void removeLeftoverContainers() throws IOException, InterruptedException {
        if (image == null) {
            return;
        }
        Process ps = new ProcessBuilder("docker", "ps", "-aq", "--filter", "label=" + RUN_LABEL).start();
        List<String> ids = new String(ps.getInputStream().readAllBytes()).lines().filter(s -> !s.isBlank()).toList();
        ps.waitFor(30, TimeUnit.SECONDS);
        if (!ids.isEmpty()) {
            List<String> rm = new ArrayList<>(List.of("docker", "rm", "-f"));
            rm.addAll(ids);
            new ProcessBuilder(rm).inheritIO().start().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void theReferenceDriverInARealLinuxContainerPassesEveryRule() {
        String name = "nty reference driver in a FROM scratch Linux container (container tier: network none, nofile "
                + NOFILE + ", real AF_UNIX socket pairs, epoll)";
        List<RuleResult> results;
        ConformanceReport report = ConformanceReport.atDefaultPath();
        try (DriverScenarioRunner runner = new DriverScenarioRunner(driverCommand())) {
            Target target = new Target(runner, Optional.empty(), TestSeeds.settings());
            report.begin(name, target.settings());
            results = Conformance.verifyAll(target);
            report.recordAll(name, results);
        }
        System.out.print(report.summary(name));
        report.write();

        assertThat(results).as("no rule may fail inside the container")
                .noneMatch(r -> r.outcome() == RuleResult.Outcome.FAILED);
        assertThat(results).as("every rule is verified inside the container, none skipped")
                .allMatch(r -> r.outcome() == RuleResult.Outcome.VERIFIED)
                .extracting(RuleResult::rule)
                .containsExactlyInAnyOrder(Rule.values());
    }

    /** {@code docker run -i} the reference driver; the runner starts it with {@code sh -c}. */
    private static String driverCommand() {
        List<String> command = new ArrayList<>(List.of("docker", "run", "-i", "--rm", "--network", "none",
                "--ulimit", "nofile=" + NOFILE + ":" + NOFILE, "--label", RUN_LABEL, image.imageName(),
                LinuxJreImage.JAVA));
        command.addAll(ContainerJavaRun.NTY_JVM_FLAGS);
        // The reference driver reads the fd numbers of its AF_UNIX socket pairs through sun.nio.ch.
        command.addAll(List.of("--add-exports", "java.base/sun.nio.ch=ALL-UNNAMED",
                "-cp", image.containerClassPath(), ConformanceMain.class.getName(), "--serve", "nty", "--real-fds"));
        return String.join(" ", command);
    }

    private static List<Path> driverClassPath() {
        return LinuxJreImage.runningClassPath().stream()
                .filter(p -> !p.endsWith("test-classes"))
                .filter(p -> HOST_ONLY_JARS.stream().noneMatch(p.getFileName().toString()::startsWith))
                .toList();
    }
}
