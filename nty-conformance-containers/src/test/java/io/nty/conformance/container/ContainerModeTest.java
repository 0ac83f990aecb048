package io.nty.conformance.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nty.conformance.container.ContainerMode.Outcome;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** The mode's parsing and what each mode does with and without Docker; no Docker needed. */
class ContainerModeTest {

    @Test
    void unsetOrBlankMeansAuto() {
        assertThat(ContainerMode.parse(null)).isEqualTo(ContainerMode.AUTO);
        assertThat(ContainerMode.parse(" ")).isEqualTo(ContainerMode.AUTO);
    }

    @Test
    void thePropertyWinsOverTheEnvironmentWhichWinsOverTheDefault() {
        assertThat(ContainerMode.select("off", "required")).isEqualTo(ContainerMode.OFF);
        assertThat(ContainerMode.select(null, "required")).isEqualTo(ContainerMode.REQUIRED);
        assertThat(ContainerMode.select("", null)).isEqualTo(ContainerMode.AUTO);
    }

    @Test
    void namesAreCaseInsensitive() {
        assertThat(ContainerMode.parse("Required")).isEqualTo(ContainerMode.REQUIRED);
        assertThat(ContainerMode.parse("off")).isEqualTo(ContainerMode.OFF);
    }

    @Test
    void anUnknownNameIsRejectedListingTheValidOnes() {
        assertThatThrownBy(() -> ContainerMode.parse("maybe"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-Dnty.containers=maybe")
                .hasMessageContaining("required, auto or off");
    }

    private final List<String> announced = new ArrayList<>();

    @Test
    void offSkipsWithoutAskingForDocker() {
        assertThatThrownBy(() -> ContainerMode.OFF.assumeContainersUsable(() -> {
            throw new AssertionError("OFF must not probe Docker");
        }, announced::add))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("container tier off");
        assertThat(announced).singleElement().asString().contains("container tier off");
    }

    @Test
    void autoSkipsWithoutDockerNamingWhyAndHowToStartIt() {
        assertThatThrownBy(() -> ContainerMode.AUTO.assumeContainersUsable(() -> false, announced::add))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("no Docker daemon reachable")
                .hasMessageContaining("dockerd --bridge=none --iptables=false");
        assertThat(announced).singleElement().asString().contains("no Docker daemon reachable");
    }

    @Test
    void requiredFailsWithoutDockerSayingHowToGetIt() {
        assertThatThrownBy(() -> ContainerMode.REQUIRED.assumeContainersUsable(() -> false, announced::add))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("apt-get install -y docker.io")
                .hasMessageContaining("dockerd --bridge=none --iptables=false &")
                .hasMessageContaining("TESTCONTAINERS_RYUK_DISABLED=true")
                .hasMessageContaining("TESTCONTAINERS_HOST_OVERRIDE=localhost");
    }

    @Test
    void autoAndRequiredRunWhenDockerAnswersAndAnnounceNothing() {
        ContainerMode.AUTO.assumeContainersUsable(() -> true, announced::add);
        ContainerMode.REQUIRED.assumeContainersUsable(() -> true, announced::add);

        assertThat(announced).isEmpty();
        assertThat(ContainerMode.AUTO.decide(() -> true).outcome()).isEqualTo(Outcome.RUN);
        assertThat(ContainerMode.REQUIRED.decide(() -> true).outcome()).isEqualTo(Outcome.RUN);
    }
}
