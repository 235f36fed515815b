package io.ringwall.engine;

import java.nio.file.Path;
import java.util.List;

import io.ringwall.engine.marketdata.DataFiles;
import io.ringwall.engine.marketdata.MalformedLineReporter;
import io.ringwall.engine.marketdata.TradeCsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole engine (rings, threads, journals, simulated venue) run twice on the same recorded trades
 * with event time from the data produces byte-identical journals.
 */
class EngineDeterminismTest
{
    @TempDir
    Path dir;

    @Test
    void twoRunsOnTheRealBitstampTradesWriteByteIdenticalJournals()
    {
        final RunSummary first = run(dir.resolve("first"));
        final RunSummary second = run(dir.resolve("second"));
        assertThat(first.failure()).isNull();
        assertThat(first.counters().ordersSent).as("the strategies must trade for this to mean anything")
            .isGreaterThan(100);
        assertThat(first.counters().fills).isEqualTo(first.counters().ordersSent);

        final List<JournalDump.Entry> outFirst = JournalDump.outputs(dir.resolve("first"));
        final List<JournalDump.Entry> outSecond = JournalDump.outputs(dir.resolve("second"));
        assertThat(outFirst).hasSize((int)first.counters().ordersSent);
        assertThat(outSecond).isEqualTo(outFirst);
        assertThat(JournalDump.inputs(dir.resolve("second"))).isEqualTo(JournalDump.inputs(dir.resolve("first")));
        assertThat(second.realizedPnl()).isEqualTo(first.realizedPnl());
        assertThat(second.equity()).isEqualTo(first.equity());
    }

    private static RunSummary run(final Path journal)
    {
        try (Engine engine = new Engine(EngineFixtures.recorded(journal, EngineFixtures.MA, EngineFixtures.MEAN_REVERSION)))
        {
            return engine.run(new TradeCsvSource(DataFiles.BITSTAMP_TRADES, 0, new MalformedLineReporter(line -> { }, 0)));
        }
    }
}
