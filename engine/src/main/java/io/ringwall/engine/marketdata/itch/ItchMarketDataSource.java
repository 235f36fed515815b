package io.ringwall.engine.marketdata.itch;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Locale;

import io.ringwall.engine.marketdata.MarketDataRefusedException;
import io.ringwall.engine.marketdata.MarketDataSink;
import io.ringwall.engine.marketdata.MarketDataSource;
import io.ringwall.engine.marketdata.SourceStats;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;

/**
 * TotalView-ITCH 5.0 as the engine's market data: a BinaryFILE, a pcap/pcapng capture or a live MoldUDP64 feed,
 * through {@link ItchDecoder} into an {@link ItchBook} for the chosen symbols, whose trades and top-of-book quotes go
 * to the sink (and so into the ring and journal "in"). Runs on the caller's thread (the feed's), never the logic's.
 *
 * <p>The session ends at System Event {@code 'C'} (end of messages), at the end of the file, or (live) at a MoldUDP64
 * end-of-session packet. A feed that cannot be read on (corrupt framing, a MoldUDP64 gap: the book would be wrong)
 * ends the read with a {@link MarketDataRefusedException} naming the place: what was published stays journaled and
 * the engine stops as at the end of the data, with the reason in the run's summary. Live, a gap that is not filled
 * (no re-request server, or it did not answer in time) or a silent feed is first handed to the sink as a
 * {@code FeedHealth} input (so the logic trips the stale-data breaker on a journaled input, and a replay trips it at
 * the same place), then intake stops. A gap the re-request server fills reports nothing: the book saw every message
 * in sequence.
 *
 * <p>A Stock Trading Action ({@code 'H'}) for a followed symbol goes to the sink as a {@code TradingStatus} input
 * (halted, paused, quotation only, trading), so pre-trade risk can refuse the symbol's orders while it is not trading.
 */
public final class ItchMarketDataSource implements MarketDataSource
{
    /** Where the feed comes from. */
    public enum Transport
    {
        /** A BinaryFILE: 2-byte big-endian length prefixes. */
        FILE,
        /** A pcap or pcapng capture of MoldUDP64 datagrams. */
        PCAP,
        /** Live MoldUDP64 datagrams: {@code host:port} (unicast bind) or {@code group:port@interface}. */
        UDP
    }

    /** The time zone of ITCH's "nanoseconds since midnight". */
    public static final ZoneId EXCHANGE_ZONE = ZoneId.of("America/New_York");
    /**
     * Live orders of the followed symbols held before the book's arrays and map grow (they double, once per new
     * peak): sized for a few symbols' books, not the whole market's.
     */
    public static final int DEFAULT_ORDER_CAPACITY = 1 << 14;

    private final Transport transport;
    private final String location;
    private final String[] symbols;
    private final int[] instrumentIds;
    private final long midnightEpochNs;
    private final long silenceTimeoutNs;
    /** Between two requests for the same missing messages, when the first went unanswered. */
    private static final long REREQUEST_INTERVAL_NS = 50_000_000L;

    private InetSocketAddress rerequestServer;
    private long rerequestTimeoutNs;
    private long gapsRecovered;
    private long rerequestsSent;
    private final ItchDecoder decoder = new ItchDecoder();
    private final ItchBook book;
    private final SessionListener listener;

    /**
     * @param sessionDate     the trading day, whose midnight in New York the feed's timestamps count from.
     * @param silenceTimeoutNs live only: a feed silent this long (no datagram, not even a heartbeat) is refused.
     */
    public ItchMarketDataSource(final Transport transport, final String location, final String[] symbols,
        final int[] instrumentIds, final LocalDate sessionDate, final long silenceTimeoutNs)
    {
        this.transport = transport;
        this.location = location;
        this.symbols = symbols.clone();
        this.instrumentIds = instrumentIds.clone();
        this.midnightEpochNs = sessionDate.atStartOfDay(EXCHANGE_ZONE).toEpochSecond() * 1_000_000_000L;
        this.silenceTimeoutNs = silenceTimeoutNs;
        this.book = new ItchBook(symbols, instrumentIds, DEFAULT_ORDER_CAPACITY);
        this.listener = new SessionListener(book, symbols, instrumentIds);
    }

    /**
     * Live only: fill a MoldUDP64 gap from the feed's re-request server instead of refusing the feed at once. Packets
     * past the gap are held back (the book sees the messages in sequence only) while the missing ones are asked for;
     * a gap still open after {@code timeoutNs} is refused as without a server.
     */
    public ItchMarketDataSource rerequestFrom(final InetSocketAddress server, final long timeoutNs)
    {
        if (timeoutNs <= 0)
        {
            throw new IllegalArgumentException("the re-request timeout must be positive");
        }
        this.rerequestServer = server;
        this.rerequestTimeoutNs = timeoutNs;
        return this;
    }

    /** Live: gaps the re-request server filled. */
    public long gapsRecovered()
    {
        return gapsRecovered;
    }

    /** Live: MoldUDP64 requests sent to the re-request server. */
    public long rerequestsSent()
    {
        return rerequestsSent;
    }

    /**
     * The trading day a Nasdaq file name gives ({@code MMDDYYYY} as in {@code 01302019.NASDAQ_ITCH50}), or null.
     */
    public static LocalDate dateInFileName(final String location)
    {
        final String name = Path.of(location).getFileName().toString();
        final java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("(?<!\\d)(\\d{2})(\\d{2})(\\d{4})(?!\\d)")
            .matcher(name);
        if (!matcher.find())
        {
            return null;
        }
        try
        {
            return LocalDate.of(Integer.parseInt(matcher.group(3)), Integer.parseInt(matcher.group(1)),
                Integer.parseInt(matcher.group(2)));
        }
        catch (final java.time.DateTimeException ex)
        {
            return null;
        }
    }

    /** The book, to read after {@link #run} (tests, reports). */
    public ItchBook book()
    {
        return book;
    }

    /** Whether the last run ended at System Event 'C' (end of messages). */
    public boolean endOfMessages()
    {
        return listener.endOfMessages;
    }

    /**
     * Reads the whole feed, publishing nothing: a file that cannot be read is refused before a session exists.
     *
     * @return the ITCH messages in it.
     * @throws ItchFeedException what is wrong and where.
     */
    public long check()
    {
        final ItchDecoder checker = new ItchDecoder();
        final ItchListener nothing = new ItchListener()
        {
        };
        switch (transport)
        {
            case FILE -> new ItchBinaryFileReader(checker).read(Path.of(location), nothing);
            case PCAP -> new ItchCaptureReader(checker).failOnGap(true).read(Path.of(location), nothing);
            default -> throw new IllegalStateException("a live feed cannot be checked ahead");
        }
        return checker.messages();
    }

    @Override
    public SourceStats run(final MarketDataSink sink)
    {
        book.clear();
        book.publishTo(sink, midnightEpochNs);
        listener.start(sink, midnightEpochNs);
        try
        {
            switch (transport)
            {
                case FILE -> readFile();
                case PCAP -> readCapture();
                case UDP -> receive();
                default -> throw new IllegalStateException(transport.name());
            }
        }
        catch (final ItchFeedException ex)
        {
            throw new MarketDataRefusedException("ITCH feed refused: " + ex.getMessage());
        }
        return new SourceStats(decoder.messages(), book.trades() + book.quotes(), 0);
    }

    private void readFile()
    {
        final ItchBinaryFileReader reader = new ItchBinaryFileReader(decoder);
        listener.stop = reader::stop;
        reader.read(Path.of(location), listener);
    }

    private void readCapture()
    {
        final ItchCaptureReader reader = new ItchCaptureReader(decoder).failOnGap(true);
        listener.stop = reader::stop;
        reader.read(Path.of(location), listener);
    }

    private void receive()
    {
        final int at = location.lastIndexOf('@');
        final String address = at < 0 ? location : location.substring(0, at);
        final int colon = address.lastIndexOf(':');
        if (colon < 0)
        {
            throw new IllegalArgumentException("ITCH UDP location " + location + " is not host:port or " +
                "group:port@interface");
        }
        final String host = address.substring(0, colon);
        final int port = Integer.parseInt(address.substring(colon + 1));
        listener.stop = () -> listener.stopped = true;
        listener.stopped = false;
        try (MoldUdp64Receiver receiver = at < 0 ? MoldUdp64Receiver.unicast(host, port, decoder) :
            MoldUdp64Receiver.multicast(host, port, location.substring(at + 1), decoder))
        {
            receiver.mold().holdOnGap(true);
            final IdleStrategy idle = new BackoffIdleStrategy(100, 10, 1_000, 1_000_000);
            long lastPacketNanos = System.nanoTime();
            long gapSinceNanos = 0;
            long lastRequestNanos = 0;
            long lastRequestedFrom = -1;
            // an end-of-session packet held past a gap ends nothing until the messages before it are in
            while (!listener.stopped && (receiver.mold().endOfSessions() == 0 || receiver.mold().missing()))
            {
                final int packets = receiver.poll(listener, 64);
                final long now = System.nanoTime();
                if (receiver.mold().missing())
                {
                    if (rerequestServer == null)
                    {
                        throw gap(receiver, "");
                    }
                    if (gapSinceNanos == 0)
                    {
                        gapSinceNanos = now;
                    }
                    else if (now - gapSinceNanos > rerequestTimeoutNs)
                    {
                        throw gap(receiver, "; the re-request server " + rerequestServer + " did not fill it within " +
                            rerequestTimeoutNs / 1_000_000 + " ms (" + receiver.requestsSent() + " requests)");
                    }
                    // ask at once, again at once after a partial answer, and again when an answer seems lost
                    if (receiver.mold().missingFrom() != lastRequestedFrom || now - lastRequestNanos > REREQUEST_INTERVAL_NS)
                    {
                        lastRequestedFrom = receiver.mold().missingFrom();
                        receiver.requestMissing(rerequestServer);
                        rerequestsSent = receiver.requestsSent();
                        lastRequestNanos = now;
                    }
                }
                else if (gapSinceNanos != 0)
                {
                    gapSinceNanos = 0;
                    lastRequestedFrom = -1;
                    gapsRecovered++;
                }
                if (receiver.refusedPackets() > 0)
                {
                    throw new ItchFeedException(location + ": a datagram is not MoldUDP64 TotalView-ITCH 5.0 (" +
                        "status " + receiver.lastRefusal() + "); check the feed's address", 0);
                }
                if (packets > 0)
                {
                    lastPacketNanos = now;
                }
                else if (now - lastPacketNanos > silenceTimeoutNs)
                {
                    listener.sink.feedHealth(io.ringwall.codecs.FeedHealthState.SILENT, 0, 0, silenceTimeoutNs,
                        lastExchangeTimeNs());
                    throw new ItchFeedException(location + ": no datagram, not even a heartbeat, for " +
                        silenceTimeoutNs / 1_000_000 + " ms: the feed is silent; check the feed and the network", 0);
                }
                idle.idle(packets);
            }
        }
    }

    /**
     * A gap that will not be filled: first reported to the sink (FeedHealth GAP, the first sequence still owed and
     * the one that came past it), so the logic trips the stale-data breaker on a journaled input, then refused.
     */
    /** @return the epoch time of the last message decoded, or 0 when none arrived. */
    private long lastExchangeTimeNs()
    {
        return decoder.lastTimestampNs() < 0 ? 0 : midnightEpochNs + decoder.lastTimestampNs();
    }

    private ItchFeedException gap(final MoldUdp64Receiver receiver, final String unfilled)
    {
        final MoldUdp64Decoder mold = receiver.mold();
        listener.sink.feedHealth(io.ringwall.codecs.FeedHealthState.GAP,
            mold.missing() ? mold.missingFrom() : mold.lastGapExpected(), mold.lastGapReceived(), 0,
            lastExchangeTimeNs());
        return new ItchFeedException(location + ": MoldUDP64 gap: " + receiver.mold().describeLastGap() + unfilled +
            "; the book built from this feed would be wrong: restart from a snapshot of the feed", 0);
    }

    @Override
    public String describe()
    {
        return "itch-" + transport.name().toLowerCase(Locale.ROOT) + " " + location + " " + Arrays.toString(symbols);
    }

    /**
     * The book, plus what ends a session: System Event 'C', after which nothing reaches the book (a capture's packet
     * may carry messages after it); and the followed symbols' trading actions ('H'), handed to the sink. Keeps the
     * time of the last message, which a FeedHealth input carries.
     */
    private static final class SessionListener implements ItchListener
    {
        private static final ItchListener ENDED = new ItchListener()
        {
        };

        private final ItchBook open;
        private final long[] symbolCodes;
        private final int[] instrumentIds;
        private ItchListener book;
        private MarketDataSink sink = MarketDataSink.DISCARD;
        private long midnightEpochNs;
        private Runnable stop = () -> { };
        private boolean stopped;
        private boolean endOfMessages;

        SessionListener(final ItchBook book, final String[] symbols, final int[] instrumentIds)
        {
            this.open = book;
            this.book = book;
            this.instrumentIds = instrumentIds.clone();
            this.symbolCodes = new long[symbols.length];
            for (int i = 0; i < symbols.length; i++)
            {
                symbolCodes[i] = ItchFields.alphaCode(symbols[i], 8);
            }
        }

        void start(final MarketDataSink sink, final long midnightEpochNs)
        {
            this.sink = sink;
            this.midnightEpochNs = midnightEpochNs;
            book = open;
            endOfMessages = false;
        }

        @Override
        public void onSystemEvent(final SystemEvent message)
        {
            if (message.eventCode() == 'C')
            {
                endOfMessages = true;
                book = ENDED;
                stop.run();
            }
        }

        @Override
        public void onStockTradingAction(final StockTradingAction message)
        {
            if (book == ENDED)
            {
                return;
            }
            final long code = message.stockCode();
            for (int i = 0; i < symbolCodes.length; i++)
            {
                if (symbolCodes[i] == code)
                {
                    sink.tradingStatus(instrumentIds[i], tradingState(message.tradingState()), message.reasonCode(),
                        midnightEpochNs + message.timestampNs());
                    return;
                }
            }
        }

        /**
         * A Market-Wide Circuit Breaker was breached ({@code 'W'}, level 1, 2 or 3): trading halts across the whole
         * market, so every followed symbol is halted, with the reason "MWC" and the level. The exchange resumes each
         * symbol with its own Stock Trading Action {@code 'T'} (level 3 halts the rest of the day: none comes).
         */
        @Override
        public void onMwcbStatus(final MwcbStatus message)
        {
            if (book == ENDED)
            {
                return;
            }
            final int reason = 'M' << 24 | 'W' << 16 | 'C' << 8 | message.breachedLevel() & 0xFF;
            for (final int instrumentId : instrumentIds)
            {
                sink.tradingStatus(instrumentId, io.ringwall.codecs.InstrumentTradingState.HALTED, reason,
                    midnightEpochNs + message.timestampNs());
            }
        }

        /**
         * ITCH's trading state: 'H' halted, 'P' paused, 'Q' quotation only, 'T' trading. A state the specification
         * does not name is taken as halted (fail closed: the exchange says something we cannot read).
         */
        private static io.ringwall.codecs.InstrumentTradingState tradingState(final byte state)
        {
            return switch (state)
            {
                case 'T' -> io.ringwall.codecs.InstrumentTradingState.TRADING;
                case 'P' -> io.ringwall.codecs.InstrumentTradingState.PAUSED;
                case 'Q' -> io.ringwall.codecs.InstrumentTradingState.QUOTATION_ONLY;
                default -> io.ringwall.codecs.InstrumentTradingState.HALTED;
            };
        }

        @Override
        public void onStockDirectory(final StockDirectory message)
        {
            book.onStockDirectory(message);
        }

        @Override
        public void onAddOrder(final AddOrder message)
        {
            book.onAddOrder(message);
        }

        @Override
        public void onAddOrderWithMpid(final AddOrderWithMpid message)
        {
            book.onAddOrderWithMpid(message);
        }

        @Override
        public void onOrderExecuted(final OrderExecuted message)
        {
            book.onOrderExecuted(message);
        }

        @Override
        public void onOrderExecutedWithPrice(final OrderExecutedWithPrice message)
        {
            book.onOrderExecutedWithPrice(message);
        }

        @Override
        public void onOrderCancel(final OrderCancel message)
        {
            book.onOrderCancel(message);
        }

        @Override
        public void onOrderDelete(final OrderDelete message)
        {
            book.onOrderDelete(message);
        }

        @Override
        public void onOrderReplace(final OrderReplace message)
        {
            book.onOrderReplace(message);
        }

        @Override
        public void onTrade(final Trade message)
        {
            book.onTrade(message);
        }

        @Override
        public void onCrossTrade(final CrossTrade message)
        {
            book.onCrossTrade(message);
        }
    }
}
