package io.repovitals.render;

import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Image;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

import java.util.List;
import java.util.Map;

/**
 * report.html: the rendered Markdown as one self-contained page (inline CSS, no scripts, charts as
 * {@code data:} URIs). Raw HTML in the Markdown is shown as text, never made live: user text is
 * escaped before it gets here, and this is the second line of defence.
 */
public final class HtmlReport {
    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final String CSS = """
            body{margin:0;background:#fff;color:#1f2328;font:16px/1.5 -apple-system,BlinkMacSystemFont,"Segoe UI","Noto Sans",Helvetica,Arial,sans-serif}
            main{box-sizing:border-box;max-width:980px;margin:0 auto;padding:32px 24px}
            h1,h2,h3{margin:24px 0 16px;font-weight:600;line-height:1.25}
            h1,h2{padding-bottom:.3em;border-bottom:1px solid #d1d9e0}
            h1{font-size:2em}h2{font-size:1.5em}h3{font-size:1.25em}
            p,ul,ol,table,pre{margin:0 0 16px}
            a{color:#0969da;text-decoration:none}a:hover{text-decoration:underline}
            code{padding:.2em .4em;font:85% ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:#eff1f3;border-radius:6px}
            pre{padding:16px;overflow:auto;background:#f6f8fa;border-radius:6px}pre code{padding:0;background:none}
            table{display:block;width:max-content;max-width:100%;overflow:auto;border-collapse:collapse}
            th,td{padding:6px 13px;border:1px solid #d1d9e0}th{font-weight:600}tr:nth-child(2n){background:#f6f8fa}
            img{max-width:100%;box-sizing:content-box}
            blockquote{margin:0 0 16px;padding:0 1em;color:#59636e;border-left:.25em solid #d1d9e0}
            """;

    private HtmlReport() {}

    /**
     * @param title  the page title (plain text; escaped here)
     * @param images image URL as written in the Markdown to its bytes; other images keep their URL
     */
    public static String render(String markdown, String title, Map<String, EmbeddedImage> images) {
        HtmlRenderer renderer = HtmlRenderer.builder()
                .extensions(EXTENSIONS)
                .escapeHtml(true)
                .sanitizeUrls(true)
                .attributeProviderFactory(context -> (node, tagName, attributes) -> {
                    if (node instanceof Image image && images.containsKey(image.getDestination())) {
                        attributes.put("src", images.get(image.getDestination()).dataUri());
                    }
                })
                .build();
        String body = renderer.render(PARSER.parse(markdown));
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + escape(title) + "</title>\n<style>\n" + CSS + "</style>\n</head>\n<body>\n<main>\n"
                + body + "</main>\n</body>\n</html>\n";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
