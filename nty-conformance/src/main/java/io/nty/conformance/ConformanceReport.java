package io.nty.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-rule results of the implementations verified in one run, as Markdown (by default
 * {@code target/nty-conformance-report.md}) and as a console summary.
 *
 * <p>One object per run, no global state: the command line makes one per invocation; under JUnit,
 * {@link ConformanceExtension} keeps one per test run in JUnit's root store, so every
 * verification class of a build adds its section (one per implementation) to the same report.
 * Thread-safe.
 */
public final class ConformanceReport {

    /** Configuration parameter (or system property) naming where the JUnit run writes the report. */
    public static final String PATH_PROPERTY = "nty.conformance.report";
    /** The default report path, relative to the working directory (the module's base directory under Maven). */
    public static final String DEFAULT_PATH = "target/nty-conformance-report.md";

    private final Map<String, Map<Rule, RuleResult>> results = new LinkedHashMap<>();
    private final Map<String, Long> seeds = new LinkedHashMap<>();
    private final Map<String, Settings.Replay> replays = new LinkedHashMap<>();
    private final Path path;

    /**
     * Creates an empty report; nothing is written until {@link #write()}.
     *
     * @param path where {@link #write()} writes the report
     */
    public ConformanceReport(Path path) {
        this.path = path;
    }

    /** {@return a report written to {@value #DEFAULT_PATH}} */
    public static ConformanceReport atDefaultPath() {
        return new ConformanceReport(Path.of(DEFAULT_PATH));
    }

    /** {@return where {@link #write()} writes} */
    public Path path() {
        return path;
    }

    /**
     * Starts (or restarts) an implementation's section.
     *
     * @param implementation the implementation's name
     * @param seed the seed its properties use, printed so a failure can be replayed
     */
    public synchronized void begin(String implementation, long seed) {
        begin(implementation, new Settings(seed, 1));
    }

    /**
     * Starts (or restarts) an implementation's section.
     *
     * @param implementation the implementation's name
     * @param settings the run's settings: the seed, printed so a failure can be replayed, and how
     */
    public synchronized void begin(String implementation, Settings settings) {
        seeds.put(implementation, settings.seed());
        replays.put(implementation, settings.replay());
        results.computeIfAbsent(implementation, k -> new EnumMap<>(Rule.class));
    }

    /**
     * Records one rule's result for {@code implementation}, which need not have been
     * {@linkplain #begin begun}. Thread-safe.
     *
     * @param implementation the implementation's name
     * @param result one rule's result; a later result for the same rule replaces the earlier one
     */
    public synchronized void record(String implementation, RuleResult result) {
        results.computeIfAbsent(implementation, k -> new EnumMap<>(Rule.class)).put(result.rule(), result);
    }

    /**
     * Records each of {@code results} as {@link #record} does, in order, so a later result for a
     * rule replaces an earlier one.
     *
     * @param implementation the implementation's name
     * @param results its results
     */
    public synchronized void recordAll(String implementation, List<RuleResult> results) {
        results.forEach(r -> record(implementation, r));
    }

    /** {@return the whole report as Markdown} */
    public synchronized String markdown() {
        StringBuilder sb = new StringBuilder("# nty conformance report\n\n");
        sb.append("Rules: docs/spec.md and the `io.nty.api` Javadoc. *Not verified* never counts as passed.\n");
        for (Map.Entry<String, Map<Rule, RuleResult>> e : results.entrySet()) {
            sb.append("\n## ").append(e.getKey()).append("\n\n").append(counts(e.getValue())).append("\n\n");
            Long seed = seeds.get(e.getKey());
            if (seed != null) {
                sb.append("Seed ").append(seed).append(" (replay with `")
                        .append(replays.getOrDefault(e.getKey(), Settings.Replay.SYSTEM_PROPERTY).hint(seed))
                        .append("`).\n\n");
            }
            sb.append("| rule | statement | result | ms | detail |\n| --- | --- | --- | ---: | --- |\n");
            for (RuleResult r : e.getValue().values()) {
                sb.append("| ").append(r.rule().cite()).append(" | ").append(r.rule().statement()).append(" | ")
                        .append(r.outcome()).append(" | ").append(r.millis()).append(" | ")
                        .append(firstLine(r.detail()).replace("|", "\\|")).append(" |\n");
            }
            for (RuleResult r : e.getValue().values()) {
                if (r.outcome() == RuleResult.Outcome.FAILED) {
                    sb.append("\n### ").append(r.rule().cite()).append(" failed\n\n```\n")
                            .append(r.detail().stripTrailing()).append("\n```\n");
                }
            }
        }
        return sb.toString();
    }

    /**
     * {@return a few console lines: counts, then one line per rule that did not pass}
     *
     * @param implementation the implementation's name
     */
    public synchronized String summary(String implementation) {
        Map<Rule, RuleResult> rs = results.getOrDefault(implementation, Map.of());
        StringBuilder sb = new StringBuilder("nty conformance: ").append(implementation).append(": ")
                .append(counts(rs)).append('\n');
        for (RuleResult r : rs.values()) {
            sb.append(String.format("  %-6s %-13s %s%n", r.rule().cite(), r.outcome(), firstLine(r.detail())));
        }
        return sb.toString();
    }

    /**
     * Writes {@link #markdown()} to {@link #path()}, replacing what an earlier write of this run left.
     *
     * @return the path written
     */
    public synchronized Path write() {
        try {
            if (path.getParent() != null) {
                Files.createDirectories(path.getParent());
            }
            Files.writeString(path, markdown());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the conformance report to " + path, e);
        }
        return path;
    }

    private static String counts(Map<Rule, RuleResult> rs) {
        long ok = rs.values().stream().filter(r -> r.outcome() == RuleResult.Outcome.VERIFIED).count();
        long failed = rs.values().stream().filter(r -> r.outcome() == RuleResult.Outcome.FAILED).count();
        long nv = rs.values().stream().filter(r -> r.outcome() == RuleResult.Outcome.NOT_VERIFIED).count();
        return ok + " verified, " + failed + " failed, " + nv + " not verified (of " + rs.size() + " rules run)";
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
