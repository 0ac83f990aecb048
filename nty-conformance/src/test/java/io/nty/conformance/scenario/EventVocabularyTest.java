package io.nty.conformance.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The trace vocabulary is one list, the protocol document names all of it, and the model speaks only it. */
class EventVocabularyTest {

    @Test
    void theProtocolDocumentListsEveryEvent() throws IOException {
        String doc = Files.readString(Path.of("../docs/conformance-protocol.md"));

        for (Event e : Event.values()) {
            assertThat(doc).as("docs/conformance-protocol.md lists `%s`", e.token()).contains("`" + e.token());
        }
        assertThat(doc).contains("`stuck`");
    }

    @Test
    void eventLinesRoundTripAndUnknownEventsAreRejected() {
        TraceEvent e = TraceEvent.parse("10 2 send 4 ok");

        assertThat(e).isEqualTo(new TraceEvent(10, "2", Event.SEND, List.of("4", "ok")));
        assertThat(e.text()).isEqualTo("10 2 send 4 ok");
        assertThat(TraceEvent.line(10, 2, Event.SEND, 4, "ok")).isEqualTo(e.text());
        assertThatThrownBy(() -> TraceEvent.parse("10 2 sent-away")).hasMessageContaining("unknown event 'sent-away'");
        assertThatThrownBy(() -> TraceEvent.parse("ten 2 start")).hasMessageContaining("not a whole number");
    }

    @Test
    void everyLineTheModelEmitsParses() {
        Scenario s = Scenario.builder().pairs(1)
                .program(new Step.Spawn(1), new Step.Sleep(10), new Step.Send(Scenario.FIRST_FD + 1), new Step.Throw())
                .program(new Step.WaitRead(Scenario.FIRST_FD, 1500), new Step.Recv(Scenario.FIRST_FD),
                        new Step.Close(Scenario.FIRST_FD), new Step.Tick(5), new Step.Yield())
                .create(0).build();

        for (Trace t : Model.allowed(s)) {
            assertThat(t.events()).allSatisfy(TraceEvent::parse);
        }
    }
}
