package io.ringwall.tools.backtest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.ringwall.codecs.MessageHeaderDecoder;
import io.ringwall.codecs.NewOrderDecoder;
import io.ringwall.codecs.OrderFilledDecoder;
import io.ringwall.engine.Engine;
import io.ringwall.engine.EngineFixtures;
import io.ringwall.engine.JournalDump;
import io.ringwall.engine.RunSummary;
import io.ringwall.engine.marketdata.DataFiles;
import io.ringwall.engine.marketdata.MalformedLineReporter;
import io.ringwall.engine.marketdata.TradeCsvSource;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine runs the moving-average strategy on the bundled Bitstamp trades; the report computed from
 * the session's journal agrees with the journal's frames and with the engine's own run summary.
 */
class BacktestOnRealTradesTest
{
    @TempDir
    static Path dir;
    static Path session;
    static RunSummary summary;
    static BacktestAnalysis analysis;

    @BeforeAll
    static void runTheEngineAndAnalyseItsJournal()
    {
        System.setProperty("java.awt.headless", "true");
        session = dir.resolve("session");
        try (Engine engine = new Engine(EngineFixtures.recorded(session, EngineFixtures.MA)))
        {
            summary = engine.run(new TradeCsvSource(DataFiles.BITSTAMP_TRADES, 0, new MalformedLineReporter()));
        }
        assertThat(summary.failure()).isNull();
        analysis = new BacktestAnalyzer().analyze(session, ProgressListener.NONE);
    }

    @Test
    void fillsAndOrdersEqualTheFramesInTheJournals()
    {
        final List<JournalDump.Entry> fills = JournalDump.inputs(session).stream()
            .filter(e -> e.templateId() == OrderFilledDecoder.TEMPLATE_ID).toList();
        final List<JournalDump.Entry> orders = JournalDump.outputs(session).stream()
            .filter(e -> e.templateId() == NewOrderDecoder.TEMPLATE_ID).toList();
        final long filledQuantity = fills.stream().mapToLong(e -> new OrderFilledDecoder()
            .wrapAndApplyHeader(new UnsafeBuffer(e.frame()), 0, new MessageHeaderDecoder()).lastQuantity()).sum();

        final BacktestReport report = analysis.report();

        assertThat(fills).hasSizeGreaterThan(10);
        assertThat(report.fills()).isEqualTo(fills.size());
        assertThat(report.ordersSent()).isEqualTo(orders.size());
        assertThat(report.filledQuantity()).isEqualTo(filledQuantity);
        assertThat(report.inputs()).isEqualTo(summary.counters().inputs);
        assertThat(analysis.equity().size()).isEqualTo(summary.counters().inputs);
    }

    @Test
    void theReplayedPortfolioEndsWhereTheRunEnded()
    {
        final BacktestReport report = analysis.report();

        assertThat(report.initialEquityMoney()).isEqualTo(summary.initialCash());
        assertThat(report.finalEquityMoney()).isEqualTo(summary.equity());
        assertThat(report.feesMoney()).isEqualTo(summary.fees());
        assertThat(report.realizedPnlMoney()).isEqualTo(summary.realizedPnl());
        assertThat(report.closingFills()).isPositive().isLessThanOrEqualTo(report.fills());
        assertThat(report.dailyPeriods()).isGreaterThan(1);
        assertThat(report.maxDrawdownFraction()).isBetween(0.0, 1.0);
        assertThat(report.fillRate()).isBetween(0.0, 1.0);
    }

    @Test
    void theReportIsReproducibleAndItsPictureIsDrawn() throws Exception
    {
        final byte[] again = BacktestReportJson.toBytes(new BacktestAnalyzer().analyze(session, ProgressListener.NONE)
            .report());
        assertThat(BacktestReportJson.toBytes(analysis.report())).isEqualTo(again);

        final Path png = dir.resolve("equity.png");
        EquityChart.writePng(analysis, png);
        assertThat(Files.size(png)).isGreaterThan(10_000);
        assertThat(BacktestReportText.render(analysis.report())).contains(EngineFixtures.MA);
    }
}
