package io.nty.conformance.container;

import java.time.Duration;
import java.util.List;

/**
 * How one {@link ContainerJavaRun} ended: the JVM's exit code and everything it wrote.
 *
 * @param exitCode the container's exit code (the java process is PID 1, so this is its status)
 * @param stdout   all standard output, UTF-8
 * @param stderr   all standard error, UTF-8
 * @param elapsed  wall time from container start to exit
 */
public record ContainerJavaResult(int exitCode, String stdout, String stderr, Duration elapsed) {

    /** @return standard output split into lines, without line terminators; no trailing empty line */
    public List<String> stdoutLines() {
        return stdout.isEmpty() ? List.of() : stdout.lines().toList();
    }

    /** @return a multi-line account for assertion messages: exit code, time, both streams */
    public String describe() {
        return "exit " + exitCode + " after " + elapsed.toMillis() + " ms\n--- stdout ---\n" + stdout
                + "\n--- stderr ---\n" + stderr;
    }
}
