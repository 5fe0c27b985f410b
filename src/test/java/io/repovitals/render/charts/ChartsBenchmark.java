package io.repovitals.render.charts;

import io.repovitals.analyze.Analysis;
import io.repovitals.analyze.Analyzer;
import io.repovitals.model.Snapshot;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How long one repository's charts take: a year of daily snapshots with every charted metric, all
 * charts decided and drawn as PNG, SVG and mermaid. Run 1 includes class loading and JIT warm-up;
 * the median of the rest is the warm cost. Thread CPU time is printed too, as wall time on a shared
 * machine says more about the neighbours than about this code.
 */
public final class ChartsBenchmark {
    private ChartsBenchmark() {}

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        List<Snapshot> history = ChartsTest.fullHistory(365);
        Analysis analysis = new Analyzer().analyze(TestHistories.REPO, history);
        Charts charts = new Charts();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[][] wall = new double[4][runs];
        double[][] cpu = new double[4][runs];
        for (int run = 0; run < runs; run++) {
            long[] w = new long[5];
            long[] c = new long[5];
            w[0] = System.nanoTime();
            c[0] = threads.getCurrentThreadCpuTime();
            List<ChartSpec> specs = charts.specs(history, analysis);
            w[1] = System.nanoTime();
            c[1] = threads.getCurrentThreadCpuTime();
            specs.forEach(charts::png);
            w[2] = System.nanoTime();
            c[2] = threads.getCurrentThreadCpuTime();
            specs.forEach(charts::svg);
            w[3] = System.nanoTime();
            c[3] = threads.getCurrentThreadCpuTime();
            specs.forEach(charts::mermaid);
            w[4] = System.nanoTime();
            c[4] = threads.getCurrentThreadCpuTime();
            for (int stage = 0; stage < 4; stage++) {
                wall[stage][run] = (w[stage + 1] - w[stage]) / 1e6;
                cpu[stage][run] = (c[stage + 1] - c[stage]) / 1e6;
            }
        }
        String[] names = {"specs (8 charts)", "png (all)", "svg (all)", "mermaid (all)"};
        System.out.printf(Locale.ROOT, "%-18s %10s %14s %14s%n", "stage", "first ms", "warm wall ms", "warm cpu ms");
        for (int stage = 0; stage < 4; stage++) {
            System.out.printf(Locale.ROOT, "%-18s %10.1f %14.1f %14.1f%n", names[stage], wall[stage][0],
                    median(wall[stage]), median(cpu[stage]));
        }
    }

    private static double median(double[] values) {
        double[] warm = Arrays.copyOfRange(values, 1, values.length);
        Arrays.sort(warm);
        return warm[warm.length / 2];
    }
}
