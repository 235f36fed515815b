package io.ringwall.tools.backtest;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** JSON, text and picture of the hand-worked session of {@link BacktestAnalyzerTest}. */
class BacktestOutputsTest
{
    private static final byte[] PNG_MAGIC = {(byte)0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @TempDir
    static Path dir;
    static BacktestAnalysis analysis;

    @BeforeAll
    static void analyseTheWorkedSession()
    {
        System.setProperty("java.awt.headless", "true");
        BacktestAnalyzerTest.writeWorkedSession(dir.resolve("worked"));
        analysis = new BacktestAnalyzer().analyze(dir.resolve("worked"), ProgressListener.NONE);
    }

    @Test
    void theJsonHasFixedOrderExactMoneyAndRoundedRatios()
    {
        final String json = new String(BacktestReportJson.toBytes(analysis.report()), StandardCharsets.UTF_8);
        assertThat(json).isEqualTo("""
            {
              "attention" : [ ],
              "strategies" : [ ],
              "period" : {
                "start" : "2024-01-01T00:00:00Z",
                "end" : "2024-01-04T08:00:00Z",
                "inputs" : 9,
                "elapsedDays" : 3.3333333333
              },
              "returns" : {
                "initialEquity" : 10000,
                "finalEquity" : 10047.9,
                "totalReturn" : 0.00479,
                "annualisedReturn" : 0.6881127685,
                "periodsPerYear" : 365,
                "dailyPeriods" : 4,
                "sharpe" : 1.5919568093,
                "sortino" : 2.4729880238,
                "periodReturns" : [
                  0.0099,
                  -0.0198534508,
                  0,
                  0.0150931959
                ]
              },
              "drawdown" : {
                "maxFraction" : 0.0198534508,
                "maxMoney" : 200.5
              },
              "trading" : {
                "fills" : 3,
                "closingFills" : 2,
                "winningClosingFills" : 1,
                "winRate" : 0.5,
                "tradedNotional" : 2050,
                "turnover" : 0.2051406353,
                "fees" : 2.1,
                "costBps" : 10.243902439,
                "realizedPnl" : 50
              },
              "orders" : {
                "sent" : 4,
                "orderedQuantity" : 26,
                "filledQuantity" : 20,
                "fillRate" : 0.7692307692,
                "venueRejects" : 1,
                "cancels" : 1
              }
            }
            """);
    }

    @Test
    void twoAnalysesOfTheSameJournalGiveByteIdenticalJson()
    {
        final Path copy = dir.resolve("again");
        BacktestAnalyzerTest.writeWorkedSession(copy);
        final Path first = dir.resolve("first.json");
        final Path second = dir.resolve("second.json");

        BacktestReportJson.write(analysis.report(), first);
        BacktestReportJson.write(new BacktestAnalyzer().analyze(copy, ProgressListener.NONE).report(), second);

        assertThat(first).hasSameBinaryContentAs(second);
    }

    @Test
    void undefinedFiguresAreWrittenAsJsonNull()
    {
        final BacktestReport empty = new BacktestReport(List.of("x"), null, null, 0, 0, 100, 100, 0.0, null, 365, 0,
            null, null, 0, 0, 0, 0, 0, null, 0, null, 0, null, 0, 0, 0, 0, null, 0, 0, List.of(), new double[0]);
        final String json = new String(BacktestReportJson.toBytes(empty), StandardCharsets.UTF_8);
        assertThat(json).contains("\"start\" : null", "\"sharpe\" : null", "\"winRate\" : null", "\"totalReturn\" : 0,",
            "\"initialEquity\" : 0.01,", "\"periodReturns\" : [ ]");
    }

    @Test
    void ratiosAreRoundedHalfEvenOnTheExactBinaryValue()
    {
        assertThat(BacktestReportJson.decimal(1.0 / 3)).isEqualTo("0.3333333333");
        assertThat(BacktestReportJson.decimal(-2.5)).isEqualTo("-2.5");
        assertThat(BacktestReportJson.decimal(-0.0)).isEqualTo("0");
        assertThat(BacktestReportJson.decimal(1e-12)).isEqualTo("0");
        assertThat(BacktestReportJson.decimal(12345678.0)).isEqualTo("12345678");
    }

    @Test
    void theTextIsAnAlignedTableWithUnits()
    {
        final String text = BacktestReportText.render(analysis.report());
        assertThat(text).startsWith("Backtest report: (no strategy)\n");
        assertThat(text).containsPattern("\n  Final equity +10,047\\.90  quote ccy\n")
            .containsPattern("\n  Total return +0\\.48  %\n")
            .containsPattern("\n  Sharpe \\(daily, annualised\\) +1\\.592  sqrt\\(365\\)\n")
            .containsPattern("\n  Max drawdown +1\\.99  %\n")
            .containsPattern("\n  Max drawdown +200\\.50  quote ccy\n")
            .containsPattern("\n  Win rate +50\\.00  %\n")
            .containsPattern("\n  Costs +10\\.24  bps\n")
            .containsPattern("\n  Ordered quantity +26  base units\n")
            .containsPattern("\n  Fill rate +76\\.92  %\n");
        // every value ends in the same column, the one before the units
        final List<String> rows = text.lines().filter(l -> l.startsWith("  ")).toList();
        final int valueEnd = rows.get(0).indexOf("  UTC");
        assertThat(rows).hasSize(27).allSatisfy(row ->
        {
            assertThat(row.length()).isGreaterThanOrEqualTo(valueEnd);
            assertThat(row.charAt(valueEnd - 1)).isNotEqualTo(' ');
            assertThat(row.length() == valueEnd || row.charAt(valueEnd) == ' ').isTrue();
        });
    }

    @Test
    void thePictureIsAPngFile() throws Exception
    {
        final Path png = dir.resolve("equity.png");

        EquityChart.writePng(analysis, png);

        final byte[] bytes = Files.readAllBytes(png);
        assertThat(bytes.length).isGreaterThan(10_000);
        assertThat(java.util.Arrays.copyOf(bytes, PNG_MAGIC.length)).isEqualTo(PNG_MAGIC);
        final java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(EquityChart.DEFAULT_WIDTH);
        assertThat(image.getHeight()).isEqualTo(EquityChart.DEFAULT_HEIGHT);
    }

    @Test
    void theProgressBarDrawsOnItsStreamAndTheQuietOneDrawsNothing()
    {
        final ByteArrayOutputStream drawn = new ByteArrayOutputStream();
        final TerminalProgressBar bar = new TerminalProgressBar("Replaying journal",
            new PrintStream(drawn, true, StandardCharsets.UTF_8), 80);
        bar.progress(50, 200);
        bar.progress(200, 200);
        bar.finished();
        assertThat(drawn.toString(StandardCharsets.UTF_8)).contains("Replaying journal", "100%", "200/200");

        assertThat(TerminalProgressBar.forStderr(false)).isSameAs(ProgressListener.NONE);
        // surefire's forked JVM writes stderr to a pipe, never a terminal
        assertThat(TerminalProgressBar.forStderr(true)).isSameAs(ProgressListener.NONE);
    }
}
