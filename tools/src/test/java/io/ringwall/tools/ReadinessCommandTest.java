package io.ringwall.tools;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.ringwall.engine.Backtest;
import io.ringwall.engine.logic.LogicConfig;
import io.ringwall.engine.market.MarketModel;
import io.ringwall.engine.marketdata.DataFiles;
import io.ringwall.engine.marketdata.MalformedLineReporter;
import io.ringwall.engine.marketdata.TradeCsvSource;
import io.ringwall.tools.backtest.BacktestAnalyzer;
import io.ringwall.tools.backtest.ProgressListener;
import io.ringwall.tools.readiness.ReadinessGates;
import io.ringwall.tools.validation.RecordedMarketData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ringwall readiness} on crafted reports and a real (short) session standing for the paper session: every
 * gate moves the recommendation and the exit code as documented.
 */
class ReadinessCommandTest
{
    @TempDir
    static Path dir;
    static Path paper;
    static double paperCostBps;

    @BeforeAll
    static void aPaperSession()
    {
        final RecordedMarketData trades = RecordedMarketData.record(new TradeCsvSource(DataFiles.BITSTAMP_TRADES, 0,
            new MalformedLineReporter()));
        final LogicConfig frictionless = LogicConfig.unrestricted(List.of("BTCUSD"),
            List.of("ma-crossover:symbol=BTCUSD,fast=20,slow=100,qty=0.5"), LogicConfig.DEFAULT_INITIAL_CASH, 1024);
        final LogicConfig config = new LogicConfig(frictionless.instruments(), frictionless.strategySpecs(),
            frictionless.initialCash(), frictionless.maxWorkingOrders(), frictionless.risk(), frictionless.breakers(),
            MarketModel.defaults(), frictionless.statusTimeouts());
        paper = dir.resolve("paper");
        try (Backtest session = new Backtest(paper, config, 60_000_000_000L))
        {
            session.run(trades.slice(trades.firstTimeNs(), trades.firstTimeNs() + 6 * 3_600_000_000_000L));
        }
        paperCostBps = new BacktestAnalyzer().analyze(paper, ProgressListener.NONE).report().costBps();
    }

    @Test
    void everyGatePassedIsDeploy() throws IOException
    {
        final Run run = readiness(goodInputs("all-good"));

        assertThat(run.exit).isZero();
        assertThat(run.out).contains("Recommendation: DEPLOY", "Configuration", "Testing", "OOS validation",
            "Paper trading", "Shadow", "Monitoring ready", "Risks", "costs vs model               1.00 x");
        assertThat(Files.readString(dir.resolve("all-good").resolve("readiness.html"))).contains("DEPLOY");
    }

    @Test
    void aMissingShadowSessionNeedsWorkAndNamesIt() throws IOException
    {
        final List<String> args = goodInputs("no-shadow");
        final int at = args.indexOf("--shadow");
        args.remove(at + 1);
        args.remove(at);

        final Run run = readiness(args);

        assertThat(run.exit).isEqualTo(2);
        assertThat(run.out).contains("Recommendation: NEEDS WORK", "missing: alignment",
            "ringwall run --shadow --journal S, then ringwall shadow-report --journal S");
    }

    @Test
    void paperCostsPastTheStopAreDontDeployAndBetweenTheLimitsNeedWork() throws IOException
    {
        final Run stop = readiness(withBacktestCost(goodInputs("costly"), paperCostBps / 2.5));
        final Run work = readiness(withBacktestCost(goodInputs("dearer"), paperCostBps / 1.7));

        assertThat(stop.exit).isEqualTo(1);
        assertThat(stop.out).contains("Recommendation: DON'T DEPLOY", "STOP: costs vs model");
        assertThat(work.exit).isEqualTo(2);
        assertThat(work.out).contains("Recommendation: NEEDS WORK", "fix: costs vs model");
    }

    @Test
    void walkForwardGates() throws IOException
    {
        final List<String> fewWindows = goodInputs("few-windows");
        write(fewWindows, "--walk-forward", "{\"windowCount\" : 8, \"averageOutOfSampleSharpe\" : 1.2, " +
            "\"degradation\" : 0.1}");
        final List<String> weak = goodInputs("weak-oos");
        write(weak, "--walk-forward", "{\"windowCount\" : 12, \"averageOutOfSampleSharpe\" : 0.5, \"degradation\" : 0.1}");
        final List<String> degraded = goodInputs("degraded");
        write(degraded, "--walk-forward", "{\"windowCount\" : 12, \"averageOutOfSampleSharpe\" : 1.0, " +
            "\"degradation\" : 0.3}");

        assertThat(readiness(fewWindows).exit).isEqualTo(2);
        assertThat(readiness(weak).exit).isEqualTo(1);
        final Run run = readiness(degraded);
        assertThat(run.exit).as("a degradation at the limit fails: the gate is below 30 %").isEqualTo(1);
        assertThat(run.out).contains("degradation (1 - OOS/IS)     30.00 %");
    }

    @Test
    void nothingGivenNeedsWorkNamingEveryRun() throws IOException
    {
        final Run run = readiness(new ArrayList<>(List.of("--html", dir.resolve("nothing.html").toString())));

        assertThat(run.exit).isEqualTo(2);
        assertThat(run.out).contains("run ringwall backtest", "ringwall validate walk-forward --windows 10",
            "ringwall validate monte-carlo --runs 1000", "run a paper session", "run a shadow session");
    }

    @Test
    void theBundledDefaultsAreTheDocumentedGatesAndAnUnknownKeyIsRefused() throws IOException
    {
        final ReadinessGates defaults = ReadinessGates.load(null);
        assertThat(defaults).isEqualTo(new ReadinessGates(1.0, 0.20, 10, 0.8, 0.30, 1000, 1.5, 2.0, 0.95, 0.95, 0.90,
            false));
        final Path typo = Files.writeString(dir.resolve("typo.yaml"), "backtest:\n  min-sharp: 2\n");

        final Run run = readiness(new ArrayList<>(List.of("--config", typo.toString())));

        assertThat(run.exit).isEqualTo(2);
        assertThat(run.err).contains("min-sharp is not a readiness gate");
    }

    private static List<String> goodInputs(final String name) throws IOException
    {
        final Path at = Files.createDirectories(dir.resolve(name));
        final Path shadow = Files.createDirectories(at.resolve("shadow"));
        Files.writeString(shadow.resolve("shadow-report.json"), "{\"alignment\" : 0.97, \"executionQuality\" : 0.93}");
        Files.writeString(at.resolve("gates.yaml"), "monitoring:\n  confirmed: true\n");
        Files.writeString(at.resolve("walk-forward.json"), "{\"windowCount\" : 12, \"averageOutOfSampleSharpe\" : 1.1, " +
            "\"degradation\" : 0.2, \"probabilityOfOverfitting\" : 0.2, \"outOfSampleDeflatedSharpe\" : 0.97}");
        Files.writeString(at.resolve("monte-carlo.json"), "{\"runs\" : 1000, \"bootstrap\" : {\"ruinProbability\" : 0}}");
        final List<String> args = new ArrayList<>(List.of("--config", at.resolve("gates.yaml").toString(),
            "--walk-forward", at.resolve("walk-forward.json").toString(), "--monte-carlo",
            at.resolve("monte-carlo.json").toString(), "--paper", paper.toString(), "--shadow", shadow.toString(),
            "--html", at.resolve("readiness.html").toString(), "--backtest", at.resolve("backtest-report.json").toString()));
        return withBacktestCost(args, paperCostBps);
    }

    private static List<String> withBacktestCost(final List<String> args, final double costBps) throws IOException
    {
        write(args, "--backtest", String.format(Locale.ROOT, "{\"strategies\" : [\"ma-crossover\"], \"returns\" : " +
            "{\"sharpe\" : 1.4}, \"drawdown\" : {\"maxFraction\" : 0.12}, \"trading\" : {\"costBps\" : %.12f}}", costBps));
        return args;
    }

    private static void write(final List<String> args, final String option, final String json) throws IOException
    {
        Files.writeString(Path.of(args.get(args.indexOf(option) + 1)), json);
    }

    private record Run(int exit, String out, String err)
    {
    }

    private static Run readiness(final List<String> args)
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final List<String> line = new ArrayList<>(List.of("readiness"));
        line.addAll(args);
        final int exit = RingwallCli.execute(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8), line.toArray(String[]::new));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
