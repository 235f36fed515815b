package io.ringwall.tools;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import io.ringwall.engine.Engine;
import io.ringwall.engine.Fixed;
import io.ringwall.journal.StateViewMap;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ringwall status}: the engine's positions, working orders and breakers from its state view, read from
 * another process while it runs (or after it stopped: the view keeps the final state).
 */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = {"Print an engine's state from its state view (a Chronicle Map it updates off the hot path): " +
        "engine figures, positions, working orders and breaker states.",
        "Works while the engine runs and after it stopped. Exit status 2 when the view is missing or unreadable."})
final class StatusCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Where where;

    static final class Where
    {
        @Option(names = "--journal", paramLabel = "DIR", description = "A session's journal directory.")
        Path journal;

        @Option(names = "--map", paramLabel = "FILE", description = "The state-view map file itself.")
        Path map;
    }

    @Override
    public Integer call()
    {
        final Path file = where.map != null ? where.map : Engine.stateViewFile(where.journal);
        final Map<String, String> entries;
        try (StateViewMap view = StateViewMap.openReader(file))
        {
            entries = view.snapshot();
        }
        final PrintWriter out = spec.commandLine().getOut();
        final Map<String, String> engine = fields(entries.getOrDefault("engine", ""));
        out.printf("engine        %s  inputs %s  last input %s  captured %s%n", engine.get("state"),
            engine.get("inputs"), engine.get("lastInputSequence"), capturedAt(engine.get("capturedWallMs")));
        out.printf("equity        %s  cash %s  realized %s  unrealized %s  daily %s  drawdown %s%n",
            money(engine.get("equity")), money(engine.get("cash")), money(engine.get("realizedPnl")),
            money(engine.get("unrealizedPnl")), money(engine.get("dailyPnl")), money(engine.get("drawdown")));
        out.printf("breakers      worst %s%n", engine.get("worstBreaker"));
        if (entries.containsKey("shadow"))
        {
            final Map<String, String> shadow = fields(entries.get("shadow"));
            final long decisions = Long.parseLong(shadow.get("decisions"));
            final long misaligned = Long.parseLong(shadow.get("misalignments"));
            final long quality = Long.parseLong(shadow.get("executionQualityPpm"));
            out.printf("shadow        decisions %d, misaligned %d (alignment %s); live orders finished %s, filled %s; " +
                "rolling execution quality %s%n", decisions, misaligned, decisions == 0 ? "n/a" :
                String.format(java.util.Locale.ROOT, "%.2f%%", 100.0 * (decisions - misaligned) / decisions),
                shadow.get("ordersFinished"), shadow.get("ordersFilled"), quality < 0 ? "n/a (window not full)" :
                String.format(java.util.Locale.ROOT, "%.2f%%", quality / 1e4));
        }

        out.printf("%n%-12s %20s %20s%n", "position", "quantity", "cost basis");
        entries.forEach((key, value) ->
        {
            if (key.startsWith("position/"))
            {
                final Map<String, String> f = fields(value);
                out.printf("%-12s %20s %20s%n", key.substring("position/".length()), quantity(f.get("quantity")),
                    money(f.get("costBasis")));
            }
        });

        out.printf("%n%-20s %-10s %-5s %-7s %-17s %18s %18s %14s %14s%n", "order", "instrument", "side", "type",
            "status", "quantity", "filled", "limit", "stop");
        int orders = 0;
        for (final Map.Entry<String, String> entry : entries.entrySet())
        {
            if (entry.getKey().startsWith("order/"))
            {
                final Map<String, String> f = fields(entry.getValue());
                out.printf("%-20s %-10s %-5s %-7s %-17s %18s %18s %14s %14s%n", entry.getKey().substring("order/".length()),
                    f.get("instrument"), f.get("side"), f.get("type"), f.get("status"), quantity(f.get("quantity")),
                    quantity(f.get("filled")), price(f.get("limitPrice")), price(f.get("stopPrice")));
                orders++;
            }
        }
        out.printf("%d working order%s shown of %s%n", orders, orders == 1 ? "" : "s", engine.get("workingOrders"));

        out.printf("%n%-20s %-10s %6s%n", "breaker", "state", "trips");
        entries.forEach((key, value) ->
        {
            if (key.startsWith("breaker/"))
            {
                final Map<String, String> f = fields(value);
                out.printf("%-20s %-10s %6s%n", key.substring("breaker/".length()), f.get("state"), f.get("trips"));
            }
        });
        out.flush();
        return 0;
    }

    /** @return the {@code name=value} pairs of a state-view value, in order. */
    static Map<String, String> fields(final String value)
    {
        final Map<String, String> fields = new LinkedHashMap<>();
        for (final String pair : value.trim().split(" +"))
        {
            final int equals = pair.indexOf('=');
            if (equals > 0)
            {
                fields.put(pair.substring(0, equals), pair.substring(equals + 1));
            }
        }
        return fields;
    }

    private static String money(final String mantissa)
    {
        return mantissa == null ? "?" : Fixed.format(Long.parseLong(mantissa), Fixed.PRICE_DECIMALS);
    }

    private static String price(final String mantissa)
    {
        return mantissa == null || "0".equals(mantissa) ? "-" : money(mantissa);
    }

    private static String quantity(final String mantissa)
    {
        return mantissa == null ? "?" : Fixed.format(Long.parseLong(mantissa), Fixed.QUANTITY_DECIMALS);
    }

    private static String capturedAt(final String wallMs)
    {
        return wallMs == null || "0".equals(wallMs) ? "never" :
            java.time.Instant.ofEpochMilli(Long.parseLong(wallMs)).toString();
    }
}
