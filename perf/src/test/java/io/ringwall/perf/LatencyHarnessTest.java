package io.ringwall.perf;

import java.nio.file.Path;

import io.ringwall.journal.ChronicleSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The latency harness on a short, slow schedule: what it measures, not how fast (no timing assertions).
 */
class LatencyHarnessTest
{
    private static final long RATE = 20_000;

    @BeforeAll
    static void chronicle()
    {
        ChronicleSettings.apply();
    }

    @Test
    void everyTradeBecomesAnOrderAtTheGatewayTimedFromItsPlannedSendTime(@TempDir final Path scratch)
    {
        final LatencyOptions options = LatencyOptions.parse(new String[] { "--rate", Long.toString(RATE),
            "--dir", scratch.toString() });

        final LatencyHarness.RunResult result = new LatencyHarness(options).measure(1, 1);

        // One sample per trade on both paths: no trade lost, no order refused, nothing double counted.
        assertThat(result.raw().count()).isEqualTo(RATE);
        assertThat(result.engine().count()).isEqualTo(RATE);
        assertThat(result.orders()).isEqualTo(RATE);
        assertThat(result.riskRejects()).isZero();
        assertThat(result.engine().p50()).isPositive();
        assertThat(result.logicBytesPerTrade()).as("measured (not -1)").isGreaterThanOrEqualTo(0);
        assertThat(result.engine().p50()).isLessThanOrEqualTo(result.engine().p99());
        assertThat(result.engine().p99()).isLessThanOrEqualTo(result.engine().max());

        // Each trade is published at or after its planned time, so timing from the plan can only add the
        // producer's lag: never less than timing from the actual publish, never more than the worst lag more.
        // Both are exact per sample; the slack is HdrHistogram's 3 significant digits.
        final LatencyHarness.Figures planned = result.engine();
        final LatencyHarness.Figures sent = result.engineUncorrected();
        assertThat(sent.p50()).isLessThanOrEqualTo(planned.p50() * 1.001);
        assertThat(sent.p99()).isLessThanOrEqualTo(planned.p99() * 1.001);
        assertThat(sent.max()).isLessThanOrEqualTo(planned.max() * 1.001);
        assertThat(planned.max()).isLessThanOrEqualTo((sent.max() + planned.maxLagNs()) * 1.001);
        assertThat(result.p99Ratio()).isEqualTo(planned.p99() / result.raw().p99());
    }

    @Test
    void optionsRefuseARateThatIsNotANumberAndAScheduleTooLong()
    {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LatencyOptions.parse(new String[] { "--rate", "fast" }))
            .hasMessageContaining("--rate 'fast' is not a number");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LatencyOptions.parse(
            new String[] { "--rate", "1_000_000_000", "--seconds", "3600" })).hasMessageContaining("trades");
    }
}
