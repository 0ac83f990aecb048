package io.nty.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.nty.conformance.jvm.FdPlacement;
import io.nty.conformance.jvm.UnixSocketPairs;
import io.nty.conformance.reference.LibcFdPlacement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Real socket pairs with this module on the class path cross 64 and 1024: the fd rules meet the
 * numbers where fixed-size fd tables break, on the kernel's sockets.
 */
class RealFdPlacementTest {

    @Test
    void rule4_1_realSocketPairsArePlacedPastSixtyFourAndTenTwentyFour() {
        assertThat(FdPlacement.find()).get().isInstanceOf(LibcFdPlacement.class);
        UnixSocketPairs pairs = UnixSocketPairs.open(2);
        int[] fds = pairs.schedulerFds();
        try {
            assertThat(fds[0]).as("logical fd 3 keeps the kernel's number").isLessThan(64);
            assertThat(fds[1]).as("logical fd 4").isBetween(64, 1023);
            assertThat(fds[2]).as("logical fd 5").isGreaterThanOrEqualTo(1024);
            assertThat(fds[3]).as("logical fd 6").isBetween(64, 1023);
            assertThat(pairs.send(6)).isEqualTo("ok");
            assertThat(pairs.recv(5)).isEqualTo("1");
            pairs.close(5);
            assertThat(Files.exists(Path.of("/proc/self/fd/" + fds[2]))).as("the duplicate is closed with its fd").isFalse();
            assertThat(pairs.recv(6)).isEqualTo("eof");
        } finally {
            pairs.release();
        }
        assertThat(Arrays.stream(fds, 1, 4).filter(fd -> Files.exists(Path.of("/proc/self/fd/" + fd))))
                .as("no placed duplicate is left open after release").isEmpty();
    }
}
