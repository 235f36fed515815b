package io.ringwall.tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.ringwall.tools.BarsOutOfTheBoxTest.execute;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 24: a session that sent no order, or in which a breaker tripped, says why at the top of the summary and of
 * the backtest report (text and JSON) in plain words: which breaker, when, the figure and the limit, the key that
 * governs it. And a bar interval that is not a positive duration is refused before anything starts.
 */
class BarsDiagnosisTest
{
    private static final String APPLE = "classpath:appleinc_bars_from_20130101_usd.csv";

    @TempDir
    Path dir;

    @Test
    void aTrippedBreakerIsExplainedAtTheTopOfTheSummaryAndOfTheReport() throws IOException
    {
        // Hourly bars expected of a file of daily ones: the first night is 6.5 hours of open market without a bar.
        final Path session = dir.resolve("hourly");
        final BarsOutOfTheBoxTest.Run run = execute("backtest", "--no-progress", "--data", APPLE, "--format", "bars",
            "--bar-interval", "1h", "--journal", session.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        final String noOrders = "no orders were sent: risk refused every order the strategies tried: ";
        final String trip = "breaker STALE_DATA tripped to REDUCING at 2013-01-04T00:00:00Z (input 3): AAPL had no " +
            "bar for 6h 30m of open market, the limit is 3h (3 bars of 1h in its calendar's open hours); governed by " +
            "breakers.stale-data.bar-intervals and breakers.stale-data.bar-interval (or --bar-interval)";
        assertThat(run.out()).startsWith("ATTENTION     " + noOrders);
        assertThat(run.out().lines().skip(1).findFirst().orElseThrow()).startsWith("ATTENTION     " + trip);
        assertThat(run.out()).contains("REDUCING_ONLY (a breaker is REDUCING)", "bar interval  1h (--bar-interval)");
        // The report repeats it above its figures, and the JSON holds it first.
        final String report = run.out().substring(run.out().indexOf("\n\n") + 2);
        assertThat(report).startsWith("ATTENTION  " + noOrders);
        assertThat(report.indexOf("ATTENTION  " + trip)).isLessThan(report.indexOf("Backtest report:"));
        final String json = Files.readString(session.resolve(BacktestCommand.REPORT_FILE), StandardCharsets.UTF_8);
        assertThat(json).startsWith("{\n  \"attention\" : [\n    \"" + noOrders).contains(trip);
    }

    @Test
    void noOrdersWithoutATripSaysTheStrategiesAskedForNone()
    {
        final Path session = dir.resolve("long-window");
        final BarsOutOfTheBoxTest.Run run = execute("run", "--data", APPLE, "--format", "bars", "--strategy",
            "ma-crossover:symbol=AAPL,fast=10,slow=300,qty=1", "--journal", session.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        // The summary opens with it (after the final snapshot's line, which the run prints when it stops).
        assertThat(run.out()).contains("\nATTENTION     no orders were sent: the strategies asked for none (no " +
            "signal in the data: are there more bars than the strategy's longest window?)\nconfig ");
    }

    @Test
    void aSessionThatTradedAndTrippedNothingHasNothingToSay()
    {
        final Path session = dir.resolve("fine");
        final BarsOutOfTheBoxTest.Run run = execute("run", "--data", APPLE, "--format", "bars", "--journal",
            session.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("\nconfig ").doesNotContain("ATTENTION");
    }

    @Test
    void aBarIntervalThatIsNotAPositiveDurationIsRefusedBeforeAnythingStarts()
    {
        final String[][] refusals = {
            {"0s", "--bar-interval 0s is not allowed: a bar interval is a positive duration of at most 8784h, " +
                "like 5m or 24h"},
            {"-5m", "--bar-interval -5m is not a duration: a whole number and one of ns, us, ms, s, m, h, like 250ms"},
            {"daily", "--bar-interval daily is not a duration: a whole number and one of ns, us, ms, s, m, h, like " +
                "250ms"},
            {"9000h", "--bar-interval 9000h is not allowed: a bar interval is a positive duration of at most 8784h, " +
                "like 5m or 24h"}};
        for (final String[] refusal : refusals)
        {
            final Path session = dir.resolve("refused" + refusal[0]);
            final BarsOutOfTheBoxTest.Run run = execute("backtest", "--no-progress", "--data", APPLE, "--format",
                "bars", "--bar-interval", refusal[0], "--journal", session.toString());
            assertThat(run.exit()).as(refusal[0]).isEqualTo(RingwallCli.EXIT_FAILURE);
            assertThat(run.err()).isEqualTo("ringwall backtest: " + refusal[1] + "\n");
            assertThat(run.out()).isEmpty();
            assertThat(session).doesNotExist();
        }
    }
}
