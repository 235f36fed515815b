package io.ringwall.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.ringwall.codecs.BarDecoder;
import io.ringwall.codecs.MessageHeaderDecoder;
import io.ringwall.codecs.QuoteDecoder;
import io.ringwall.codecs.TradeDecoder;
import io.ringwall.engine.JournalDump;
import io.ringwall.engine.marketdata.itch.ItchCaptureWriter;
import io.ringwall.engine.marketdata.itch.ItchSessions;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.ringwall.tools.BarsOutOfTheBoxTest.execute;
import static io.ringwall.tools.ItchRunTest.inputs;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ringwall run --bars DURATION}: the engine gets time bars built from the feed's trades in place of the
 * trades, from a CSV or an ITCH feed, journaled and replayed byte for byte.
 */
class TimeBarsRunTest
{
    @TempDir
    Path dir;

    @Test
    void csvTradesBecomeTheHandComputedMinuteBars() throws IOException
    {
        // 1700000040 is a minute boundary (2023-11-14 22:14:00 UTC).
        final Path csv = Files.writeString(dir.resolve("trades.csv"), String.join("\n",
            "timestamp,price,amount",
            "1700000041,100.5,1",
            "1700000050,101.25,0.5",
            "1700000099,99.75,2",
            "1700000100,100,1",
            "1700000170,102,3", ""));
        final Path session = dir.resolve("csv");

        final BarsOutOfTheBoxTest.Run run = execute("run", "--data", csv.toString(), "--bars", "60s",
            "--journal", session.toString());

        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(inputs(session, TradeDecoder.TEMPLATE_ID)).isZero();
        final long minute = 60_000_000_000L;
        final long t0 = 1_700_000_040_000_000_000L;
        assertThat(bars(session)).containsExactly(
            "1005000 1012500 997500 997500 350000000 " + t0 + " " + minute,
            "1000000 1000000 1000000 1000000 100000000 " + (t0 + minute) + " " + minute,
            "1020000 1020000 1020000 1020000 300000000 " + (t0 + 2 * minute) + " " + minute);
        final BarsOutOfTheBoxTest.Run replay = execute("replay", "--journal", session.toString(), "--verify");
        assertThat(replay.exit()).as(replay.out() + replay.err()).isZero();
    }

    @Test
    void anItchBooksPrintsBecomeBarsAndItsQuotesStillFlow() throws IOException
    {
        final Path file = Files.write(dir.resolve("s.itch"), ItchCaptureWriter.binaryFile(
            ItchSessions.session("AAPL", 150, false)));
        final Path session = dir.resolve("itch");

        final BarsOutOfTheBoxTest.Run run = execute("run", "--format", "itch-file", "--data", file.toString(),
            "--symbols", "AAPL", "--session-date", "2026-12-07", "--bars", "10s", "--strategy",
            "ma-crossover:symbol=AAPL,fast=2,slow=4,qty=10", "--journal", session.toString());

        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(inputs(session, TradeDecoder.TEMPLATE_ID)).isZero();
        assertThat(inputs(session, QuoteDecoder.TEMPLATE_ID)).isEqualTo(3 * 150);
        // 150 prints a second apart from 10:00:00: 15 bars of 10 s; the first covers steps 0-9, prices rising from
        // 150.00 (prints at the offer, +0.01), 200 shares each.
        final List<String> bars = bars(session);
        assertThat(bars).hasSize(15);
        assertThat(bars.get(0)).startsWith("1500100 1509100 1500100 1509100 " + 10 * 200 * 100_000_000L + " ");
        final BarsOutOfTheBoxTest.Run replay = execute("replay", "--journal", session.toString(), "--verify");
        assertThat(replay.exit()).as(replay.out() + replay.err()).isZero();
    }

    private static List<String> bars(final Path session)
    {
        final BarDecoder bar = new BarDecoder();
        return JournalDump.inputs(session).stream().filter(e -> e.templateId() == BarDecoder.TEMPLATE_ID)
            .map(e ->
            {
                bar.wrapAndApplyHeader(new UnsafeBuffer(e.frame()), 0, new MessageHeaderDecoder());
                return bar.openPrice() + " " + bar.highPrice() + " " + bar.lowPrice() + " " + bar.closePrice() + " " +
                    bar.volume() + " " + bar.startTimeNs() + " " + bar.durationNs();
            }).toList();
    }
}
