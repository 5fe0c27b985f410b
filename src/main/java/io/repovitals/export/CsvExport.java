package io.repovitals.export;

import io.repovitals.metrics.MetricCatalog;
import io.repovitals.model.Snapshot;
import io.repovitals.store.History;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One row per repository, day and metric: {@code repository,day,metric,value,unit,missing}
 * (RFC 4180, CRLF line ends, quoted where needed, by commons-csv). A metric that was missing that
 * day keeps its row, with an empty {@code value} and the reason in {@code missing}, so a missing
 * value is never mistaken for 0 and the reason travels with it; a measured metric has an empty
 * {@code missing}. {@code unit} is the catalog's (count, hours, ...), empty for a name it lacks.
 */
final class CsvExport implements TextExport {
    static final String[] HEADER = {"repository", "day", "metric", "value", "unit", "missing"};

    @Override
    public long write(List<History> histories, OutputStream stream) throws IOException {
        long rows = 0;
        java.io.Writer out = new java.io.BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader(HEADER).get();
        CSVPrinter printer = new CSVPrinter(out, format); // not closed here: the caller owns the stream
        for (History history : histories) {
            for (Snapshot snapshot : history.snapshots()) {
                String day = History.day(snapshot).toString();
                SortedMap<String, Object> byName = new TreeMap<>(snapshot.metrics());
                byName.putAll(snapshot.missing());
                for (var entry : byName.entrySet()) {
                    String metric = entry.getKey();
                    boolean measured = entry.getValue() instanceof Number;
                    printer.printRecord(snapshot.repository(), day, metric,
                            measured ? MetricValues.text((Number) entry.getValue()) : "",
                            unit(metric), measured ? "" : entry.getValue());
                    rows++;
                }
            }
        }
        printer.flush();
        return rows;
    }

    private static String unit(String metric) {
        return MetricCatalog.byName(metric).map(def -> def.unit().name().toLowerCase(Locale.ROOT)).orElse("");
    }
}
