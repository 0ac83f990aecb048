package io.nty.benchmarks.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RoundsTableTest {

    @Test
    void readsServersInOrderAndTakesMedians() {
        RoundsTable t = RoundsTable.parse(List.of("server\tround\trps", "nty\t1\t300", "vt\t1\t10",
                "nty\t2\t100", "vt\t2\t30", "nty\t3\t200", ""), "test");
        assertThat(t.servers()).containsExactly("nty", "vt");
        assertThat(t.rounds("nty")).containsExactly(300.0, 100.0, 200.0);
        assertThat(t.median("nty")).isEqualTo(200.0);
        assertThat(t.median("vt")).isEqualTo(20.0);
    }

    @Test
    void malformedInputNamesTheLine() {
        assertThatThrownBy(() -> RoundsTable.parse(List.of("a,b"), "f.tsv"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("first line");
        assertThatThrownBy(() -> RoundsTable.parse(List.of("server\tround\trps", "nty\t1\tfast"), "f.tsv"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("f.tsv line 2");
        assertThatThrownBy(() -> RoundsTable.parse(List.of("server\tround\trps"), "f.tsv"))
                .hasMessageContaining("no results");
    }
}
