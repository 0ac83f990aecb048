package io.nty.nswitch;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What one §2.4 probe of {@link NativeProbes} observed: for each property it checks, {@code ok}
 * or a space-free word naming what was seen instead (e.g. {@code rdi=0x7f…}).
 *
 * @param probe the probe's name, e.g. {@code entry}
 * @param findings property → {@code ok} or what was observed, in a fixed order
 */
public record NativeProbeReport(String probe, Map<String, String> findings) {

    /** The finding of a property that holds. */
    public static final String OK = "ok";

    /**
     * Checks the names and copies the findings, keeping their order.
     *
     * @throws IllegalArgumentException if a name or finding is empty or contains whitespace,
     *         which would break the one-line form
     */
    public NativeProbeReport {
        Objects.requireNonNull(probe, "probe");
        findings = Collections.unmodifiableMap(new LinkedHashMap<>(findings));
        requireWord(probe);
        findings.forEach((k, v) -> {
            requireWord(k);
            requireWord(v);
        });
    }

    /** {@return whether every property holds} */
    public boolean passed() {
        return findings.values().stream().allMatch(OK::equals);
    }

    /** {@return the one-line form, e.g. {@code native entry rdi=ok trampoline-align=ok func-align=ok}} */
    public String line() {
        return "native " + probe + " " + findings.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
    }

    private static void requireWord(String s) {
        if (s.isEmpty() || s.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("a probe name or finding must be one word: '" + s + "'");
        }
    }
}
