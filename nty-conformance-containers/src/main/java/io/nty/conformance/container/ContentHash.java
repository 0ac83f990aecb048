package io.nty.conformance.container;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A SHA-256 over labelled strings, files and directory trees, used to name cached images and JRE
 * builds: equal inputs give an equal {@link #hex(int)}, any change to a byte, a file name or the
 * order of additions gives another.
 *
 * <p>A {@code .jar} counts by its entries (name, CRC-32, size, from the zip directory), not its
 * bytes: Maven rewrites a module's jar with fresh timestamps on every build, and an image must not
 * be rebuilt for that.
 *
 * <p>Every addition is framed (kind, length, content) so that two different sequences of
 * additions cannot produce the same byte stream. Directories are walked in sorted order of their
 * relative paths so the hash does not depend on the file system's listing order.
 */
final class ContentHash {

    private final MessageDigest digest;

    ContentHash() {
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK must provide SHA-256", e);
        }
    }

    /** Adds a string (a version, a path, a module list). */
    ContentHash add(String value) {
        frame('s', value.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /**
     * Adds a regular file's contents, or a directory's relative file names and contents.
     *
     * @throws UncheckedIOException if the path cannot be read
     */
    ContentHash addPath(Path path) {
        try {
            if (Files.isDirectory(path)) {
                addDirectory(path);
            } else if (path.getFileName().toString().endsWith(".jar")) {
                addJar(path);
            } else {
                addFile(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot hash " + path, e);
        }
        return this;
    }

    /** @return the first {@code chars} lowercase hex digits of the digest (at most 64) */
    String hex(int chars) {
        String full = HexFormat.of().formatHex(digest.digest());
        return full.substring(0, Math.min(chars, full.length()));
    }

    private void addDirectory(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        frame('d', new byte[0]);
        for (Path file : files) {
            add(dir.relativize(file).toString());
            addFile(file);
        }
    }

    private void addJar(Path jar) throws IOException {
        List<ZipEntry> entries;
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            entries = zip.stream().map(ZipEntry.class::cast)
                    .sorted(Comparator.comparing(ZipEntry::getName)).toList();
        }
        frame('j', longBytes(entries.size()));
        for (ZipEntry entry : entries) {
            add(entry.getName());
            digest.update(longBytes(entry.getCrc()));
            digest.update(longBytes(entry.getSize()));
        }
    }

    private void addFile(Path file) throws IOException {
        frame('f', longBytes(Files.size(file)));
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
    }

    private void frame(char kind, byte[] content) {
        digest.update((byte) kind);
        digest.update(longBytes(content.length));
        digest.update(content);
    }

    private static byte[] longBytes(long value) {
        byte[] bytes = new byte[Long.BYTES];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (value >>> (8 * (Long.BYTES - 1 - i)));
        }
        return bytes;
    }
}
