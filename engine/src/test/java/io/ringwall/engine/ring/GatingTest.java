package io.ringwall.engine.ring;

import java.nio.file.Path;

import io.ringwall.engine.Engine;
import io.ringwall.engine.EngineFixtures;
import io.ringwall.engine.RunSummary;
import io.ringwall.engine.marketdata.SyntheticTradeSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The logic thread never handles an input that is not yet in journal "in": checked for every trade
 * of a free-running (not lock-step) session, where the producer races ahead of the journal.
 */
class GatingTest
{
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(StageThreading.class)
    void everyTradeTheLogicSeesIsAlreadyJournaled(final StageThreading threading)
    {
        runProbed(threading, JournalBatching.DEFAULTS);
    }

    /** Documents of a few records close inside ring batches and release them early (dedicated threading). */
    @ParameterizedTest
    @EnumSource(StageThreading.class)
    void everyTradeTheLogicSeesIsAlreadyJournaledWhenDocumentsCloseInsideABatch(final StageThreading threading)
    {
        runProbed(threading, new JournalBatching(200, 0));
    }

    private void runProbed(final StageThreading threading, final JournalBatching batching)
    {
        GatingProbe.CHECKS.set(0);
        GatingProbe.VIOLATIONS.set(0);
        final long trades = 50_000;
        final RunSummary summary;
        try (Engine engine = new Engine(EngineFixtures.freeRunning(dir, threading, batching,
            GatingProbe.class.getName() + ":dir=" + dir, EngineFixtures.MA)))
        {
            summary = engine.run(new SyntheticTradeSource(0, trades, 1, 1_700_000_000_000_000_000L, 1_000_000));
        }
        assertThat(summary.failure()).isNull();
        assertThat(GatingProbe.CHECKS.get()).isEqualTo(trades);
        assertThat(GatingProbe.VIOLATIONS.get()).isZero();
    }
}
