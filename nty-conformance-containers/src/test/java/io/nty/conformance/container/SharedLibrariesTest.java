package io.nty.conformance.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Reading {@code ldd}'s output into the library paths an image must hold. */
class SharedLibrariesTest {

    private static final String LDD = """
            /opt/jre/bin/java:
            \tlinux-vdso.so.1 (0x00007ffd1b7f2000)
            \tlibjli.so => /opt/jre/bin/../lib/libjli.so (0x00007f0c1c7d0000)
            \tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f0c1c5ef000)
            \t/lib64/ld-linux-x86-64.so.2 (0x00007f0c1c7f5000)
            /opt/jre/lib/libnet.so:
            \tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f0c1c5ef000)
            \tlibm.so.6 => /lib/x86_64-linux-gnu/libm.so.6 (0x00007f0c1c4ef000)
            """;

    @Test
    void keepsHostLibrariesAndTheInterpreterOnceEachAndDropsTheVdsoAndTheJresOwn() {
        assertThat(SharedLibraries.parse(LDD, Path.of("/opt/jre"), Set.of())).containsExactly(
                Path.of("/lib/x86_64-linux-gnu/libc.so.6"),
                Path.of("/lib/x86_64-linux-gnu/libm.so.6"),
                Path.of("/lib64/ld-linux-x86-64.so.2"));
    }

    @Test
    void aLibraryNotFoundIsAnErrorNamingIt() {
        assertThatThrownBy(() -> SharedLibraries.parse("\tlibgone.so.1 => not found\n", null, Set.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("libgone.so.1 not found");
    }

    @Test
    void aLibraryNotFoundThatTheJreHoldsIsNotNeededFromTheHost() {
        String libjava = "/opt/jre/lib/libjava.so:\n\tlibjvm.so => not found\n"
                + "\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f0c1c5ef000)\n";

        assertThat(SharedLibraries.parse(libjava, Path.of("/opt/jre"), Set.of("libjvm.so")))
                .containsExactly(Path.of("/lib/x86_64-linux-gnu/libc.so.6"));
    }

    @Test
    void theRunningJavaLauncherNeedsLibcByLdd() {
        Path java = JlinkedJre.javaHome().resolve("bin/java");

        assertThat(SharedLibraries.neededBy(List.of(java), JlinkedJre.javaHome()))
                .anySatisfy(lib -> assertThat(lib.getFileName().toString()).startsWith("libc.so"))
                .allSatisfy(lib -> assertThat(lib).isAbsolute());
    }

    @Test
    void aRelativeJreDirectoryStillExcludesTheJresOwnLibraries() {
        Path javaHome = JlinkedJre.javaHome();
        Path relative = Path.of("").toAbsolutePath().relativize(javaHome);

        assertThat(SharedLibraries.neededBy(List.of(relative.resolve("lib/libjava.so")), relative))
                .isNotEmpty()
                .noneSatisfy(lib -> assertThat(lib).startsWith(javaHome));
    }
}
