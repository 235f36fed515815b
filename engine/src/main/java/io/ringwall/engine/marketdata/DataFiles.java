package io.ringwall.engine.marketdata;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens market-data files by location: {@code classpath:NAME} for the bundled data, else a file path.
 */
public final class DataFiles
{
    public static final String CLASSPATH_PREFIX = "classpath:";
    /** About 100,000 Bitstamp BTC/USD trades from 2013, bundled in org.ta4j:ta4j-examples (MIT). */
    public static final String BITSTAMP_TRADES = CLASSPATH_PREFIX + "bitstamp_trades_from_20131125_usd.csv";
    /** Apple daily bars of 2013, bundled in org.ta4j:ta4j-examples (MIT). */
    public static final String APPLE_BARS = CLASSPATH_PREFIX + "appleinc_bars_from_20130101_usd.csv";
    /** ETH/USD 5-minute bars of 13-15 March 2023 (Binance US), ta4j's JSON form, in org.ta4j:ta4j-examples (MIT). */
    public static final String ETH_BARS = CLASSPATH_PREFIX + "ETH-USD-PT5M-2023-3-13_2023-3-15.json";

    private DataFiles()
    {
    }

    /**
     * Bytes that are not UTF-8 are read as U+FFFD, for a file as for the bundled data: no field of either
     * format accepts that character, so such a line is refused and reported like any malformed line, and the
     * reading goes on (a strict decoder would end the whole replay at the first bad byte).
     *
     * @throws IllegalArgumentException naming the location when it does not exist.
     */
    public static BufferedReader open(final String location)
    {
        try
        {
            if (location.startsWith(CLASSPATH_PREFIX))
            {
                final String name = location.substring(CLASSPATH_PREFIX.length());
                final InputStream in = DataFiles.class.getClassLoader().getResourceAsStream(name);
                if (in == null)
                {
                    throw new IllegalArgumentException("no bundled data file '" + name + "' on the classpath");
                }
                return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
            }
            final Path path = Path.of(location);
            if (!Files.isRegularFile(path))
            {
                throw new IllegalArgumentException("no data file at " + path.toAbsolutePath());
            }
            return new BufferedReader(new InputStreamReader(Files.newInputStream(path), StandardCharsets.UTF_8), 1 << 16);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot open " + location, ex);
        }
    }
}
