package io.ringwall.tools;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.ringwall.codecs.BreakerStateChangeDecoder;
import io.ringwall.codecs.MessageHeaderDecoder;
import io.ringwall.codecs.NewOrderDecoder;
import io.ringwall.codecs.Side;
import io.ringwall.engine.JournalDump;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 24: backtests on the bundled bars work as a new user types them. Apple's daily bars and ETH's 5-minute bars
 * with the moving-average crossover send orders, trip no breaker, and send them on exactly the bars where moving
 * averages computed here, from the files themselves, cross; the sessions replay byte for byte.
 */
class BarsOutOfTheBoxTest
{
    private static final String APPLE = "appleinc_bars_from_20130101_usd.csv";
    private static final String ETH = "ETH-USD-PT5M-2023-3-13_2023-3-15.json";
    private static final int FAST = 10;
    private static final int SLOW = 30;

    @TempDir
    static Path dir;
    static Path apple;
    static Path eth;
    static String appleOut;

    /** A bar as the files give it: its close time and its close. */
    record Bar(long closeTimeNs, BigDecimal close)
    {
    }

    /** An order the hand check expects: the bar it is sent on, and its side. */
    record Crossover(long closeTimeNs, Side side)
    {
    }

    @BeforeAll
    static void backtestBothBundledBarFiles()
    {
        System.setProperty("java.awt.headless", "true");
        apple = dir.resolve("apple");
        eth = dir.resolve("eth");
        final Run appleRun = execute("backtest", "--no-progress", "--data", "classpath:" + APPLE, "--format", "bars",
            "--symbol", "AAPL", "--strategy", "ma-crossover:symbol=AAPL,fast=10,slow=30,qty=1", "--journal",
            apple.toString());
        assertThat(appleRun.exit()).as(appleRun.err()).isZero();
        appleOut = appleRun.out();
        final Run ethRun = execute("backtest", "--no-progress", "--data", "classpath:" + ETH, "--format", "bars",
            "--symbol", "ETHUSD", "--strategy", "ma-crossover:symbol=ETHUSD,fast=10,slow=30,qty=1", "--journal",
            eth.toString());
        assertThat(ethRun.exit()).as(ethRun.err()).isZero();
        assertThat(ethRun.out()).contains("bar interval  5m (detected from the data)");
    }

    @Test
    void appleDailyBarsTradeOnTheCrossoversAHandCheckFinds() throws IOException
    {
        assertThat(appleOut).contains("bar interval  1d (detected from the data)").doesNotContain("ATTENTION")
            .contains("orders        7 sent");
        assertSentExactlyOn(apple, crossovers(appleBars()));
    }

    @Test
    void ethFiveMinuteBarsTradeOnTheCrossoversAHandCheckFinds() throws IOException
    {
        assertSentExactlyOn(eth, crossovers(ethBars()));
    }

    @Test
    void aBarsSessionReplaysByteForByte()
    {
        for (final Path session : List.of(apple, eth))
        {
            final Run replay = execute("replay", "--journal", session.toString(), "--verify");
            assertThat(replay.exit()).as(replay.out() + replay.err()).isZero();
            assertThat(replay.out()).startsWith("identical: ");
        }
    }

    @Test
    void theRunModeTradesAppleBarsWithItsDefaultStrategyWithoutTrippingABreaker()
    {
        final Path session = dir.resolve("run-apple");
        final Run run = execute("run", "--data", "classpath:" + APPLE, "--format", "bars", "--journal",
            session.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).doesNotContain("ATTENTION").contains("breakers tripped: none");
        assertThat(count(session, NewOrderDecoder.TEMPLATE_ID)).isPositive();
    }

    private static void assertSentExactlyOn(final Path session, final List<Crossover> expected)
    {
        assertThat(expected).hasSizeGreaterThan(2);
        assertThat(count(session, BreakerStateChangeDecoder.TEMPLATE_ID)).as("breaker changes").isZero();
        final Map<Long, Long> inputTimes = new HashMap<>();
        JournalDump.inputs(session).forEach(input -> inputTimes.put(input.sequence(), input.timeNs()));
        final List<Crossover> sent = new ArrayList<>();
        for (final JournalDump.Entry output : JournalDump.outputs(session))
        {
            if (output.templateId() == NewOrderDecoder.TEMPLATE_ID)
            {
                final NewOrderDecoder order = new NewOrderDecoder().wrapAndApplyHeader(new UnsafeBuffer(output.frame()),
                    0, new MessageHeaderDecoder());
                sent.add(new Crossover(inputTimes.get(order.causeSequence()), order.side()));
            }
        }
        assertThat(sent).containsExactlyElementsOf(expected);
    }

    /**
     * Long/flat: once the slow window is full, a fast average above the slow one means long, below means flat; an
     * order goes out on a bar where that changes the position (the first "flat" from flat sends nothing).
     */
    private static List<Crossover> crossovers(final List<Bar> bars)
    {
        final List<Crossover> orders = new ArrayList<>();
        int regime = 0;
        boolean long_ = false;
        for (int i = SLOW - 1; i < bars.size(); i++)
        {
            final BigDecimal fastMean = mean(bars, i, FAST);
            final BigDecimal slowMean = mean(bars, i, SLOW);
            final int now = fastMean.compareTo(slowMean);
            if (now != 0 && now != regime)
            {
                regime = now;
                if ((now > 0) != long_)
                {
                    long_ = now > 0;
                    orders.add(new Crossover(bars.get(i).closeTimeNs(), long_ ? Side.BUY : Side.SELL));
                }
            }
        }
        return orders;
    }

    /** Exact: the sum over the window divided with enough digits that equal means compare equal. */
    private static BigDecimal mean(final List<Bar> bars, final int last, final int window)
    {
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = last - window + 1; i <= last; i++)
        {
            sum = sum.add(bars.get(i).close());
        }
        return sum.divide(BigDecimal.valueOf(window), 20, java.math.RoundingMode.HALF_EVEN);
    }

    /** date,open,high,low,close,volume: a daily bar closes at the end of its UTC day. */
    private static List<Bar> appleBars() throws IOException
    {
        final List<Bar> bars = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(resource(APPLE), StandardCharsets.UTF_8)))
        {
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine())
            {
                final String[] fields = line.split(",");
                final long closeSecond = LocalDate.parse(fields[0]).plusDays(1).atStartOfDay(ZoneOffset.UTC)
                    .toEpochSecond();
                bars.add(new Bar(closeSecond * 1_000_000_000L, new BigDecimal(fields[4])));
            }
        }
        return bars;
    }

    /** ta4j's JSON: each bar's endTime is its last millisecond, so it closes 1 ms later. */
    private static List<Bar> ethBars() throws IOException
    {
        final String json;
        try (InputStream in = resource(ETH))
        {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        final Matcher m = Pattern.compile("\"endTime\"\\s*:\\s*(\\d+)[^}]*?\"closePrice\"\\s*:\\s*([0-9.]+)")
            .matcher(json);
        final List<Bar> bars = new ArrayList<>();
        while (m.find())
        {
            bars.add(new Bar((Long.parseLong(m.group(1)) + 1) * 1_000_000L, new BigDecimal(m.group(2))));
        }
        assertThat(bars).hasSize(580);
        return bars;
    }

    private static InputStream resource(final String name)
    {
        return BarsOutOfTheBoxTest.class.getClassLoader().getResourceAsStream(name);
    }

    static long count(final Path session, final int templateId)
    {
        return JournalDump.outputs(session).stream().filter(e -> e.templateId() == templateId).count();
    }

    record Run(int exit, String out, String err)
    {
    }

    static Run execute(final String... args)
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final int exit = RingwallCli.execute(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
