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
 * Per-rule results of every implementation verified in this JVM, as Markdown for
 * {@code target/nty-conformance-report.md} and as a console summary.
 *
 * <p>Thread-safe. Results accumulate across verification classes (one section per
 * implementation) so that a build verifying several implementations writes one report.
 */
public final class ConformanceReport {

    /** System property: where to write the report. */
    public static final String PATH_PROPERTY = "nty.conformance.report";
    /** The default report path, relative to the working directory (the module's base directory under Maven). */
    public static final String DEFAULT_PATH = "target/nty-conformance-report.md";

    private static final Map<String, Map<Rule, RuleResult>> RESULTS = new LinkedHashMap<>();
    private static final Map<String, Long> SEEDS = new LinkedHashMap<>();

    private ConformanceReport() {
    }

    /**
     * Starts (or restarts) an implementation's section.
     *
     * @param implementation the implementation's name
     * @param seed the seed its properties use, printed so a failure can be replayed
     */
    public static synchronized void begin(String implementation, long seed) {
        SEEDS.put(implementation, seed);
        RESULTS.computeIfAbsent(implementation, k -> new EnumMap<>(Rule.class));
    }

    /**
     * @param implementation the implementation's name
     * @param result one rule's result; a later result for the same rule replaces the earlier one
     */
    public static synchronized void record(String implementation, RuleResult result) {
        RESULTS.computeIfAbsent(implementation, k -> new EnumMap<>(Rule.class)).put(result.rule(), result);
    }

    /**
     * @param implementation the implementation's name
     * @param results its results
     */
    public static synchronized void recordAll(String implementation, List<RuleResult> results) {
        results.forEach(r -> record(implementation, r));
    }

    /** {@return the whole report as Markdown} */
    public static synchronized String markdown() {
        StringBuilder sb = new StringBuilder("# nty conformance report\n\n");
        sb.append("Rules: docs/spec.md and the `io.nty.api` Javadoc. *Not verified* never counts as passed.\n");
        for (Map.Entry<String, Map<Rule, RuleResult>> e : RESULTS.entrySet()) {
            sb.append("\n## ").append(e.getKey()).append("\n\n").append(counts(e.getValue())).append("\n\n");
            Long seed = SEEDS.get(e.getKey());
            if (seed != null) {
                sb.append("Seed ").append(seed).append(" (replay with `-D").append(Settings.SEED).append('=')
                        .append(seed).append("`).\n\n");
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
     * @param implementation the implementation's name
     * @return a few console lines: counts, then one line per rule that did not pass
     */
    public static synchronized String summary(String implementation) {
        Map<Rule, RuleResult> rs = RESULTS.getOrDefault(implementation, Map.of());
        StringBuilder sb = new StringBuilder("nty conformance: ").append(implementation).append(": ")
                .append(counts(rs)).append('\n');
        for (RuleResult r : rs.values()) {
            sb.append(String.format("  %-6s %-13s %s%n", r.rule().cite(), r.outcome(), firstLine(r.detail())));
        }
        return sb.toString();
    }

    /**
     * Writes {@link #markdown()} to the path named by {@value #PATH_PROPERTY}, or {@value #DEFAULT_PATH}.
     *
     * @return the path written
     */
    public static synchronized Path write() {
        Path path = Path.of(System.getProperty(PATH_PROPERTY, DEFAULT_PATH));
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
