package io.ringwall.engine.marketdata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The market-data CSV adapters on arbitrary file contents (the fuzzer's bytes, written as the file): a run
 * always ends with its {@link SourceStats}, every line is either delivered, skipped (blank, header) or refused
 * through the {@link MalformedLineReporter}, and whatever is delivered obeys the adapter's documented rules.
 * Any exception out of {@code run} is a finding. Seeds: {@code CsvSourceFuzzTestInputs/<method>/}.
 */
class CsvSourceFuzzTest
{
    private static final long DAY_NS = 86_400_000_000_000L;
    private static Path dir;

    @BeforeAll
    static void createDirectory() throws IOException
    {
        dir = Files.createTempDirectory("csv-fuzz");
    }

    @AfterAll
    static void deleteDirectory() throws IOException
    {
        try (var files = Files.list(dir))
        {
            for (final Path file : files.toList())
            {
                Files.delete(file);
            }
        }
        Files.delete(dir);
    }

    @FuzzTest
    void trades(final FuzzedDataProvider data) throws IOException
    {
        final byte[] bytes = data.consumeRemainingAsBytes();
        final Path file = write("trades.csv", bytes);
        final List<long[]> trades = new ArrayList<>();
        final MalformedLineReporter reporter = new MalformedLineReporter();

        final SourceStats stats = new TradeCsvSource(file.toString(), 7, reporter).run(new MarketDataSink()
        {
            @Override
            public void trade(final int instrumentId, final long tradeId, final long price, final long quantity,
                final long exchangeTimeNs)
            {
                assertThat(instrumentId).isEqualTo(7);
                trades.add(new long[] {tradeId, price, quantity, exchangeTimeNs});
            }

            @Override
            public void bar(final int instrumentId, final long open, final long high, final long low,
                final long close, final long volume, final long startTimeNs, final long durationNs)
            {
                throw new AssertionError("a trades file delivered a bar");
            }
        });

        final List<String> lines = lines(bytes);
        assertThat(stats.lines()).isEqualTo(lines.size());
        assertThat(stats.events()).isEqualTo(trades.size());
        assertThat(stats.malformed()).isEqualTo(reporter.count());
        assertThat(stats.events() + stats.malformed() + skipped(lines, TradeCsvSource.HEADER)).isEqualTo(lines.size());
        if (stats.malformed() > 0)
        {
            assertThat(reporter.summary(stats.events() + stats.malformed())).contains(" data lines of " + file + " ");
        }
        long lastTime = 0;
        for (int i = 0; i < trades.size(); i++)
        {
            final long[] trade = trades.get(i);
            assertThat(trade[0]).isEqualTo(i + 1);
            assertThat(trade[1]).isPositive();
            assertThat(trade[2]).isPositive();
            assertThat(trade[3]).isBetween(0L, 9_000_000_000L * 1_000_000_000L).isGreaterThanOrEqualTo(lastTime);
            assertThat(trade[3] % 1_000_000_000L).isZero();
            lastTime = trade[3];
        }
    }

    @FuzzTest
    void bars(final FuzzedDataProvider data) throws IOException
    {
        final byte[] bytes = data.consumeRemainingAsBytes();
        final Path file = write("bars.csv", bytes);
        final List<long[]> bars = new ArrayList<>();
        final MalformedLineReporter reporter = new MalformedLineReporter();

        final SourceStats stats = new BarCsvSource(file.toString(), 3, reporter).run(new MarketDataSink()
        {
            @Override
            public void trade(final int instrumentId, final long tradeId, final long price, final long quantity,
                final long exchangeTimeNs)
            {
                throw new AssertionError("a bars file delivered a trade");
            }

            @Override
            public void bar(final int instrumentId, final long open, final long high, final long low,
                final long close, final long volume, final long startTimeNs, final long durationNs)
            {
                assertThat(instrumentId).isEqualTo(3);
                bars.add(new long[] {open, high, low, close, volume, startTimeNs, durationNs});
            }
        });

        final List<String> lines = lines(bytes);
        assertThat(stats.lines()).isEqualTo(lines.size());
        assertThat(stats.events()).isEqualTo(bars.size());
        assertThat(stats.malformed()).isEqualTo(reporter.count());
        assertThat(stats.events() + stats.malformed() + skipped(lines, BarCsvSource.HEADER)).isEqualTo(lines.size());
        // A bar's stamp is its date's UTC midnight: the date must be one that some line of the file wrote (fields
        // are trimmed of every character up to ' ', as String.trim does).
        final Set<LocalDate> dates = new HashSet<>();
        for (final String line : lines)
        {
            try
            {
                dates.add(LocalDate.parse(line.split(",", -1)[0].trim()));
            }
            catch (final DateTimeParseException ignored)
            {
                // not a date: no bar can come from this line
            }
        }
        long lastStart = Long.MIN_VALUE;
        for (final long[] bar : bars)
        {
            final long open = bar[0];
            final long high = bar[1];
            final long low = bar[2];
            final long close = bar[3];
            assertThat(low).isPositive().isLessThanOrEqualTo(Math.min(open, close));
            assertThat(high).isGreaterThanOrEqualTo(Math.max(open, close));
            assertThat(bar[4]).isNotNegative();
            assertThat(bar[6]).isEqualTo(DAY_NS);
            assertThat(bar[5]).isGreaterThan(lastStart);
            assertThat(Math.floorMod(bar[5], DAY_NS)).isZero();
            assertThat(dates).contains(LocalDate.ofEpochDay(Math.floorDiv(bar[5], DAY_NS)));
            lastStart = bar[5];
        }
    }

    private static Path write(final String name, final byte[] bytes)
    {
        final Path file = dir.resolve(name);
        try
        {
            Files.write(file, bytes);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        return file;
    }

    /** The file's lines as BufferedReader splits them (\n, \r or \r\n), undecodable bytes as U+FFFD. */
    private static List<String> lines(final byte[] bytes)
    {
        return new String(bytes, StandardCharsets.UTF_8).lines().toList();
    }

    private static long skipped(final List<String> lines, final String header)
    {
        long skipped = 0;
        for (int i = 0; i < lines.size(); i++)
        {
            final String line = lines.get(i);
            if (line.isBlank() || (i == 0 && line.trim().equalsIgnoreCase(header)))
            {
                skipped++;
            }
        }
        return skipped;
    }
}
