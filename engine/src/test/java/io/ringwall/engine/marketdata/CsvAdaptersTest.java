package io.ringwall.engine.marketdata;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class CsvAdaptersTest
{
    /** Collects what an adapter delivers. */
    static final class Recording implements MarketDataSink
    {
        final List<String> events = new ArrayList<>();

        @Override
        public void trade(final int instrumentId, final long tradeId, final long price, final long quantity,
            final long exchangeTimeNs)
        {
            events.add("T " + instrumentId + " " + tradeId + " " + price + " " + quantity + " " + exchangeTimeNs);
        }

        @Override
        public void bar(final int instrumentId, final long open, final long high, final long low, final long close,
            final long volume, final long startTimeNs, final long durationNs)
        {
            events.add("B " + open + " " + high + " " + low + " " + close + " " + volume + " " + startTimeNs);
        }
    }

    @TempDir
    Path dir;

    private final MalformedLineReporter reporter = new MalformedLineReporter();

    @Test
    void malformedTradeLinesAreReportedWithFileLineAndReasonCountedAndSkipped() throws IOException
    {
        final Path file = dir.resolve("trades.csv");
        Files.writeString(file, String.join("\n",
            "timestamp,price,amount",
            "1385337600,800.010000000000,0.100000000000",
            "1385337601,abc,0.1",
            "1385337602,800.5",
            "",
            "1385337603,-1,0.1",
            "1385337604,800.123456,0.1",
            "1385337599,800,0.1",
            "1385337605,801,0.000000000000",
            "1385337606,802.25,1.5"));
        final Recording sink = new Recording();

        final SourceStats stats = new TradeCsvSource(file.toString(), 0, reporter).run(sink);

        assertThat(sink.events).containsExactly(
            "T 0 1 8000100 10000000 1385337600000000000",
            "T 0 2 8022500 150000000 1385337606000000000");
        assertThat(stats.malformed()).isEqualTo(6).isEqualTo(reporter.count());
        assertThat(stats.lines()).isEqualTo(10);
        assertThat(reporter.firstLine()).isEqualTo(3);
        // one line: the count of the 8 data lines, then the first three with line number and why
        assertThat(reporter.summary(stats.events() + stats.malformed()))
            .startsWith("6 of 8 data lines of " + file + " malformed (75.000 %), counted and skipped: line 3: price 'abc'")
            .contains("; line 4: expected 3 fields")
            .contains("; line 6: price '-1'")
            .doesNotContain("line 7")
            .endsWith("; (the first 3)")
            .doesNotContain("\n");
    }

    @Test
    void barsAreStampedAtTheirCloseAndBadBarsRefused() throws IOException
    {
        final Path file = dir.resolve("bars.csv");
        Files.writeString(file, String.join("\n",
            "date,open,high,low,close,volume",
            "2013-01-02,553.82,555.00,541.63,549.03,20018500",
            "2013-01-03,547.88,540.00,541.00,542.10,12605900",
            "2013-13-04,536.97,538.63,525.83,527.00,21226200",
            "2013-01-02,536.97,538.63,525.83,527.00,21226200",
            "2013-01-07,522.00,529.30,515.20,523.90,17291300"));
        final Recording sink = new Recording();

        final SourceStats stats = new BarCsvSource(file.toString(), 0, reporter).run(sink);

        assertThat(sink.events).containsExactly(
            "B 5538200 5550000 5416300 5490300 2001850000000000 " + 15_707L * 86_400_000_000_000L,
            "B 5220000 5293000 5152000 5239000 1729130000000000 " + 15_712L * 86_400_000_000_000L);
        assertThat(stats.malformed()).isEqualTo(3);
        assertThat(reporter.summary(5)).contains("line 3: low/high do not bound")
            .contains("; line 4: date '2013-13-04'")
            .contains("; line 5: date does not increase")
            .doesNotContain("the first");
    }

    @Test
    void aLineThatIsNotUtf8IsRefusedAndTheReadingGoesOn() throws IOException
    {
        final Path file = dir.resolve("trades.csv");
        Files.write(file, "timestamp,price,amount\n1385337600,80\u00ff0,0.1\n1385337601,801,0.5\n"
            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        final Recording sink = new Recording();

        final SourceStats stats = new TradeCsvSource(file.toString(), 0, reporter).run(sink);

        assertThat(sink.events).containsExactly("T 0 1 8010000 50000000 1385337601000000000");
        assertThat(stats.malformed()).isEqualTo(1);
        assertThat(reporter.summary(2)).contains("line 2: price '80\ufffd0'");
    }

    @Test
    void aBarDateBeyondNanosecondTimestampsIsRefusedNotWrapped() throws IOException
    {
        final Path file = dir.resolve("bars.csv");
        Files.writeString(file, String.join("\n",
            "date,open,high,low,close,volume",
            "2262-04-10,1,1,1,1,1",
            "2262-04-11,1,1,1,1,1",
            "4026-01-03,1,1,1,1,1"));
        final Recording sink = new Recording();

        final SourceStats stats = new BarCsvSource(file.toString(), 0, reporter).run(sink);

        assertThat(sink.events).containsExactly("B 10000 10000 10000 10000 100000000 " + 106_750L * 86_400_000_000_000L);
        assertThat(stats.malformed()).isEqualTo(2);
        assertThat(reporter.summary(3)).contains("line 3: date '2262-04-11' is outside what nanosecond timestamps hold " +
            "(1677-09-22 to 2262-04-10)");
        assertThat(reporter.summary(3)).contains("line 4: date '4026-01-03' is outside");
    }

    @Test
    void theBundledRealDataReads()
    {
        final Recording trades = new Recording();
        final SourceStats tradeStats = new TradeCsvSource(DataFiles.BITSTAMP_TRADES, 0, reporter).run(trades);
        assertThat(tradeStats.lines()).isEqualTo(100_001);
        // 18 real trades of the file have amount 0: refused and reported, the rest delivered.
        assertThat(tradeStats.events() + tradeStats.malformed()).isEqualTo(100_000);
        assertThat(tradeStats.malformed()).isEqualTo(18);

        final SourceStats barStats = new BarCsvSource(DataFiles.APPLE_BARS, 0, reporter).run(new Recording());
        assertThat(barStats.events()).isEqualTo(252);
        assertThat(barStats.malformed()).isZero();
    }

    @Test
    void aMissingFileIsAClearError()
    {
        org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new TradeCsvSource(dir.resolve("nope.csv").toString(), 0, reporter).run(new Recording()))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("no data file at");
    }
}
