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
    void pruningKeepsBehaviourAndDropsWhatIsUnused() {
        qt().withFixedSeed(11).withExamples(300).forAll(ScenarioGenerators.all()).checkAssert(s -> {
            assertThat(s.pruned()).isEqualTo(s); // generated scenarios are already pruned
            assertThat(Model.allowed(s.pruned())).isEqualTo(Model.allowed(s));
        });
        Scenario s = ScenarioText.parse("scenario 1\npairs 2\nprogram 0\nend\nprogram 1\n  spawn 2\nend\nprogram 2\n  yield\nend\n"
                + "create 1\nrun\n");
        assertThat(ScenarioText.format(s.pruned())).isEqualTo(
                "scenario 1\npairs 0\nprogram 0\n  spawn 1\nend\nprogram 1\n  yield\nend\ncreate 0\nrun\n");
    }

    @Test
    void outsideStatementsRoundTripAndAreRefusedInTheModel() {
        String text = "scenario 1\npairs 1\nprogram 0\nend\noutside yield\noutside sleep 5\noutside wait 3 10\ncreate 0\nrun\n";
        Scenario s = ScenarioText.parse(text);
        assertThat(ScenarioText.format(s)).isEqualTo(text);
        assertThat(Model.expected(s, Interpretation.NTY).events()).startsWith(
                "0 main yield refused", "0 main sleep 5 refused", "0 main wait 3 10 refused", "0 main created 0");
        assertThatThrownBy(() -> ScenarioText.parse("scenario 1\noutside send 3\nrun\n"))
                .hasMessageContaining("only yield, sleep and wait can be attempted outside a coroutine");
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
