package io.nty.nswitch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nty.api.ContextSwitchUnavailableException;
import org.junit.jupiter.api.Test;

/** Platform names choose the packaged library; they run everywhere, native build or not. */
class NativePlatformTest {

    @Test
    void javaArchAndOsNamesAreNormalised() {
        assertThat(NativePlatform.of("Linux", "amd64")).isEqualTo(NativePlatform.SUPPORTED);
        assertThat(NativePlatform.of("Linux", "x86_64")).isEqualTo("linux-x86_64");
        assertThat(NativePlatform.of("Linux", "aarch64")).isEqualTo("linux-aarch64");
        assertThat(NativePlatform.of("Mac OS X", "aarch64")).isEqualTo("macos-aarch64");
        assertThat(NativePlatform.of("Windows 11", "amd64")).isEqualTo("windows-x86_64");
    }

    @Test
    void theLibraryResourceIsNamedAfterThePlatform() {
        assertThat(NativePlatform.libraryResource("linux-x86_64"))
                .isEqualTo("io/nty/nswitch/native/linux-x86_64/libntyswitch.so");
    }

    @Test
    void availabilityAndItsReasonAgree() {
        assertThat(NtySwitch.isAvailable()).isEqualTo(NtySwitch.unavailableReason().isEmpty());
        if (!NtySwitch.isAvailable()) {
            assertThat(NtySwitch.unavailableReason().orElseThrow()).isNotBlank();
            assertThatThrownBy(NtySwitch::libraryPath)
                    .isInstanceOf(ContextSwitchUnavailableException.class)
                    .hasMessageContaining(NtySwitch.unavailableReason().orElseThrow());
        }
    }
}
