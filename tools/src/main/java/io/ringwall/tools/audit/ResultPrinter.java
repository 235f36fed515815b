package io.ringwall.tools.audit;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * Prints a query's result: an aligned text table, CSV (RFC 4180: a header line, CRLF line ends, fields quoted when
 * they hold a comma, a quote or a line break, quotes doubled; NULL is an empty field) or JSON (one array of objects,
 * numbers as JSON numbers with every digit kept, NULL as null). Timestamps print as ISO-8601 UTC with a Z
 * ({@code 2023-11-14T22:13:20.123456789Z}), as {@code ringwall journal} prints them.
 */
final class ResultPrinter
{
    /** The output formats. */
    enum Format
    {
        table, csv, json
    }

    private ResultPrinter()
    {
    }

    /** @return the rows printed. */
    static long print(final ResultSet rows, final Format format, final PrintWriter out) throws SQLException
    {
        final long count = switch (format)
        {
            case table -> table(rows, out);
            case csv -> csv(rows, out);
            case json -> json(rows, out);
        };
        out.flush();
        return count;
    }

    private static long table(final ResultSet rows, final PrintWriter out) throws SQLException
    {
        final ResultSetMetaData meta = rows.getMetaData();
        final int columns = meta.getColumnCount();
        final int[] widths = new int[columns];
        final List<String[]> lines = new ArrayList<>();
        final String[] names = new String[columns];
        for (int i = 0; i < columns; i++)
        {
            names[i] = meta.getColumnLabel(i + 1);
            widths[i] = names[i].length();
        }
        while (rows.next())
        {
            final String[] line = new String[columns];
            for (int i = 0; i < columns; i++)
            {
                final String value = text(rows, i + 1, meta.getColumnType(i + 1));
                line[i] = value == null ? "NULL" : value;
                widths[i] = Math.max(widths[i], line[i].length());
            }
            lines.add(line);
        }
        printLine(out, names, widths, new boolean[columns]);
        final StringBuilder rule = new StringBuilder();
        for (int i = 0; i < columns; i++)
        {
            rule.append(i == 0 ? "" : "-+-").append("-".repeat(widths[i]));
        }
        out.println(rule);
        final boolean[] right = new boolean[columns];
        for (int i = 0; i < columns; i++)
        {
            right[i] = numeric(meta.getColumnType(i + 1));
        }
        for (final String[] line : lines)
        {
            printLine(out, line, widths, right);
        }
        out.println("(" + lines.size() + (lines.size() == 1 ? " row)" : " rows)"));
        return lines.size();
    }

    private static void printLine(final PrintWriter out, final String[] cells, final int[] widths, final boolean[] right)
    {
        final StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++)
        {
            final String pad = " ".repeat(widths[i] - cells[i].length());
            line.append(i == 0 ? "" : " | ").append(right[i] ? pad + cells[i] : cells[i] + pad);
        }
        out.println(line.toString().stripTrailing());
    }

    private static long csv(final ResultSet rows, final PrintWriter out) throws SQLException
    {
        final ResultSetMetaData meta = rows.getMetaData();
        final int columns = meta.getColumnCount();
        final StringBuilder line = new StringBuilder();
        for (int i = 1; i <= columns; i++)
        {
            line.append(i == 1 ? "" : ",").append(csvField(meta.getColumnLabel(i)));
        }
        out.print(line.append("\r\n"));
        long count = 0;
        while (rows.next())
        {
            line.setLength(0);
            for (int i = 1; i <= columns; i++)
            {
                line.append(i == 1 ? "" : ",").append(csvField(text(rows, i, meta.getColumnType(i))));
            }
            out.print(line.append("\r\n"));
            count++;
        }
        return count;
    }

    static String csvField(final String value)
    {
        if (value == null)
        {
            return "";
        }
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0)
        {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    private static long json(final ResultSet rows, final PrintWriter out) throws SQLException
    {
        final ResultSetMetaData meta = rows.getMetaData();
        final int columns = meta.getColumnCount();
        long count = 0;
        try (JsonGenerator json = new JsonFactory().createGenerator(out))
        {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.writeStartArray();
            while (rows.next())
            {
                json.writeStartObject();
                for (int i = 1; i <= columns; i++)
                {
                    json.writeFieldName(meta.getColumnLabel(i));
                    value(json, rows, i, meta.getColumnType(i));
                }
                json.writeEndObject();
                count++;
            }
            json.writeEndArray();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        out.println();
        return count;
    }

    private static void value(final JsonGenerator json, final ResultSet rows, final int column, final int type)
        throws SQLException, IOException
    {
        final String text = text(rows, column, type);
        if (text == null)
        {
            json.writeNull();
        }
        else if (type == Types.BOOLEAN)
        {
            json.writeBoolean(rows.getBoolean(column));
        }
        else if (numeric(type) && isJsonNumber(text))
        {
            json.writeNumber(text);
        }
        else
        {
            json.writeString(text);
        }
    }

    /** @return the value as text, null for NULL; timestamps (UTC in the schema) as ISO-8601 with a Z, decimals plain. */
    private static String text(final ResultSet rows, final int column, final int type) throws SQLException
    {
        if (type == Types.TIMESTAMP)
        {
            final LocalDateTime time = rows.getObject(column, LocalDateTime.class);
            return time == null ? null : time.toInstant(ZoneOffset.UTC).toString();
        }
        if (type == Types.DECIMAL || type == Types.NUMERIC)
        {
            final java.math.BigDecimal value = rows.getBigDecimal(column);
            return value == null ? null : value.toPlainString(); // 0.00000000, not 0E-8
        }
        return rows.getString(column);
    }

    /** @return whether {@code text} is a JSON number (not NaN, infinity or another spelling). */
    private static boolean isJsonNumber(final String text)
    {
        return text.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
    }

    private static boolean numeric(final int type)
    {
        return switch (type)
        {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.DECIMAL, Types.NUMERIC, Types.FLOAT,
                Types.REAL, Types.DOUBLE -> true;
            default -> false;
        };
    }
}
