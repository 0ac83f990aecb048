package io.nty.nswitch;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Copies the packaged library out of the class path into a private temporary file.
 *
 * <p>{@code dlopen} needs a file, and a resource inside a jar is not one; copying even when
 * the resource is a plain file keeps one code path, so the tests exercise what users get.
 * The file is deleted when the JVM exits (the mapping stays valid after unlink on Linux).
 */
final class LibraryExtractor {

    private LibraryExtractor() {
    }

    /**
     * {@return the absolute path of the copy, readable and executable by the owner only}
     *
     * @param source the resource to copy
     * @throws IOException if the copy fails
     */
    static Path extract(URL source) throws IOException {
        Path dir = Files.createTempDirectory("nty-switch-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path target = dir.resolve("libntyswitch.so");
        try (InputStream in = source.openStream()) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        target.toFile().deleteOnExit();
        dir.toFile().deleteOnExit();
        return target.toAbsolutePath();
    }
}
