package io.nty.conformance.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import org.junit.jupiter.api.Test;

/** The text form is the driver protocol's syntax: it must round-trip every generated scenario. */
class ScenarioTextTest {

    @Test
    void everyGeneratedScenarioRoundTrips() {
        qt().withFixedSeed(7).withExamples(500).forAll(ScenarioGenerators.all())
                .checkAssert(s -> assertThat(ScenarioText.parse(ScenarioText.format(s))).isEqualTo(s));
    }

    @Test
    void malformedTextNamesTheLine() {
        assertThatThrownBy(() -> ScenarioText.parse("scenario 1\nprogram 0\n  jump 3\nend\nrun\n"))
                .hasMessageContaining("line 3").hasMessageContaining("unknown step 'jump'");
        assertThatThrownBy(() -> ScenarioText.parse("scenario 1\nprogram 0\nspawn 0\nend\ncreate 0\nrun\n"))
                .hasMessageContaining("may only spawn later programs");
        assertThatThrownBy(() -> ScenarioText.parse("scenario 1\ncreate 0\nrun\n"))
                .hasMessageContaining("names program 0 of 0");
    }
}
