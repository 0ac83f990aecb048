package io.nty.conformance.container;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The shared libraries a set of ELF files loads from outside a given directory, as {@code ldd}
 * reports them: the paths a {@code FROM scratch} image must hold, at the same absolute paths, for
 * those files to run.
 *
 * <p>Libraries inside the excluded directory (the JRE's own {@code libjli.so} and friends) and the
 * kernel's {@code linux-vdso.so.1}, which has no file, are left out. The paths are reported as
 * {@code ldd} prints them (for example {@code /lib/x86_64-linux-gnu/libc.so.6}), not resolved
 * through symlinks: that is the path the dynamic linker looks for. A library {@code ldd} cannot
 * find is an error unless the excluded directory holds a file of that name: the JRE's
 * {@code libjava.so} needs {@code libjvm.so}, which the launcher has already loaded from the JRE by
 * the time {@code libjava.so} is opened, so {@code ldd}'s "not found" for it is harmless.
 */
final class SharedLibraries {

    /** {@code libc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x...)}. */
    private static final Pattern ARROW = Pattern.compile("^\\s*\\S+\\s+=>\\s+(/\\S+)\\s+\\(0x[0-9a-f]+\\)\\s*$");
    /** {@code /lib64/ld-linux-x86-64.so.2 (0x...)}: the interpreter, printed without an arrow. */
    private static final Pattern BARE = Pattern.compile("^\\s*(/\\S+)\\s+\\(0x[0-9a-f]+\\)\\s*$");
    /** {@code libfoo.so => not found}: the host itself cannot run the file. */
    private static final Pattern MISSING = Pattern.compile("^\\s*(\\S+)\\s+=>\\s+not found\\s*$");

    private SharedLibraries() {
    }

    /**
     * Runs {@code ldd} on each file.
     *
     * @param elfFiles executables and shared objects to inspect
     * @param excluded a directory whose libraries are already provided (may be null)
     * @return the absolute library paths, sorted, without duplicates
     * @throws IllegalStateException if {@code ldd} is missing, fails, or reports a library not found
     */
    static Set<Path> neededBy(Collection<Path> elfFiles, Path excluded) {
        List<String> command = new ArrayList<>();
        command.add("ldd");
        elfFiles.forEach(f -> command.add(f.toAbsolutePath().toString()));
        // ldd prints absolute paths; a relative directory would exclude nothing
        Path absoluteExcluded = excluded == null ? null : excluded.toAbsolutePath().normalize();
        return parse(runLdd(command), absoluteExcluded, fileNamesUnder(absoluteExcluded));
    }

    private static Set<String> fileNamesUnder(Path dir) {
        if (dir == null) {
            return Set.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    /**
     * Parses {@code ldd} output (one or more files' sections).
     *
     * @param provided file names the excluded directory holds, which may be reported not found
     * @throws IllegalStateException if any other library is reported {@code not found}
     */
    static Set<Path> parse(String lddOutput, Path excluded, Set<String> provided) {
        Set<Path> libraries = new TreeSet<>();
        for (String line : lddOutput.split("\n")) {
            Matcher missing = MISSING.matcher(line);
            if (missing.matches() && !provided.contains(missing.group(1))) {
                throw new IllegalStateException("ldd reports " + missing.group(1)
                        + " not found; the host cannot run the JRE it would copy:\n" + lddOutput);
            }
            Matcher m = ARROW.matcher(line);
            if (!m.matches()) {
                m = BARE.matcher(line);
            }
            if (m.matches()) {
                Path library = Path.of(m.group(1)).normalize();
                if (excluded == null || !library.startsWith(excluded)) {
                    libraries.add(library);
                }
            }
        }
        return libraries;
    }

    private static String runLdd(List<String> command) {
        try {
            Process ldd = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(ldd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!ldd.waitFor(30, TimeUnit.SECONDS)) {
                ldd.destroyForcibly();
                throw new IllegalStateException("ldd did not finish in 30 s: " + command);
            }
            if (ldd.exitValue() != 0) {
                throw new IllegalStateException("ldd exited " + ldd.exitValue() + " for " + command
                        + ":\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run ldd (install libc-bin): " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running ldd", e);
        }
    }
}
