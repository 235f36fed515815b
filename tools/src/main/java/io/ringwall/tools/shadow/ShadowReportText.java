package io.ringwall.tools.shadow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.ringwall.engine.Fixed;
import io.ringwall.tools.SessionSymbols;

/** The shadow report as text, one figure per line, then every misalignment with its time and reason. */
public final class ShadowReportText
{
    private ShadowReportText()
    {
    }

    public static List<String> lines(final ShadowReport r, final SessionSymbols symbols)
    {
        final List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "decisions %d, aligned %d, misaligned %d: alignment %s", r.decisions(),
            r.aligned(), r.misalignments().size(), percent(r.alignment())));
        lines.add(String.format(Locale.ROOT, "live orders finished %d: filled %d, partial %d, not filled %d: " +
            "execution quality %s", r.executions(), r.filled(), r.partial(), r.notFilled(),
            percent(r.executionQuality())));
        lines.add(String.format(Locale.ROOT, "slippage vs model, bps (%d orders): average %s, %s", r.slippageBps().length,
            number(r.averageSlippageBps()), percentiles(r.slippageBps())));
        lines.add(String.format(Locale.ROOT, "send -> ack, ms (%d orders): %s", r.ackLatencyMs().length,
            percentiles(r.ackLatencyMs())));
        lines.add(String.format(Locale.ROOT, "send -> fill, ms (%d orders): %s", r.fillLatencyMs().length,
            percentiles(r.fillLatencyMs())));
        lines.add("misalignments (" + r.misalignments().size() + "):" + (r.misalignments().isEmpty() ? " none" : ""));
        for (final ShadowReport.Misalignment m : r.misalignments())
        {
            lines.add(String.format(Locale.ROOT, "  %s out %d (input %d) strategy %d %s: live %s twin %s, %s " +
                "(%s apart), %d in a row", Instant.ofEpochSecond(0, m.timeNs()), m.outputSequence(),
                m.causeSequence(), m.strategyId(), symbols.name(m.instrumentId()),
                Fixed.format(m.liveTarget(), Fixed.QUANTITY_DECIMALS), Fixed.format(m.twinTarget(),
                    Fixed.QUANTITY_DECIMALS), m.verdict(), percent(m.differencePpm() / 1e6), m.misalignmentsInRow()));
        }
        return lines;
    }

    static String percentiles(final double[] values)
    {
        final StringBuilder text = new StringBuilder();
        for (final double p : ShadowReport.PERCENTILES)
        {
            text.append(text.length() == 0 ? "" : ", ").append(p == 100 ? "max" : "p" + (int)p).append(' ')
                .append(number(ShadowReport.percentile(values, p)));
        }
        return text.toString();
    }

    static String percent(final double fraction)
    {
        return Double.isNaN(fraction) ? "n/a" : String.format(Locale.ROOT, "%.2f%%", fraction * 100);
    }

    static String number(final double value)
    {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.3f", value);
    }
}
