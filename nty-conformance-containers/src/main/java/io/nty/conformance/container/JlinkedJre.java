package io.nty.conformance.container;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A minimal JRE made by {@code jlink} from the running JDK, cached on disk.
 *
 * <p>The cache directory holds one {@code jre-<hash>} per distinct (JDK, version, module list);
 * the hash covers the JDK's real path and full runtime version, so a JDK upgrade gets a fresh
 * JRE. jlink takes several seconds, which is why the result is kept under {@code target/} across
 * test runs. A build goes to a temporary sibling first and is renamed into place, so an
 * interrupted build never leaves a half-made JRE that later runs would trust.
 */
final class JlinkedJre {

    /**
     * What nty needs: {@code java.base}; {@code jdk.unsupported} for {@code sun.misc.Unsafe}
     * (jnr-ffi, jffi); {@code java.logging} for jnr-ffi's logger (found with {@code jdeps}); and
     * {@code java.management} for the JVM's own MXBeans.
     */
    static final List<String> DEFAULT_MODULES =
            List.of("java.base", "java.logging", "java.management", "jdk.unsupported");

    private JlinkedJre() {
    }

    /**
     * @param cacheDir where JREs are kept (created if missing)
     * @param modules  the root modules to link
     * @return the JRE's home directory, built now or found in the cache
     * @throws IllegalStateException if the running Java has no jlink or jlink fails
     */
    static Path obtain(Path cacheDir, List<String> modules) {
        Path jre = cacheDir.resolve("jre-" + key(modules));
        if (Files.isRegularFile(jre.resolve("bin/java"))) {
            return jre;
        }
        try {
            deleteTree(jre); // a directory without bin/java is an interrupted copy, never trusted
            Files.createDirectories(cacheDir);
            Path staging = Files.createTempDirectory(cacheDir, "jre-building-");
            Path output = staging.resolve("jre");
            jlink(modules, output);
            publish(output, jre);
            deleteTree(staging);
            return jre;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build a JRE under " + cacheDir, e);
        }
    }

    /** @return the ELF files of a JRE whose shared-library needs the image must satisfy */
    static List<Path> elfFiles(Path jre) {
        List<Path> files = new ArrayList<>();
        files.add(jre.resolve("bin/java"));
        files.add(jre.resolve("lib/server/libjvm.so"));
        try (Stream<Path> libs = Files.list(jre.resolve("lib"))) {
            libs.filter(p -> p.getFileName().toString().endsWith(".so")).sorted().forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + jre.resolve("lib"), e);
        }
        return files;
    }

    /** The cache key: which JDK, which exact version, which modules. */
    static String key(List<String> modules) {
        ContentHash hash = new ContentHash()
                .add(javaHome().toString())
                .add(System.getProperty("java.runtime.version", "?"));
        modules.forEach(hash::add);
        return hash.hex(16);
    }

    private static void jlink(List<String> modules, Path output) throws IOException {
        Path jlink = javaHome().resolve("bin/jlink");
        if (!Files.isExecutable(jlink)) {
            throw new IllegalStateException("the running Java at " + javaHome()
                    + " has no bin/jlink (it is a JRE, not a JDK); run the container tier on a JDK");
        }
        List<String> command = List.of(jlink.toString(),
                "--add-modules", String.join(",", modules),
                "--strip-debug", "--no-man-pages", "--no-header-files",
                "--output", output.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("jlink failed: " + String.join(" ", command) + "\n" + log);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running jlink", e);
        }
    }

    /** Renames the finished JRE into place; another JVM that won the race is as good. */
    private static void publish(Path built, Path target) throws IOException {
        try {
            Files.move(built, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            // another build finished first; its result is identical
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot rename " + built + " to " + target + " atomically", e);
        }
    }

    static Path javaHome() {
        return Path.of(System.getProperty("java.home")).toAbsolutePath().normalize();
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
