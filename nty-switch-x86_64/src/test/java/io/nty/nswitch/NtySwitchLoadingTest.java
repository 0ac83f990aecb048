package io.nty.nswitch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How the library is found and loaded (the jar case is NtySwitchJarIT). */
class NtySwitchLoadingTest {

    @BeforeEach
    void nativeSwitch() {
        TestNatives.assumeAvailable();
    }

    @Test
    void theLibraryIsExtractedFromTheClassPathAndLoadedByAbsolutePath() {
        Path path = NtySwitch.libraryPath();
        assertThat(path).isAbsolute().isRegularFile();
        assertThat(path.getFileName()).hasToString("libntyswitch.so");
        assertThat(NtySwitch.librarySource().toString())
                .endsWith("io/nty/nswitch/native/linux-x86_64/libntyswitch.so");
        assertThat(NtySwitch.unavailableReason()).isEmpty();
    }

    @Test
    void libraryLinkedAgainstTheSwitchBindToTheLoadedCopyOnly() throws IOException {
        TestNatives.entry("nty_test_record");
        List<String> mapped = Files.readAllLines(Path.of("/proc/self/maps")).stream()
                .filter(l -> l.endsWith("/libntyswitch.so"))
                .map(l -> l.substring(l.indexOf('/')))
                .distinct()
                .toList();
        assertThat(mapped).containsExactly(NtySwitch.libraryPath().toString());
    }
}
