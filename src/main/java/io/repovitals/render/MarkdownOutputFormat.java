package io.repovitals.render;

import freemarker.core.CommonMarkupOutputFormat;
import freemarker.core.CommonTemplateMarkupOutputModel;

import java.io.IOException;
import java.io.Writer;
import java.util.function.UnaryOperator;

/**
 * FreeMarker's output format for GitHub Markdown: with auto-escaping, {@code ${pr.title}} goes
 * through {@link MdEscape#text}, so user text stays literal without the template author asking.
 * Markup that our code generated (numbers, sparklines) reaches templates as {@link Md}, already markup.
 */
public final class MarkdownOutputFormat extends CommonMarkupOutputFormat<MarkdownOutputFormat.Markup> {
    public static final MarkdownOutputFormat INSTANCE = new MarkdownOutputFormat("Markdown", MdEscape::text);

    private final String name;
    private final UnaryOperator<String> escape;

    private MarkdownOutputFormat(String name, UnaryOperator<String> escape) {
        this.name = name;
        this.escape = escape;
    }

    /** The format with the older escaping of every punctuation character, for the test that compares the two. */
    static MarkdownOutputFormat escapingEverything() {
        return new MarkdownOutputFormat("Markdown (everything escaped)", MdEscape::everything);
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String getMimeType() {
        return "text/markdown";
    }

    @Override
    public void output(String textToEscape, Writer out) throws IOException {
        out.write(escape.apply(textToEscape));
    }

    @Override
    public String escapePlainText(String plainTextContent) {
        return escape.apply(plainTextContent);
    }

    @Override
    public boolean isLegacyBuiltInBypassed(String builtInName) {
        return false;
    }

    @Override
    protected Markup newTemplateMarkupOutputModel(String plainTextContent, String markupContent) {
        return new Markup(this, plainTextContent, markupContent);
    }

    /** A piece of Markdown inside a template: either text still to escape or markup. */
    public static final class Markup extends CommonTemplateMarkupOutputModel<Markup> {
        private final MarkdownOutputFormat format;

        Markup(MarkdownOutputFormat format, String plainTextContent, String markupContent) {
            super(plainTextContent, markupContent);
            this.format = format;
        }

        @Override
        public MarkdownOutputFormat getOutputFormat() {
            return format;
        }
    }
}
