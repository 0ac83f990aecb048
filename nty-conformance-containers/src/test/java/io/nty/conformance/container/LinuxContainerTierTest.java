package io.nty.conformance.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The container tier's guarantees, shown by running {@link ContainerProbe} inside a real
 * {@code FROM scratch} Linux container: the isolation the conformance tier relies on (the
 * configured {@code nofile} limit binds, only loopback exists), nty's scheduler and jnr-ffi work
 * in the image, and runs end with their exit code, or a timeout, as documented.
 *
 * <p>Gated by {@link ContainerMode} before each test: skipped with a reason in {@code auto} mode
 * without Docker, failed in {@code required} mode. The image is built by the first test that runs
 * and reused by the rest, and by later runs while its inputs are unchanged.
 */
class LinuxContainerTierTest {

    private static final String PROBE = ContainerProbe.class.getName();

    /**
     * Jars only the test JVM uses (Docker client, test frameworks): left out of the image so it
     * stays small and quick to rebuild; the probe needs nty, jnr-ffi and their dependencies.
     */
    private static final List<String> HOST_ONLY_JARS = List.of("testcontainers-", "docker-java-",
            "jna-", "commons-", "jackson-", "duct-tape-", "annotations-", "slf4j-", "junit-",
            "opentest4j-", "apiguardian-", "assertj-", "byte-buddy-", "quicktheories-");

    private static LinuxJreImage image;

    @BeforeEach
    void containersUsableAndImageBuilt() {
        ContainerMode.current().assumeContainersUsable();
        if (image == null) {
            image = LinuxJreImage.builder().classPath(probeClassPath()).build();
        }
    }

    private static List<Path> probeClassPath() {
        return LinuxJreImage.runningClassPath().stream()
                .filter(p -> HOST_ONLY_JARS.stream().noneMatch(p.getFileName().toString()::startsWith))
                .toList();
    }

    private static ContainerJavaResult probe(ContainerJavaRun run) {
        ContainerJavaResult result = run.run();
        assertThat(result.exitCode()).as(result.describe()).isZero();
        return result;
    }

    @Test
    void theConfiguredNofileUlimitIsTheProcessLimitInside() {
        ContainerJavaResult result = probe(ContainerJavaRun.of(image, PROBE).args("nofile").nofile(200));

        assertThat(result.stdoutLines()).as(result.describe()).containsExactly("nofile 200 200");
    }

    @Test
    void networkModeNoneLeavesOnlyLoopback() {
        ContainerJavaResult result = probe(ContainerJavaRun.of(image, PROBE).args("interfaces"));

        assertThat(result.stdoutLines()).as(result.describe()).containsExactly("interface lo");
    }

    @Test
    void ntySchedulerRunsCoroutinesInsideWithTheTraceTheRulesDetermine(@TempDir Path dir) throws IOException {
        Path scenario = Files.write(dir.resolve("scenario.txt"), List.of("a 3", "b 2", "c 1"));
        List<String> expected = List.of( // FIFO creation (1.1), round-robin yields (3.1)
                "a step 0", "b step 0", "c step 0",
                "a step 1", "b step 1", "c exit",
                "a step 2", "b exit",
                "a exit");

        ContainerJavaResult result = probe(ContainerJavaRun.of(image, PROBE)
                .input(scenario).args("trace", ContainerJavaRun.inputPath(scenario)));

        assertThat(result.stdoutLines()).as(result.describe()).isEqualTo(expected);
        assertThat(ContainerProbe.trace(Files.readAllLines(scenario)))
                .as("the same scenario in this JVM").isEqualTo(expected);
    }

    @Test
    void anInputGivenAsTextIsAFileAtItsInputPath() {
        ContainerJavaResult result = probe(ContainerJavaRun.of(image, PROBE)
                .input("batch.txt", "first\nsecond\n")
                .args("lines", ContainerJavaRun.inputPath("batch.txt")));

        assertThat(result.stdoutLines()).as(result.describe()).containsExactly("line first", "line second");
    }

    @Test
    void openingMoreFilesThanTheUlimitFailsWithEmfile() {
        ContainerJavaResult result = probe(ContainerJavaRun.of(image, PROBE)
                .args("exhaust-fds", "256").nofile(128));

        assertThat(result.stdoutLines()).as(result.describe()).singleElement()
                .asString().startsWith("failed-after ").contains("Too many open files");
        int opened = Integer.parseInt(result.stdoutLines().get(0).split(" ")[1]);
        assertThat(opened).as("files opened before EMFILE").isPositive().isLessThan(128);
    }

    @Test
    void jnrFfiLoadsLibcInTheScratchImage() {
        ContainerJavaResult result = probe(ContainerJavaRun.of(image, PROBE).args("getpid"));

        // java is the container's init process: no shell in between
        assertThat(result.stdoutLines()).as(result.describe()).containsExactly("pid 1");
    }

    @Test
    void aNonZeroExitIsReturnedWithBothStreams() {
        ContainerJavaResult result = ContainerJavaRun.of(image, PROBE).args("exit", "3").run();

        assertThat(result.exitCode()).as(result.describe()).isEqualTo(3);
        assertThat(result.stderr()).contains("exiting with 3");
        assertThat(result.stdout()).isEmpty();
    }

    @Test
    void aRunPastItsTimeoutIsKilledAndReportedWithItsCommand() {
        ContainerJavaRun run = ContainerJavaRun.of(image, PROBE).args("sleep", "60000")
                .timeout(Duration.ofSeconds(2));

        assertThatThrownBy(run::run)
                .isInstanceOf(ContainerRunTimeoutException.class)
                .hasMessageContaining("did not finish within 2000 ms")
                .hasMessageContaining(PROBE + " sleep 60000")
                .satisfies(e -> assertThat(((ContainerRunTimeoutException) e).partialResult().stdout())
                        .doesNotContain("woke"));
    }

    @Test
    void theSameInputsReuseTheSameImage() {
        LinuxJreImage again = LinuxJreImage.builder().classPath(probeClassPath()).build();

        assertThat(again.imageName()).isEqualTo(image.imageName()).startsWith(LinuxJreImage.REPOSITORY + ":");
        assertThat(again.containerClassPath()).isEqualTo(image.containerClassPath());
    }
}
