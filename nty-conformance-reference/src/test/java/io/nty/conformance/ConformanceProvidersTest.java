package io.nty.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nty.conformance.example.LifoProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/** How the suite finds the implementation when the verification class does not name one. */
@Isolated
class ConformanceProvidersTest {

    @AfterEach
    void clearProperty() {
        System.clearProperty(ConformanceProviders.PROPERTY);
    }

    @Test
    void systemPropertyNamesTheProvider() {
        System.setProperty(ConformanceProviders.PROPERTY, LifoProvider.class.getName());
        assertThat(ConformanceProviders.find()).isInstanceOf(LifoProvider.class);
    }

    @Test
    void aBadNameSaysWhatIsWrong() {
        System.setProperty(ConformanceProviders.PROPERTY, String.class.getName());
        assertThatThrownBy(ConformanceProviders::find).hasMessageContaining("does not name a ConformanceProvider");
    }

    @Test
    void withoutPropertyOrServiceEntryItSaysHowToNameOne() {
        // This module registers no provider in META-INF/services: the reference is named explicitly.
        assertThatThrownBy(ConformanceProviders::find).hasMessageContaining("found 0 ConformanceProvider(s)")
                .hasMessageContaining("-Dnty.conformance.provider=<class>");
    }
}
