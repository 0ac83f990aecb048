package io.nty.conformance.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hash that names cached images changes exactly when their inputs do. */
class ContentHashTest {

    @Test
    void equalInputsGiveEqualHashes() {
        assertThat(new ContentHash().add("a").add("b").hex(16))
                .isEqualTo(new ContentHash().add("a").add("b").hex(16))
                .hasSize(16);
    }

    @Test
    void framingKeepsDifferentSplitsApart() {
        assertThat(new ContentHash().add("ab").add("c").hex(64))
                .isNotEqualTo(new ContentHash().add("a").add("bc").hex(64));
    }

    @Test
    void aChangedByteOrFileNameInADirectoryChangesTheHash(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("x.class"), "one");
        String before = new ContentHash().addPath(dir).hex(64);

        Files.writeString(dir.resolve("x.class"), "two");
        String changedByte = new ContentHash().addPath(dir).hex(64);

        Files.move(dir.resolve("x.class"), dir.resolve("y.class"));
        Files.writeString(dir.resolve("y.class"), "one");
        String renamed = new ContentHash().addPath(dir).hex(64);

        assertThat(changedByte).isNotEqualTo(before);
        assertThat(renamed).isNotEqualTo(before).isNotEqualTo(changedByte);
    }

    @Test
    void aJarCountsByItsEntriesNotItsTimestamps(@TempDir Path dir) throws IOException {
        Path first = jar(dir.resolve("a.jar"), 1_000_000_000_000L, "x");
        Path rebuilt = jar(dir.resolve("b/a.jar"), 1_700_000_000_000L, "x");
        Path changed = jar(dir.resolve("c/a.jar"), 1_000_000_000_000L, "y");

        assertThat(new ContentHash().addPath(rebuilt).hex(64)).isEqualTo(new ContentHash().addPath(first).hex(64));
        assertThat(new ContentHash().addPath(changed).hex(64)).isNotEqualTo(new ContentHash().addPath(first).hex(64));
    }

    private static Path jar(Path path, long entryTime, String content) throws IOException {
        Files.createDirectories(path.getParent());
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(path))) {
            ZipEntry entry = new ZipEntry("io/nty/X.class");
            entry.setTime(entryTime);
            zip.putNextEntry(entry);
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return path;
    }
}
