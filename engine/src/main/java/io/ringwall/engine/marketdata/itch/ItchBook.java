package io.ringwall.engine.marketdata.itch;

import java.util.Arrays;

import io.ringwall.engine.Fixed;
import io.ringwall.engine.marketdata.MarketDataSink;

/**
 * Level-3 order books of TotalView-ITCH 5.0 for the chosen symbols: every displayed order by its reference number,
 * and per symbol the shares at each price on each side. It applies add (A, F), execute (E, C), cancel (X), delete
 * (D) and replace (U), and hands a {@link MarketDataSink} what a strategy sees of the market:
 * <ul>
 *   <li>a trade for every printable execution (E; C with printable 'Y'), non-cross trade (P) and cross (Q with
 *       shares), at the execution price, with the match number as its trade id;</li>
 *   <li>a quote (best bid, its shares, best ask, its shares; 0 for an empty side) whenever a message changed the top
 *       of a book, after the trade that message printed.</li>
 * </ul>
 * Prices keep ITCH's 4 decimals (the engine's too); shares become quantities of {@link Fixed#QUANTITY_DECIMALS}.
 * Times are the session's midnight plus ITCH's nanoseconds since midnight.
 *
 * <p>Zero allocation per message once warm: orders live in a preallocated array (two longs each) indexed through a
 * primitive index (reference number to slot, {@link OrderIndex}: one probe per message) sized for
 * {@code orderCapacity} orders, levels in {@link PriceLevels} (a ladder around the touch); past those sizes the arrays
 * grow (doubling), which a day's peak reaches once. Orders of other symbols are dropped on their stock locate without
 * a map lookup. An execute, cancel, delete or replace of an order the book does not hold (a feed
 * joined late, or a gap) changes nothing and is counted in {@link #unknownOrders()}; more shares removed than an order
 * holds are counted in {@link #inconsistencies()} and remove the order. Single-threaded: the feed's thread owns it.
 */
public final class ItchBook implements ItchListener
{
    private static final int LOCATES = 1 << 16;
    /** Levels a side holds outside its price ladder before its far list grows. */
    private static final int FAR_LEVELS = 64;
    /** The price's bits in an order's packed word. */
    private static final long PRICE_BITS = 0xFFFF_FFFFL;
    /** {@link #bookOfLocate} of a locate not seen yet. */
    private static final int UNRESOLVED = 0;
    /** {@link #bookOfLocate} of a locate whose symbol is not followed. */
    private static final int NOT_FOLLOWED = -1;

    private final long[] symbolCodes;
    private final int[] instrumentIds;
    private final PriceLevels[] bids;
    private final PriceLevels[] asks;
    private final long[] shownBidPrice;
    private final long[] shownBidShares;
    private final long[] shownAskPrice;
    private final long[] shownAskShares;
    /** Per stock locate: 1 + the book's index, or UNRESOLVED / NOT_FOLLOWED. */
    private final int[] bookOfLocate = new int[LOCATES];
    private final OrderIndex slotOfOrder;

    /**
     * Two longs per order slot, so an order is one cache line, not four arrays' worth: at {@code 2 * slot} the shares
     * it still displays, at {@code 2 * slot + 1} its price (ITCH's unsigned 32 bits) | book index << 32 | buy << 63.
     */
    private long[] orders;
    private int[] freeSlots;
    private int freeCount;
    private int nextSlot;

    private MarketDataSink sink = MarketDataSink.DISCARD;
    private long midnightEpochNs;
    private long unknownOrders;
    private long inconsistencies;
    private long trades;
    private long quotes;

    /**
     * @param symbols          the symbols to follow, as ITCH writes them (e.g. AAPL).
     * @param instrumentIds    the engine's instrument id for each symbol, in the same order.
     * @param orderCapacity    live orders of the followed symbols held before the arrays grow.
     */
    public ItchBook(final String[] symbols, final int[] instrumentIds, final int orderCapacity)
    {
        if (symbols.length != instrumentIds.length || symbols.length == 0)
        {
            throw new IllegalArgumentException("an ITCH book needs one instrument id per symbol, and a symbol: " +
                Arrays.toString(symbols) + " / " + Arrays.toString(instrumentIds));
        }
        this.symbolCodes = new long[symbols.length];
        for (int i = 0; i < symbols.length; i++)
        {
            symbolCodes[i] = ItchFields.alphaCode(symbols[i], 8);
        }
        this.instrumentIds = instrumentIds.clone();
        this.bids = new PriceLevels[symbols.length];
        this.asks = new PriceLevels[symbols.length];
        for (int i = 0; i < symbols.length; i++)
        {
            // The ladder holds the levels near the touch, the far list only stubs and sub-penny prices: with 64 far
            // levels to start, a symbol's two sides take ~37 KB (the sorted arrays of 1024 levels before: 32 KB).
            bids[i] = new PriceLevels(true, FAR_LEVELS);
            asks[i] = new PriceLevels(false, FAR_LEVELS);
        }
        this.shownBidPrice = new long[symbols.length];
        this.shownBidShares = new long[symbols.length];
        this.shownAskPrice = new long[symbols.length];
        this.shownAskShares = new long[symbols.length];
        final int capacity = Math.max(16, orderCapacity);
        this.slotOfOrder = new OrderIndex(capacity);
        this.orders = new long[2 * capacity];
        this.freeSlots = new int[capacity];
    }

    /**
     * Where trades and quotes go from now on, and the session's midnight (Unix epoch nanoseconds) that ITCH's
     * timestamps count from.
     */
    public ItchBook publishTo(final MarketDataSink sink, final long midnightEpochNs)
    {
        this.sink = sink;
        this.midnightEpochNs = midnightEpochNs;
        return this;
    }

    @Override
    public void onStockDirectory(final StockDirectory message)
    {
        resolve(message.stockLocate(), message.stockCode());
    }

    @Override
    public void onAddOrder(final AddOrder message)
    {
        final int book = resolve(message.stockLocate(), message.stockCode());
        if (book >= 0)
        {
            add(book, message.orderReferenceNumber(), message.buySellIndicator() == 'B', message.priceMantissa(),
                message.shares(), message.timestampNs());
        }
    }

    @Override
    public void onAddOrderWithMpid(final AddOrderWithMpid message)
    {
        final int book = resolve(message.stockLocate(), message.stockCode());
        if (book >= 0)
        {
            add(book, message.orderReferenceNumber(), message.buySellIndicator() == 'B', message.priceMantissa(),
                message.shares(), message.timestampNs());
        }
    }

    @Override
    public void onOrderExecuted(final OrderExecuted message)
    {
        if (followed(message.stockLocate()))
        {
            execute(message.orderReferenceNumber(), message.executedShares(), message.matchNumber(), true, 0,
                message.timestampNs());
        }
    }

    @Override
    public void onOrderExecutedWithPrice(final OrderExecutedWithPrice message)
    {
        if (followed(message.stockLocate()))
        {
            execute(message.orderReferenceNumber(), message.executedShares(), message.matchNumber(),
                message.printable() == 'Y', message.executionPriceMantissa(), message.timestampNs());
        }
    }

    @Override
    public void onOrderCancel(final OrderCancel message)
    {
        if (followed(message.stockLocate()))
        {
            final int position = slotOfOrder.find(message.orderReferenceNumber());
            if (position == OrderIndex.NONE)
            {
                unknownOrders++;
                return;
            }
            final int slot = slotOfOrder.slotAt(position);
            final int book = bookOfSlot(slot);
            reduce(position, slot, message.cancelledShares());
            publishTopIfChanged(book, message.timestampNs());
        }
    }

    @Override
    public void onOrderDelete(final OrderDelete message)
    {
        if (followed(message.stockLocate()))
        {
            final int position = slotOfOrder.find(message.orderReferenceNumber());
            if (position == OrderIndex.NONE)
            {
                unknownOrders++;
                return;
            }
            final int slot = slotOfOrder.slotAt(position);
            final int book = bookOfSlot(slot);
            reduce(position, slot, orders[2 * slot]);
            publishTopIfChanged(book, message.timestampNs());
        }
    }

    @Override
    public void onOrderReplace(final OrderReplace message)
    {
        if (followed(message.stockLocate()))
        {
            final int position = slotOfOrder.find(message.originalOrderReferenceNumber());
            if (position == OrderIndex.NONE)
            {
                unknownOrders++;
                return;
            }
            final int slot = slotOfOrder.slotAt(position);
            final int book = bookOfSlot(slot);
            final boolean buy = orders[2 * slot + 1] < 0;
            reduce(position, slot, orders[2 * slot]);
            // The replacement keeps the side and the symbol; one quote for the whole replace.
            add(book, message.newOrderReferenceNumber(), buy, message.priceMantissa(), message.shares(),
                message.timestampNs());
        }
    }

    @Override
    public void onTrade(final Trade message)
    {
        final int book = resolve(message.stockLocate(), message.stockCode());
        if (book >= 0 && message.shares() > 0)
        {
            publishTrade(book, message.matchNumber(), message.priceMantissa(), message.shares(),
                message.timestampNs());
        }
    }

    @Override
    public void onCrossTrade(final CrossTrade message)
    {
        final int book = resolve(message.stockLocate(), message.stockCode());
        if (book >= 0 && message.shares() > 0)
        {
            publishTrade(book, message.matchNumber(), message.crossPriceMantissa(), message.shares(),
                message.timestampNs());
        }
    }

    /** Forgets every order and level (a new session); symbols stay followed, stock locates are learnt again. */
    public void clear()
    {
        slotOfOrder.clear();
        Arrays.fill(bookOfLocate, UNRESOLVED);
        freeCount = 0;
        nextSlot = 0;
        for (int i = 0; i < bids.length; i++)
        {
            bids[i].clear();
            asks[i].clear();
            shownBidPrice[i] = 0;
            shownBidShares[i] = 0;
            shownAskPrice[i] = 0;
            shownAskShares[i] = 0;
        }
    }

    /** The book index of {@code symbol}, -1 when it is not followed. */
    public int bookOf(final String symbol)
    {
        final long code = ItchFields.alphaCode(symbol, 8);
        for (int i = 0; i < symbolCodes.length; i++)
        {
            if (symbolCodes[i] == code)
            {
                return i;
            }
        }
        return -1;
    }

    /** Prices with shares on the buy side of {@code book}. */
    public int bidLevels(final int book)
    {
        return bids[book].levels();
    }

    /** Prices with shares on the sell side of {@code book}. */
    public int askLevels(final int book)
    {
        return asks[book].levels();
    }

    /** The bid price (ITCH Price(4) mantissa) {@code depth} levels from the best. */
    public long bidPrice(final int book, final int depth)
    {
        return bids[book].priceAt(depth);
    }

    /** The shares bid at {@code depth} levels from the best. */
    public long bidShares(final int book, final int depth)
    {
        return bids[book].sharesAt(depth);
    }

    /** The ask price (ITCH Price(4) mantissa) {@code depth} levels from the best. */
    public long askPrice(final int book, final int depth)
    {
        return asks[book].priceAt(depth);
    }

    /** The shares offered at {@code depth} levels from the best. */
    public long askShares(final int book, final int depth)
    {
        return asks[book].sharesAt(depth);
    }

    /** Live orders held, all followed symbols. */
    public int orders()
    {
        return slotOfOrder.size();
    }

    /** The shares an order still displays, -1 when the book does not hold it. */
    public long orderShares(final long orderReferenceNumber)
    {
        final int position = slotOfOrder.find(orderReferenceNumber);
        return position == OrderIndex.NONE ? -1 : orders[2 * slotOfOrder.slotAt(position)];
    }

    /** Executes, cancels, deletes and replaces of followed symbols naming an order the book does not hold. */
    public long unknownOrders()
    {
        return unknownOrders;
    }

    /** Removals of more shares than an order held, or a level held (the book and the feed disagree). */
    public long inconsistencies()
    {
        return inconsistencies;
    }

    /** Trades handed to the sink. */
    public long trades()
    {
        return trades;
    }

    /** Quotes handed to the sink. */
    public long quotes()
    {
        return quotes;
    }

    /** @return the book index for the locate, or a negative number when its symbol is not followed. */
    private int resolve(final int locate, final long stockCode)
    {
        final int known = bookOfLocate[locate];
        if (known != UNRESOLVED)
        {
            return known - 1;
        }
        int book = -1;
        for (int i = 0; i < symbolCodes.length; i++)
        {
            if (symbolCodes[i] == stockCode)
            {
                book = i;
                break;
            }
        }
        bookOfLocate[locate] = book >= 0 ? book + 1 : NOT_FOLLOWED;
        return book;
    }

    /** Whether the locate is a followed symbol's; an order message for a locate never named is not followed. */
    private boolean followed(final int locate)
    {
        return bookOfLocate[locate] > 0;
    }

    private void add(final int book, final long reference, final boolean buy, final long price, final long shares,
        final long timestampNs)
    {
        final int slot = takeSlot();
        if (slotOfOrder.putIfAbsent(reference, slot) != OrderIndex.NONE)
        {
            // A reference number is unique for the day: a second add is a feed fault; keep the first order.
            freeSlots[freeCount++] = slot;
            inconsistencies++;
            return;
        }
        orders[2 * slot] = shares;
        orders[2 * slot + 1] = price | (long)book << 32 | (buy ? Long.MIN_VALUE : 0);
        (buy ? bids[book] : asks[book]).add(price, shares);
        publishTopIfChanged(book, timestampNs);
    }

    private void execute(final long reference, final long shares, final long matchNumber, final boolean printable,
        final long priceOrZero, final long timestampNs)
    {
        final int position = slotOfOrder.find(reference);
        if (position == OrderIndex.NONE)
        {
            unknownOrders++;
            return;
        }
        final int slot = slotOfOrder.slotAt(position);
        final int book = bookOfSlot(slot);
        final long price = priceOrZero != 0 ? priceOrZero : orders[2 * slot + 1] & PRICE_BITS;
        reduce(position, slot, shares);
        if (printable && shares > 0)
        {
            publishTrade(book, matchNumber, price, shares, timestampNs);
        }
        publishTopIfChanged(book, timestampNs);
    }

    /**
     * Takes shares off an order and its level; removes the order when none are left, at the index position its
     * lookup found (one probe for the whole execute or cancel).
     */
    private void reduce(final int position, final int slot, final long shares)
    {
        final long held = orders[2 * slot];
        final long taken = Math.min(held, shares);
        if (shares > held)
        {
            inconsistencies++;
        }
        takeFromLevel(slot, taken);
        orders[2 * slot] = held - taken;
        if (held == taken)
        {
            slotOfOrder.removeAt(position);
            freeSlots[freeCount++] = slot;
        }
    }

    /** Takes an order's shares off its price level. */
    private void takeFromLevel(final int slot, final long shares)
    {
        final long priceBookBuy = orders[2 * slot + 1];
        final int book = bookOfSlot(slot);
        if (!(priceBookBuy < 0 ? bids[book] : asks[book]).remove(priceBookBuy & PRICE_BITS, shares))
        {
            inconsistencies++;
        }
    }

    private int bookOfSlot(final int slot)
    {
        return (int)(orders[2 * slot + 1] >>> 32) & Integer.MAX_VALUE;
    }

    private int takeSlot()
    {
        if (freeCount > 0)
        {
            return freeSlots[--freeCount];
        }
        if (nextSlot == freeSlots.length)
        {
            final int grown = nextSlot * 2;
            orders = Arrays.copyOf(orders, 2 * grown);
            freeSlots = Arrays.copyOf(freeSlots, grown);
        }
        return nextSlot++;
    }

    private void publishTrade(final int book, final long matchNumber, final long price, final long shares,
        final long timestampNs)
    {
        trades++;
        sink.trade(instrumentIds[book], matchNumber, price, shares * Fixed.QUANTITY_SCALE,
            midnightEpochNs + timestampNs);
    }

    private void publishTopIfChanged(final int book, final long timestampNs)
    {
        final PriceLevels bid = bids[book];
        final PriceLevels ask = asks[book];
        final long bidPrice = bid.bestPrice();
        final long bidShares = bid.bestShares();
        final long askPrice = ask.bestPrice();
        final long askShares = ask.bestShares();
        if (bidPrice == shownBidPrice[book] && bidShares == shownBidShares[book] &&
            askPrice == shownAskPrice[book] && askShares == shownAskShares[book])
        {
            return;
        }
        shownBidPrice[book] = bidPrice;
        shownBidShares[book] = bidShares;
        shownAskPrice[book] = askPrice;
        shownAskShares[book] = askShares;
        quotes++;
        sink.quote(instrumentIds[book], bidPrice, bidShares * Fixed.QUANTITY_SCALE, askPrice,
            askShares * Fixed.QUANTITY_SCALE, midnightEpochNs + timestampNs);
    }
}
