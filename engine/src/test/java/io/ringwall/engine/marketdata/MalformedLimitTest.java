package io.ringwall.engine.marketdata;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The malformed-line rule: a file is refused when its malformed lines are more than the allowed share of its
 * data lines, counted over the whole file (so a bad first line among good ones is no refusal), and a read with
 * a budget stops at the first line past it.
 */
class MalformedLimitTest
{
    private static final long ONE_PERCENT = 10_000;

    @Test
    void theBudgetIsTheShareOfTheDataLinesRoundedDown()
    {
        assertThat(MalformedLineReporter.budget(100_000, ONE_PERCENT)).isEqualTo(1_000);
        assertThat(MalformedLineReporter.budget(100, ONE_PERCENT)).isEqualTo(1);
        assertThat(MalformedLineReporter.budget(99, ONE_PERCENT)).isZero();
        assertThat(MalformedLineReporter.budget(1_000, 0)).isZero();
        assertThat(MalformedLineReporter.budget(1_000, 1_000_000)).isEqualTo(1_000);
        // no overflow on absurd sizes
        assertThat(MalformedLineReporter.budget(Long.MAX_VALUE / 2, 1_000_000)).isEqualTo(Long.MAX_VALUE / 2);
    }

    @Test
    void aFileOfGarbageIsRefusedWithTheCountAndTheFirstBadLine()
    {
        final MalformedLineReporter reporter = new MalformedLineReporter();
        for (int line = 1; line <= 30; line++)
        {
            reporter.report("/etc/passwd", line, "daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin", "expected 3 fields " +
                "(timestamp,price,amount), found 1");
        }
        assertThat(reporter.overLimit("/etc/passwd", 30, ONE_PERCENT)).isEqualTo("market data refused: 30 of 30 " +
            "data lines of /etc/passwd are malformed (100.000 %, more than the 1.000 % market-data.max-malformed-fraction " +
            "allows); the first is line 1: expected 3 fields (timestamp,price,amount), found 1");
    }

    @Test
    void theShareIsOfTheWholeFileSoOneBadFirstLineIsNoRefusal()
    {
        final MalformedLineReporter reporter = new MalformedLineReporter();
        reporter.report("f.csv", 2, "garbage", "expected 3 fields");
        assertThat(reporter.overLimit("f.csv", 1_000, ONE_PERCENT)).isNull();
        // exactly the share passes; one line more does not
        assertThat(reporter.overLimit("f.csv", 100, ONE_PERCENT)).isNull();
        reporter.report("f.csv", 3, "garbage", "expected 3 fields");
        assertThat(reporter.overLimit("f.csv", 100, ONE_PERCENT)).startsWith("market data refused: 2 of 100 data lines")
            .endsWith("the first is line 2: expected 3 fields");
        assertThat(reporter.overLimit("f.csv", 200, ONE_PERCENT)).isNull();
        // a share of 0 refuses any malformed line, of 1 none
        assertThat(reporter.overLimit("f.csv", 1_000_000, 0)).isNotNull();
        assertThat(reporter.overLimit("f.csv", 2, 1_000_000)).isNull();
    }

    @Test
    void aReadWithABudgetStopsAtTheFirstLinePastIt()
    {
        final MalformedLineReporter reporter = new MalformedLineReporter(2);
        reporter.report("f.csv", 7, "x", "price 'x' is not a positive decimal");
        reporter.report("f.csv", 9, "y", "price 'y' is not a positive decimal");
        assertThatThrownBy(() -> reporter.report("f.csv", 12, "z", "price 'z' is not a positive decimal"))
            .isInstanceOf(MarketDataRefusedException.class)
            .hasMessage("market data refused: 3 malformed lines in f.csv by line 12, more than the 2 its first read " +
                "allowed (did the file change?); the first is line 7: price 'x' is not a positive decimal");
        assertThat(new MalformedLineReporter().summary(10)).isNull();
    }
}
