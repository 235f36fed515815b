package io.ringwall.tools.validation;

import java.awt.Color;
import java.awt.Rectangle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;

/**
 * A self-contained HTML report: headings, text, tables and charts drawn by JFreeChart as inline SVG (no
 * files beside it, nothing fetched). Text is escaped.
 */
public final class ValidationHtml
{
    static final int CHART_WIDTH = 900;
    static final int CHART_HEIGHT = 420;

    private final StringBuilder html = new StringBuilder();

    public ValidationHtml(final String title)
    {
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
            .append(escape(title)).append("</title>\n<style>\n")
            .append("body{font-family:sans-serif;margin:2em;color:#222}")
            .append("table{border-collapse:collapse;margin:1em 0}")
            .append("th,td{border:1px solid #bbb;padding:3px 8px;text-align:right}")
            .append("th{background:#eee}td.l,th.l{text-align:left}.bad{color:#b00;font-weight:bold}")
            .append(".good{color:#070;font-weight:bold}\n</style>\n</head>\n<body>\n<h1>")
            .append(escape(title)).append("</h1>\n");
    }

    public ValidationHtml heading(final String text)
    {
        html.append("<h2>").append(escape(text)).append("</h2>\n");
        return this;
    }

    public ValidationHtml paragraph(final String text)
    {
        html.append("<p>").append(escape(text)).append("</p>\n");
        return this;
    }

    /** Preformatted text: the command's own text report, as printed. */
    public ValidationHtml preformatted(final String text)
    {
        html.append("<pre>").append(escape(text)).append("</pre>\n");
        return this;
    }

    /** A table; the first column is left-aligned (names), the others right-aligned (figures). */
    public ValidationHtml table(final List<String> header, final List<List<String>> rows)
    {
        html.append("<table>\n<tr>");
        for (int c = 0; c < header.size(); c++)
        {
            html.append(c == 0 ? "<th class=\"l\">" : "<th>").append(escape(header.get(c))).append("</th>");
        }
        html.append("</tr>\n");
        for (final List<String> row : rows)
        {
            html.append("<tr>");
            for (int c = 0; c < row.size(); c++)
            {
                html.append(c == 0 ? "<td class=\"l\">" : "<td>").append(escape(row.get(c))).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</table>\n");
        return this;
    }

    public ValidationHtml chart(final JFreeChart chart)
    {
        chart.setBackgroundPaint(Color.WHITE);
        final SVGGraphics2D svg = new SVGGraphics2D(CHART_WIDTH, CHART_HEIGHT);
        svg.setRenderingHint(SVGHints.KEY_DRAW_STRING_TYPE, SVGHints.VALUE_DRAW_STRING_TYPE_STANDARD);
        chart.draw(svg, new Rectangle(0, 0, CHART_WIDTH, CHART_HEIGHT));
        html.append("<div>").append(svg.getSVGElement()).append("</div>\n");
        return this;
    }

    public void write(final Path file)
    {
        try
        {
            Files.writeString(file, html + "</body>\n</html>\n", StandardCharsets.UTF_8);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write " + file, ex);
        }
    }

    static String escape(final String text)
    {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
