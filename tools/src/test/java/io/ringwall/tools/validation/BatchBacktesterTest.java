package io.ringwall.tools.validation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.ringwall.engine.Backtest;
import io.ringwall.engine.RunSummary;
import io.ringwall.engine.logic.LogicConfig;
import io.ringwall.tools.backtest.BacktestAnalyzer;
import io.ringwall.tools.backtest.BacktestReport;
import io.ringwall.tools.backtest.BacktestReportJson;
import io.ringwall.tools.backtest.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BatchBacktesterTest
{
    private static final RecordedMarketData DAY = ValidationData.firstHours(30);
    private static final String MA = "ma-crossover:symbol=BTCUSD,fast=20,slow=100,qty=0.5";

    @Test
    void anInMemoryRunReportsWhatTheJournaledBacktestReports(@TempDir final Path dir)
    {
        final LogicConfig config = ValidationData.config(MA);
        final RunSummary journaled;
        try (Backtest backtest = new Backtest(dir.resolve("session"), config, 60_000_000_000L))
        {
            journaled = backtest.run(DAY.all());
        }
        final BacktestReport fromJournal = new BacktestAnalyzer().analyze(dir.resolve("session"), ProgressListener.NONE)
            .report();

        final BacktestReport inMemory = new BatchBacktester(1, 60_000_000_000L, Durations.DAY_NS, 365)
            .runOne(new BatchBacktester.Job("one", config, DAY.all()));

        assertThat(journaled.failure()).isNull();
        assertThat(inMemory.fills()).isPositive();
        assertThat(BacktestReportJson.toBytes(inMemory)).isEqualTo(BacktestReportJson.toBytes(fromJournal));
    }

    @Test
    void reportsComeBackInTheJobsOrderWhateverTheThreadCount()
    {
        final List<BatchBacktester.Job> jobs = new ArrayList<>();
        for (final int slow : new int[] {60, 100, 150, 200, 300})
        {
            jobs.add(new BatchBacktester.Job("slow " + slow,
                ValidationData.config("ma-crossover:symbol=BTCUSD,fast=20,slow=" + slow + ",qty=0.5"), DAY.all()));
        }
        final List<BacktestReport> oneThread = new BatchBacktester(1, 60_000_000_000L, ValidationData.HOUR_NS, 8760)
            .run(jobs, BatchBacktester.Progress.NONE);
        final List<Integer> seen = new ArrayList<>();
        final List<BacktestReport> threeThreads = new BatchBacktester(3, 60_000_000_000L, ValidationData.HOUR_NS, 8760)
            .run(jobs, (done, total) -> seen.add(done));

        assertThat(seen).containsExactly(1, 2, 3, 4, 5);
        for (int i = 0; i < jobs.size(); i++)
        {
            assertThat(threeThreads.get(i).strategies()).isEqualTo(oneThread.get(i).strategies());
            assertThat(BacktestReportJson.toBytes(threeThreads.get(i))).isEqualTo(BacktestReportJson.toBytes(oneThread.get(i)));
        }
        // different parameters trade differently: the comparison above compares distinct runs
        assertThat(oneThread.get(0).fills()).isNotEqualTo(oneThread.get(4).fills());
    }

    @Test
    void aFailedJobIsNamed()
    {
        final BatchBacktester.Job bad = new BatchBacktester.Job("the bad one",
            ValidationData.config("no-such-strategy:symbol=BTCUSD"), DAY.all());

        assertThatThrownBy(() -> new BatchBacktester(2, 0, Durations.DAY_NS, 365)
            .run(List.of(bad), BatchBacktester.Progress.NONE)).hasMessageContaining("the bad one");
    }
}
