package io.repovitals.export;

import io.repovitals.model.ExportFormat;

import io.repovitals.store.History;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CsvExportTest {
    @TempDir
    Path dir;

    private List<History> histories() throws Exception {
        Path bare = ExportHistories.store(dir.resolve("remote.git"), ExportHistories.sample());
        return ExportHistories.load(bare, "acme/rocket", "octo-org/widgets");
    }

    private static List<CSVRecord> parse(Reader reader) throws IOException {
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            assertThat(parser.getHeaderNames()).containsExactly("repository", "day", "metric", "value", "unit", "missing");
            return parser.getRecords();
        }
    }

    @Test
    void should_round_trip_every_value_and_missing_reason_through_a_csv_parser() throws Exception {
        ExportResult result = Exports.toFile(ExportFormat.CSV, histories(), dir.resolve("out/history.csv"), false);

        List<CSVRecord> rows;
        try (Reader reader = Files.newBufferedReader(result.file(), StandardCharsets.UTF_8)) {
            rows = parse(reader);
        }
        // rocket: 2 + 2 + 2 rows, widgets: 3 + 2 + 3 rows; repositories in the order given, days in order, names sorted.
        // traffic.views is missing, yet the catalog knows its unit.
        assertThat(rows).extracting(row -> row.get("repository"), row -> row.get("day"), row -> row.get("metric"),
                row -> row.get("value"), row -> row.get("unit"), row -> row.get("missing")).containsExactly(
                tuple("acme/rocket", "2026-11-18", "prs.merged", "0", "count", ""),
                tuple("acme/rocket", "2026-11-18", "prs.time_to_merge_hours.p50", "", "hours", "no pull request merged in the window"),
                tuple("acme/rocket", "2026-11-19", "prs.merged", "1", "count", ""),
                tuple("acme/rocket", "2026-11-19", "prs.time_to_merge_hours.p50", "10.0", "hours", ""),
                tuple("acme/rocket", "2026-11-20", "prs.merged", "2", "count", ""),
                tuple("acme/rocket", "2026-11-20", "prs.time_to_merge_hours.p50", "7.0", "hours", ""),
                tuple("octo-org/widgets", "2026-11-18", "prs.merged", "3", "count", ""),
                tuple("octo-org/widgets", "2026-11-18", "prs.time_to_merge_hours.p50", "5.5", "hours", ""),
                // traffic.* are daily points, not catalog metrics: no unit.
                tuple("octo-org/widgets", "2026-11-18", "traffic.views", "", "count", ExportHistories.REASON_WITH_QUOTES),
                tuple("octo-org/widgets", "2026-11-19", "prs.merged", "0", "count", ""),
                tuple("octo-org/widgets", "2026-11-19", "prs.time_to_merge_hours.p50", "12.25", "hours", ""),
                tuple("octo-org/widgets", "2026-11-20", "ci.failure_rate", "0.125", "ratio", ""),
                tuple("octo-org/widgets", "2026-11-20", "prs.merged", "4", "count", ""),
                tuple("octo-org/widgets", "2026-11-20", "prs.time_to_merge_hours.p50", "2.0", "hours", ""));
        assertThat(result.records()).isEqualTo(14);
        assertThat(result.bytes()).isEqualTo(Files.size(result.file()));
    }

    @Test
    void should_quote_a_field_with_commas_quotes_or_a_line_break_as_rfc_4180_says() throws Exception {
        Path out = Exports.toFile(ExportFormat.CSV, histories(), dir.resolve("history.csv"), false).file();

        String text = Files.readString(out, StandardCharsets.UTF_8);
        // Quoted, with each quote doubled, and the line break kept inside the quotes; records end in CRLF.
        assertThat(text).contains(",\"needs a token with \"\"push\"\" access, see docs (HTTP 403)\nsecond line\"\r\n");
        assertThat(text).startsWith("repository,day,metric,value,unit,missing\r\n");
    }

    @Test
    void should_gzip_into_a_gz_file_that_parses_to_the_same_rows() throws Exception {
        List<History> histories = histories();
        Path plain = Exports.toFile(ExportFormat.CSV, histories, dir.resolve("plain.csv"), false).file();
        ExportResult gzipped = Exports.toFile(ExportFormat.CSV, histories, dir.resolve("packed.csv"), true);

        assertThat(gzipped.file().getFileName().toString()).isEqualTo("packed.csv.gz");
        assertThat(dir.resolve("packed.csv")).doesNotExist();
        byte[] unpacked;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gzipped.file()))) {
            unpacked = in.readAllBytes();
        }
        assertThat(unpacked).isEqualTo(Files.readAllBytes(plain));
        try (Reader reader = new InputStreamReader(new GZIPInputStream(Files.newInputStream(gzipped.file())),
                StandardCharsets.UTF_8)) {
            assertThat(parse(reader)).hasSize(14);
        }
    }

    @Test
    void should_replace_an_existing_file_and_leave_no_temporary_file() throws Exception {
        Path out = dir.resolve("history.csv");
        Files.writeString(out, "old content that must go\n");

        Exports.toFile(ExportFormat.CSV, histories(), out, false);

        assertThat(Files.readString(out)).startsWith("repository,day,metric").doesNotContain("old content");
        try (var files = Files.list(dir)) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactlyInAnyOrder("history.csv", "remote.git");
        }
    }
}
