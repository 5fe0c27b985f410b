package io.repovitals.render;

import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.Node;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finds the GFM tables of a Markdown text with commonmark and counts each source row's cells the
 * way GFM splits them (on every pipe not escaped by a backslash). commonmark pads or drops cells to
 * the header's count, so the parsed tree alone would hide a broken row: the source lines do not.
 */
final class MarkdownTables {
    private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS).build();

    private MarkdownTables() {}

    /** Each table as the cell counts of its source lines (header, delimiter, rows). */
    static List<List<Integer>> cellCounts(String markdown) {
        String[] lines = markdown.split("\n", -1);
        List<List<Integer>> tables = new ArrayList<>();
        PARSER.parse(markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(CustomBlock block) {
                if (block instanceof TableBlock table) {
                    List<Integer> counts = new ArrayList<>();
                    int first = table.getSourceSpans().get(0).getLineIndex();
                    int last = table.getSourceSpans().get(table.getSourceSpans().size() - 1).getLineIndex();
                    for (int i = first; i <= last; i++) {
                        counts.add(cells(lines[i]));
                    }
                    tables.add(counts);
                }
                visitChildren(block);
            }
        });
        return tables;
    }

    /** Asserts every table's rows have the header's cell count; returns how many tables there were. */
    static int assertConsistent(String markdown) {
        List<List<Integer>> tables = cellCounts(markdown);
        for (List<Integer> table : tables) {
            assertThat(table).as("cells per line of a table in:\n" + markdown).containsOnly(table.get(0));
        }
        return tables.size();
    }

    /** Rows below header and delimiter, per table. */
    static List<Integer> rowCounts(String markdown) {
        return cellCounts(markdown).stream().map(table -> table.size() - 2).toList();
    }

    static int cells(String line) {
        String trimmed = line.strip();
        int pipes = 0;
        boolean endsWithPipe = false;
        for (int i = 0; i < trimmed.length(); i++) {
            if (trimmed.charAt(i) == '\\') {
                i++; // the escaped character is literal
            } else if (trimmed.charAt(i) == '|') {
                pipes++;
                endsWithPipe = i == trimmed.length() - 1 && i > 0;
            }
        }
        int cells = pipes + 1;
        if (trimmed.startsWith("|")) {
            cells--;
        }
        if (endsWithPipe) {
            cells--;
        }
        return cells;
    }

    static Node parse(String markdown) {
        return PARSER.parse(markdown);
    }
}
