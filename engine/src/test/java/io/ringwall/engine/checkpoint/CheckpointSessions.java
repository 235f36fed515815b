package io.ringwall.engine.checkpoint;

import java.nio.file.Path;
import java.util.List;

import io.ringwall.engine.Engine;
import io.ringwall.engine.EngineConfig;
import io.ringwall.engine.RunSummary;
import io.ringwall.engine.logic.BusinessLogic;
import io.ringwall.engine.logic.LogicConfig;
import io.ringwall.engine.marketdata.SyntheticTradeSource;
import io.ringwall.engine.ring.ClockMode;
import io.ringwall.engine.ring.RingConfig;
import io.ringwall.engine.ring.WaitMode;
import io.ringwall.journal.JournalDirectory;

/**
 * Sessions for the checkpoint tests: synthetic trades one second apart, a moving-average crossover and a
 * strategy that keeps resting limit orders, event time from the data and lock-step venue answers.
 */
final class CheckpointSessions
{
    static final String RESTING = RestingBuyer.class.getName() + ":every=40";
    static final String MA = "ma-crossover:symbol=BTCUSD,fast=5,slow=20,qty=0.5";
    static final CheckpointSettings EVERY_2000 = new CheckpointSettings(2_000, 0, 3, true, 30_000_000_000L);

    private CheckpointSessions()
    {
    }

    static EngineConfig config(final Path dir)
    {
        return new EngineConfig(dir,
            LogicConfig.unrestricted(List.of("BTCUSD"), List.of(MA, RESTING), LogicConfig.DEFAULT_INITIAL_CASH, 1024),
            RingConfig.ofSize(1 << 12, WaitMode.YIELDING), ClockMode.DATA, true,
            60_000_000_000L, 0);
    }

    static SyntheticTradeSource trades(final long count)
    {
        return new SyntheticTradeSource(0, count, 7, 1_700_000_000_000_000_000L, 1_000_000_000L);
    }

    /** Runs a new session, or resumes one, over {@code trades} trades to their end. */
    static RunSummary run(final Path dir, final long trades, final boolean resume, final RecoveryReport[] report)
    {
        try (Engine engine = new Engine(config(dir), EVERY_2000, resume))
        {
            if (report != null)
            {
                report[0] = engine.recoveryReport();
            }
            return engine.run(trades(trades));
        }
    }

    /** @return the digest of the whole journal replayed from the first input (outputs checked). */
    static Recovery.Result fromScratch(final Path dir)
    {
        try (JournalDirectory journals = JournalDirectory.openExisting(dir))
        {
            final LogicConfig logic = config(dir).logic();
            return Recovery.replayFromScratch(journals, sink -> BusinessLogic.create(logic, sink), Long.MAX_VALUE);
        }
    }
}
