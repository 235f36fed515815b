package io.ringwall.engine.marketdata;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BarJsonSourceTest
{
    private static final long MINUTE_NS = 60_000_000_000L;

    @TempDir
    Path dir;

    private final MalformedLineReporter reporter = new MalformedLineReporter();

    @Test
    void theBundledEthFiveMinuteBarsReadStampedAtTheirCloseWithExactPrices()
    {
        final CsvAdaptersTest.Recording bars = new CsvAdaptersTest.Recording();
        final SourceStats stats = new BarJsonSource(DataFiles.ETH_BARS, 4, reporter).run(bars);
        assertThat(stats.events()).isEqualTo(580);
        assertThat(stats.malformed()).isZero();
        // endTime 1678730699999 (18:04:59.999 UTC) closes at 18:05:00; it opened 5 minutes before.
        assertThat(bars.events.get(0)).isEqualTo("B 16735800 16776200 16724400 16729900 6530330000 " +
            (1_678_730_700_000_000_000L - 5 * MINUTE_NS));
    }

    @Test
    void theIntervalOfDailyAndFiveMinuteBarsIsDetected()
    {
        final BarIntervalDetector eth = new BarIntervalDetector();
        new BarJsonSource(DataFiles.ETH_BARS, 0, reporter).run(eth);
        assertThat(eth.intervalNs()).isEqualTo(5 * MINUTE_NS);
        // Apple's daily bars are 1, 3 (weekends) and 4 (holidays) days apart: the interval is the day.
        final BarIntervalDetector apple = new BarIntervalDetector();
        new BarCsvSource(DataFiles.APPLE_BARS, 0, reporter).run(apple);
        assertThat(apple.intervalNs()).isEqualTo(24 * 60 * MINUTE_NS);
        assertThat(new BarIntervalDetector().intervalNs()).isZero();
    }

    @Test
    void badBarsAreReportedByLineCountedAndSkipped() throws IOException
    {
        final Path file = dir.resolve("bars.json");
        Files.writeString(file, """
            {"name": "X_PT1M@Y", "ohlc": [
              {"endTime": 59999, "openPrice": 10, "highPrice": 11, "lowPrice": 9, "closePrice": 10.5, "volume": 1},
              {"endTime": 59999, "openPrice": 10, "highPrice": 11, "lowPrice": 9, "closePrice": 10.5, "volume": 1},
              {"endTime": 119999, "openPrice": -1, "highPrice": 11, "lowPrice": 9, "closePrice": 10, "volume": 1},
              {"endTime": 119999, "openPrice": 10, "highPrice": 11, "lowPrice": 9, "closePrice": 10},
              {"endTime": 119999, "openPrice": 10, "highPrice": 11, "lowPrice": 9, "closePrice": 10, "volume": 2}
            ]}
            """);
        final CsvAdaptersTest.Recording bars = new CsvAdaptersTest.Recording();
        final SourceStats stats = new BarJsonSource(file.toString(), 0, reporter).run(bars);
        assertThat(stats.events()).isEqualTo(2);
        assertThat(stats.malformed()).isEqualTo(3);
        assertThat(reporter.summary(5)).contains("line 3: endTime does not increase", "line 4: price '-1'",
            "line 5: volume 'null' is not a non-negative decimal");
        assertThat(bars.events.get(1)).endsWith(" " + MINUTE_NS);
    }

    @Test
    void aFileThatIsNotJsonBarsIsOneClearError() throws IOException
    {
        final Path file = dir.resolve("broken.json");
        Files.writeString(file, "{\"ohlc\": [ {\"endTime\": 1,, ]");
        assertThatThrownBy(() -> new BarJsonSource(file.toString(), 0, reporter).run(MarketDataSink.DISCARD))
            .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(file + ": not JSON");
        Files.writeString(file, "{\"name\": \"x\"}");
        assertThatThrownBy(() -> new BarJsonSource(file.toString(), 0, reporter).run(MarketDataSink.DISCARD))
            .isInstanceOf(IllegalArgumentException.class).hasMessage(file + ": no \"ohlc\" list of bars");
    }
}
