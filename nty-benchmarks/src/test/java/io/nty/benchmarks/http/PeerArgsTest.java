package io.nty.benchmarks.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class PeerArgsTest {

    @Test
    void defaultsAndOptions() {
        InetSocketAddress d = PeerArgs.parse("P", 8081, new String[0]);
        assertThat(PeerArgs.format(d)).isEqualTo("127.0.0.1:8081");
        InetSocketAddress a = PeerArgs.parse("P", 8081, new String[] {"--port", "0", "--host", "127.0.0.2"});
        assertThat(PeerArgs.format(a)).isEqualTo("127.0.0.2:0");
    }

    @Test
    void badArgumentsNameTheProblemAndTheUsage() {
        assertThatThrownBy(() -> PeerArgs.parse("P", 1, new String[] {"--port", "70000"}))
                .hasMessageContaining("--port must be 0..65535: 70000").hasMessageContaining("usage: P");
        assertThatThrownBy(() -> PeerArgs.parse("P", 1, new String[] {"--threads", "2"}))
                .hasMessageContaining("unknown argument '--threads'");
        assertThatThrownBy(() -> PeerArgs.parse("P", 1, new String[] {"--port"}))
                .hasMessageContaining("missing value");
    }
}
