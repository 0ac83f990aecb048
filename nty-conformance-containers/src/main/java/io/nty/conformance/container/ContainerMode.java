package io.nty.conformance.container;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Whether the container tier runs, read from the system property {@value #PROPERTY} or, when
 * that is unset, the environment variable {@value #ENVIRONMENT_VARIABLE}.
 *
 * <ul>
 *   <li>{@link #OFF}: never runs; tests are skipped with a reason saying so.</li>
 *   <li>{@link #AUTO} (the default): runs when a Docker daemon answers, otherwise tests are skipped
 *       with a reason naming the missing daemon and how to start one.</li>
 *   <li>{@link #REQUIRED}: runs, and fails when no Docker daemon answers, saying how to get one.</li>
 * </ul>
 *
 * <p>Skips are JUnit assumptions, so they show up as skipped tests with the reason, never as
 * passes; the reason is also printed once per JVM on standard error, because build tools count
 * skipped tests on the console without saying why. Call {@link #assumeContainersUsable()} before
 * each container test ({@code @BeforeEach}): an assumption that fails in {@code @BeforeAll}
 * makes JUnit report the class as having run no tests at all.
 */
public enum ContainerMode {
    REQUIRED, AUTO, OFF;

    /** The system property that selects the mode. */
    public static final String PROPERTY = "nty.containers";

    /** How to get a daemon on a Debian-like machine with no registry; quoted in every refusal. */
    static final String HOW_TO_GET_DOCKER = "install and start Docker: apt-get install -y docker.io;"
            + " dockerd --bridge=none --iptables=false &"
            + " and export TESTCONTAINERS_RYUK_DISABLED=true TESTCONTAINERS_HOST_OVERRIDE=localhost";

    /** The environment variable read when the property is unset; {@code .ci/run} exports it. */
    public static final String ENVIRONMENT_VARIABLE = "NTY_CONTAINERS";

    /**
     * @return the mode named by {@value #PROPERTY}, else by {@value #ENVIRONMENT_VARIABLE};
     *         {@link #AUTO} when both are unset or blank
     * @throws IllegalArgumentException if the chosen setting names no mode, listing the valid ones
     */
    public static ContainerMode current() {
        return select(System.getProperty(PROPERTY), System.getenv(ENVIRONMENT_VARIABLE));
    }

    /** The property wins over the environment, so one run can override what CI exports. */
    static ContainerMode select(String property, String environment) {
        return parse(property != null && !property.isBlank() ? property : environment);
    }

    /**
     * @param value a mode name in any case, or null/blank for the default
     * @return the mode it names
     * @throws IllegalArgumentException if it names none, listing the valid values
     */
    public static ContainerMode parse(String value) {
        if (value == null || value.isBlank()) {
            return AUTO;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("-D" + PROPERTY + "=" + value
                    + " is not a container mode; use required, auto or off", e);
        }
    }

    /**
     * Gates a container test: returns normally when it should run, aborts it (skipped, with the
     * reason) when it should not, fails it when Docker is required and missing. Asks Testcontainers
     * whether a daemon answers, except in {@link #OFF} mode.
     */
    public void assumeContainersUsable() {
        assumeContainersUsable(DockerDaemon::available, ContainerMode::announceOnce);
    }

    /** {@link #assumeContainersUsable()} with the Docker probe and the announcer supplied, for tests. */
    void assumeContainersUsable(BooleanSupplier dockerAvailable, Consumer<String> announce) {
        Decision decision = decide(dockerAvailable);
        switch (decision.outcome()) {
            case RUN -> { }
            case SKIP -> {
                announce.accept(decision.reason());
                Assumptions.abort(decision.reason());
            }
            case FAIL -> Assertions.fail(decision.reason());
        }
    }

    private static final Set<String> ANNOUNCED = ConcurrentHashMap.newKeySet();

    private static void announceOnce(String reason) {
        if (ANNOUNCED.add(reason)) {
            System.err.println("[nty-conformance] " + reason);
        }
    }

    /**
     * What to do with the container tier, and the reason a person reads when it does not run.
     *
     * @param outcome run it, skip it (report its rules as not verified) or fail
     * @param reason  one line naming the mode and, when it does not run, why and how to fix that
     */
    public record Decision(Outcome outcome, String reason) { }

    /** The three things a caller can do with the tier. */
    public enum Outcome { RUN, SKIP, FAIL }

    /**
     * The decision without JUnit, for runners that report rather than assert (the runnable jar):
     * probes Docker unless the mode is {@link #OFF}.
     *
     * @return whether to run the tier, and why not
     */
    public Decision decide() {
        return decide(DockerDaemon::available);
    }

    Decision decide(BooleanSupplier dockerAvailable) {
        if (this == OFF) {
            return new Decision(Outcome.SKIP, "container tier off (" + origin()
                    + "); set it to auto or required to execute the tier");
        }
        if (dockerAvailable.getAsBoolean()) {
            return new Decision(Outcome.RUN, "a Docker daemon answers");
        }
        if (this == AUTO) {
            return new Decision(Outcome.SKIP, "container tier skipped (" + origin()
                    + "): no Docker daemon reachable. To run it, " + HOW_TO_GET_DOCKER);
        }
        return new Decision(Outcome.FAIL, "container tier required (" + origin()
                + ") but no Docker daemon is reachable. " + HOW_TO_GET_DOCKER
                + "; or set the mode to auto to skip the tier when Docker is missing");
    }

    /** Names the mode and where it can be set, for a person reading a skip or failure. */
    private String origin() {
        return "mode " + name().toLowerCase(Locale.ROOT) + ", from -D" + PROPERTY + " or "
                + ENVIRONMENT_VARIABLE;
    }

}
