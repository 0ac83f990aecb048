package io.nty.nswitch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * §2.4: a stack overflow hits the guard page. Run in a separate native program, because the
 * fault kills the process: inside the test JVM it would take the test runner down.
 */
class StackOverflowGuardTest {

    private static final int KILLED_BY_SIGSEGV = 128 + 11;

    @BeforeEach
    void nativeSwitch() {
        TestNatives.assumeAvailable();
    }

    @Test
    void rule2_4_stackOverflowDiesBySigsegvOnTheGuardPage() throws IOException, InterruptedException {
        Path program = TestNatives.nativeDir().resolve("nty_stack_overflow_test");
        assumeTrue(Files.isExecutable(program), () -> program + " was not built");

        Process p = new ProcessBuilder(program.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("finished").isTrue();

        assertThat(p.exitValue()).as("exit status; output:%n%s", output).isEqualTo(KILLED_BY_SIGSEGV);
        assertThat(output).contains("guard_page=[").contains("in_guard_page=1")
                .doesNotContain("overflow returned");
    }
}
