package io.nty.nswitch;

import static org.assertj.core.api.Assertions.assertThat;

import jnr.ffi.Pointer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs in the integration-test phase against the packaged jar (failsafe puts the jar, not
 * target/classes, on the class path): the library is found inside the jar, extracted and works.
 */
class NtySwitchJarIT {

    @BeforeEach
    void nativeSwitch() {
        TestNatives.assumeAvailable();
    }

    @Test
    void theLibraryLoadsFromThePackagedJar() {
        assertThat(NtySwitch.librarySource().getProtocol()).isEqualTo("jar");
        assertThat(NtySwitch.librarySource().toString())
                .contains("nty-switch-x86_64")
                .endsWith(".jar!/io/nty/nswitch/native/linux-x86_64/libntyswitch.so");
    }

    @Test
    void rule2_1_aNativeCoroutineRunsFromTheJarLoadedLibrary() {
        Pointer record = TestNatives.words(4);
        try (NativeContext ctx = NativeContext.create(TestNatives.entry("nty_test_record"), record.address())) {
            assertThat(ctx.savedResumeAddress()).isEqualTo(NtySwitch.symbolAddress("nty_exec"));
            assertThat(ctx.resume()).isEqualTo(NativeRequest.EXIT);
            assertThat(record.getLong(0)).isEqualTo(1);
            assertThat(record.getLong(8)).isEqualTo(record.address());
        }
    }
}
