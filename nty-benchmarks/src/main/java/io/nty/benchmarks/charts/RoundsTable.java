package io.nty.benchmarks.charts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The per-round results {@code scripts/bench-http.sh} writes: a tab-separated file with the header
 * {@code server round rps} and one line per server and round.
 */
public final class RoundsTable {

    private final Map<String, List<Double>> rpsByServer;

    private RoundsTable(Map<String, List<Double>> rpsByServer) {
        this.rpsByServer = rpsByServer;
    }

    /**
     * @param file the TSV file
     * @return its contents, servers in order of first appearance, rounds in file order
     * @throws IOException if it cannot be read
     * @throws IllegalArgumentException naming the line, if the header or a line is malformed
     */
    public static RoundsTable read(Path file) throws IOException {
        return parse(Files.readAllLines(file), file.toString());
    }

    static RoundsTable parse(List<String> lines, String source) {
        if (lines.isEmpty() || !lines.get(0).equals("server\tround\trps")) {
            throw new IllegalArgumentException(source + ": the first line must be 'server<TAB>round<TAB>rps'");
        }
        Map<String, List<Double>> rps = new LinkedHashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t");
            try {
                if (f.length != 3 || Integer.parseInt(f[1]) < 1) {
                    throw new NumberFormatException("expected 3 fields and a round >= 1");
                }
                double value = Double.parseDouble(f[2]);
                if (!(value >= 0)) {
                    throw new NumberFormatException("rps must be >= 0");
                }
                rps.computeIfAbsent(f[0], k -> new ArrayList<>()).add(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(source + " line " + (i + 1) + ": '" + line + "': " + e.getMessage(), e);
            }
        }
        if (rps.isEmpty()) {
            throw new IllegalArgumentException(source + ": no results");
        }
        return new RoundsTable(rps);
    }

    /** @return the servers, in order of first appearance */
    public List<String> servers() {
        return List.copyOf(rpsByServer.keySet());
    }

    /** @return the requests/s of each round of {@code server} */
    public List<Double> rounds(String server) {
        List<Double> r = rpsByServer.get(server);
        if (r == null) {
            throw new IllegalArgumentException("no results for server '" + server + "'; have " + servers());
        }
        return List.copyOf(r);
    }

    /** @return the median requests/s of {@code server} */
    public double median(String server) {
        List<Double> sorted = new ArrayList<>(rounds(server));
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
