package io.nty.benchmarks.charts;

import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * Draws the chart of docs/performance.md from {@code scripts/bench-http.sh}'s per-round results:
 * requests/s of each server in each round, side by side, with the median in the legend.
 *
 * <p>{@code java -cp nty-benchmarks/target/benchmarks.jar io.nty.benchmarks.charts.HttpChart
 * ROUNDS.tsv OUT.png [subtitle]}
 */
public final class HttpChart {

    private static final int WIDTH = 800;
    private static final int HEIGHT = 450;

    private HttpChart() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: HttpChart ROUNDS.tsv OUT.png [subtitle]");
            System.exit(2);
        }
        System.setProperty("java.awt.headless", "true");
        RoundsTable table = RoundsTable.read(Path.of(args[0]));
        CategoryChart chart = chart(table, args.length == 3 ? args[2] : "");
        String out = args[1].endsWith(".png") ? args[1].substring(0, args[1].length() - 4) : args[1];
        BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
        System.out.println("wrote " + out + ".png");
    }

    static CategoryChart chart(RoundsTable table, String subtitle) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                .title("HTTP keep-alive hello, server on one core" + (subtitle.isEmpty() ? "" : " (" + subtitle + ")"))
                .xAxisTitle("round (servers take turns)").yAxisTitle("requests/s (wrk -t1 -c100)").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setYAxisDecimalPattern("#,###");
        for (String server : table.servers()) {
            List<Double> rps = table.rounds(server);
            List<String> rounds = new ArrayList<>();
            for (int i = 1; i <= rps.size(); i++) {
                rounds.add(String.valueOf(i));
            }
            String name = String.format(Locale.ROOT, "%s (median %,.0f)", server, table.median(server));
            chart.addSeries(name, rounds, rps);
        }
        return chart;
    }
}
