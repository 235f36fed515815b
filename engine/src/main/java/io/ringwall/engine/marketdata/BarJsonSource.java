package io.ringwall.engine.marketdata;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Replays bars in ta4j's JSON form: {@code {"name": "ETH/USD_PT5M@BinanceUS", "ohlc": [{"endTime": MS,
 * "openPrice": P, "highPrice": P, "lowPrice": P, "closePrice": P, "volume": Q, ...}, ...]}}. {@code endTime} is the
 * last millisecond of the bar, so a bar is stamped 1 ms after it, at its close; the bar's length is the ISO-8601
 * duration in the name ({@code PT5M}), 0 when the name has none. A bar is refused, by the line it starts on, as
 * {@link BarCsvSource} refuses one, or when a field is missing or its close time does not increase. JSON is read
 * as YAML 1.2 (a superset), keeping every number's exact text: prices are never doubles.
 */
public final class BarJsonSource implements MarketDataSource
{
    /** Files the bar format reads as JSON rather than CSV. */
    public static final String EXTENSION = ".json";
    private static final String[] PRICE_FIELDS = {"openPrice", "highPrice", "lowPrice", "closePrice"};
    private static final Pattern NAMED_DURATION = Pattern.compile("_(P[0-9A-Z.]+)(@|$)");
    private static final long NANOS_PER_MILLI = 1_000_000L;
    /** Bars in the bundled file are a few hundred; this allows files up to about 64 MiB. */
    private static final int MAX_CODE_POINTS = 64 << 20;

    private final String location;
    private final int instrumentId;
    private final MalformedLineReporter reporter;

    public BarJsonSource(final String location, final int instrumentId, final MalformedLineReporter reporter)
    {
        this.location = location;
        this.instrumentId = instrumentId;
        this.reporter = reporter;
    }

    @Override
    public SourceStats run(final MarketDataSink sink)
    {
        final MappingNode root = root();
        final Map<String, Node> top = fields(root);
        final long durationNs = durationOf(top.get("name"));
        if (!(top.get("ohlc") instanceof SequenceNode bars))
        {
            throw new IllegalArgumentException(location + ": no \"ohlc\" list of bars");
        }
        // open, high, low, close, then the volume
        final long[] prices = new long[5];
        long lastCloseNs = Long.MIN_VALUE;
        long events = 0;
        long malformed = 0;
        for (final Node bar : bars.getValue())
        {
            final long line = bar.getStartMark().map(mark -> mark.getLine() + 1L).orElse(0L);
            final long closeNs = closeNs(bar);
            final String why = closeNs == Long.MIN_VALUE ? "endTime is not a whole number of milliseconds since " +
                "the epoch" : closeNs <= lastCloseNs ? "endTime does not increase" : parse(bar, prices);
            if (why != null)
            {
                malformed++;
                reporter.report(location, line, "", why);
                continue;
            }
            lastCloseNs = closeNs;
            events++;
            sink.bar(instrumentId, prices[0], prices[1], prices[2], prices[3], prices[4], closeNs - durationNs,
                durationNs);
        }
        return new SourceStats(bars.getValue().size(), events, malformed);
    }

    @Override
    public String describe()
    {
        return "bars " + location;
    }

    private MappingNode root()
    {
        final LoadSettings settings = LoadSettings.builder().setLabel(location).setCodePointLimit(MAX_CODE_POINTS)
            .build();
        try (BufferedReader reader = DataFiles.open(location))
        {
            final Optional<Node> root = new Compose(settings).composeReader(reader);
            if (root.isPresent() && root.get() instanceof MappingNode map)
            {
                return map;
            }
            throw new IllegalArgumentException(location + ": not a JSON object of bars");
        }
        catch (final YamlEngineException ex)
        {
            throw new IllegalArgumentException(location + ": not JSON: " + ex.getMessage().lines().findFirst()
                .orElse(""), ex);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read " + location, ex);
        }
    }

    /** @return the bar's fields that hold a scalar, by name. */
    private static Map<String, Node> fields(final Node node)
    {
        final Map<String, Node> fields = new HashMap<>();
        if (node instanceof MappingNode map)
        {
            for (final NodeTuple tuple : map.getValue())
            {
                if (tuple.getKeyNode() instanceof ScalarNode key)
                {
                    fields.put(key.getValue(), tuple.getValueNode());
                }
            }
        }
        return fields;
    }

    private long durationOf(final Node name)
    {
        if (!(name instanceof ScalarNode scalar))
        {
            return 0;
        }
        final Matcher m = NAMED_DURATION.matcher(scalar.getValue());
        try
        {
            return m.find() ? Duration.parse(m.group(1)).toNanos() : 0;
        }
        catch (final DateTimeParseException | ArithmeticException ex)
        {
            return 0;
        }
    }

    /** @return endTime + 1 ms in nanoseconds, or {@link Long#MIN_VALUE} when it is missing or not a whole number. */
    private static long closeNs(final Node bar)
    {
        final String text = scalar(fields(bar).get("endTime"));
        try
        {
            return text == null ? Long.MIN_VALUE : Math.multiplyExact(Math.addExact(Long.parseLong(text), 1),
                NANOS_PER_MILLI);
        }
        catch (final NumberFormatException | ArithmeticException ex)
        {
            return Long.MIN_VALUE;
        }
    }

    /** Fills {@code prices} and the volume after them; @return null when the bar's prices and volume pass {@link BarChecks}, else why not. */
    private static String parse(final Node bar, final long[] prices)
    {
        final Map<String, Node> fields = fields(bar);
        for (int i = 0; i < PRICE_FIELDS.length; i++)
        {
            final String text = scalar(fields.get(PRICE_FIELDS[i]));
            final String why = text == null ? PRICE_FIELDS[i] + " is missing" :
                BarChecks.price(text, 0, text.length(), prices, i);
            if (why != null)
            {
                return why;
            }
        }
        final String bounds = BarChecks.bounds(prices);
        if (bounds != null)
        {
            return bounds;
        }
        final String volume = scalar(fields.get("volume"));
        prices[4] = volume == null ? Long.MIN_VALUE : BarChecks.volume(volume, 0, volume.length());
        return prices[4] == Long.MIN_VALUE ? "volume '" + volume + "' is not a non-negative decimal" : null;
    }

    private static String scalar(final Node node)
    {
        return node instanceof ScalarNode scalar ? scalar.getValue() : null;
    }
}
