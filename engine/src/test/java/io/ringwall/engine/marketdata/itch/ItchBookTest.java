package io.ringwall.engine.marketdata.itch;

import java.util.List;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static io.ringwall.engine.marketdata.itch.ItchTestEncoder.message;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A book built from a hand-written ITCH sequence equals the book derived by hand, level by level, and hands the sink
 * exactly the trades and top-of-book quotes derived by hand (prices: 4 decimals as ITCH; quantities: shares x 1e8).
 */
class ItchBookTest
{
    private static final int AAPL = 7;
    private static final int MSFT = 9;
    private static final long MIDNIGHT = 1_700_000_000_000_000_000L;
    private static final long SHARE = 100_000_000L;

    private final ItchDecoder decoder = new ItchDecoder();
    private final RecordingSink sink = new RecordingSink();
    private final ItchBook book = new ItchBook(new String[] {"AAPL", "MSFT"}, new int[] {AAPL, MSFT}, 4)
        .publishTo(sink, MIDNIGHT);

    static byte[] add(final int locate, final long t, final long ref, final char side, final long shares,
        final String stock, final long price)
    {
        return message('A', locate, 0, t).u64(ref).alpha(side).u32(shares).alpha(stock, 8).u32(price).bytes();
    }

    static byte[] addMpid(final int locate, final long t, final long ref, final char side, final long shares,
        final String stock, final long price)
    {
        return message('F', locate, 0, t).u64(ref).alpha(side).u32(shares).alpha(stock, 8).u32(price)
            .alpha("GSCO", 4).bytes();
    }

    static byte[] executed(final int locate, final long t, final long ref, final long shares, final long match)
    {
        return message('E', locate, 0, t).u64(ref).u32(shares).u64(match).bytes();
    }

    static byte[] executedAt(final int locate, final long t, final long ref, final long shares, final long match,
        final char printable, final long price)
    {
        return message('C', locate, 0, t).u64(ref).u32(shares).u64(match).alpha(printable).u32(price).bytes();
    }

    static byte[] cancel(final int locate, final long t, final long ref, final long shares)
    {
        return message('X', locate, 0, t).u64(ref).u32(shares).bytes();
    }

    static byte[] delete(final int locate, final long t, final long ref)
    {
        return message('D', locate, 0, t).u64(ref).bytes();
    }

    static byte[] replace(final int locate, final long t, final long ref, final long newRef, final long shares,
        final long price)
    {
        return message('U', locate, 0, t).u64(ref).u64(newRef).u32(shares).u32(price).bytes();
    }

    static byte[] trade(final int locate, final long t, final long shares, final String stock, final long price,
        final long match)
    {
        return message('P', locate, 0, t).u64(0).alpha('B').u32(shares).alpha(stock, 8).u32(price).u64(match).bytes();
    }

    static byte[] directory(final int locate, final String stock)
    {
        return message('R', locate, 0, 1).alpha(stock, 8).alpha('Q').alpha('N').u32(100).alpha('N')
            .alpha('C').alpha("C", 2).alpha('P').alpha('N').alpha('N').alpha('1').alpha('N').u32(0).alpha('N').bytes();
    }

    private void feed(final byte[]... messages)
    {
        for (final byte[] bytes : messages)
        {
            assertThat(decoder.decode(new UnsafeBuffer(bytes), 0, bytes.length, book)).isEqualTo(ItchDecoder.OK);
        }
    }

    private static String quote(final int instrument, final long bid, final long bidShares, final long ask,
        final long askShares, final long t)
    {
        return "Q " + instrument + " bid=" + bid + "x" + bidShares * SHARE + " ask=" + ask + "x" + askShares * SHARE +
            " t=" + (MIDNIGHT + t);
    }

    private static String print(final int instrument, final long match, final long price, final long shares,
        final long t)
    {
        return "T " + instrument + " id=" + match + " px=" + price + " qty=" + shares * SHARE + " t=" + (MIDNIGHT + t);
    }

    @Test
    void aSequenceOfOrderMessagesBuildsTheHandDerivedBookAndItsTradesAndQuotes()
    {
        feed(directory(1, "AAPL"), directory(3, "IBM"),
            add(1, 10, 1, 'B', 100, "AAPL", 150_0000),     // bid 150.00 x 100, no ask
            add(1, 11, 2, 'B', 200, "AAPL", 149_9000),     // below the best: top unchanged, no quote
            add(1, 12, 3, 'S', 300, "AAPL", 150_1000),     // ask 150.10 x 300
            addMpid(1, 13, 4, 'S', 50, "AAPL", 150_1000),  // ask 150.10 x 350
            add(3, 14, 5, 'S', 100, "IBM", 99_0000),       // not followed
            executed(1, 15, 3, 100, 901),                  // print 100 @ 150.10; ask 150.10 x 250
            executedAt(1, 16, 1, 100, 902, 'Y', 150_0200), // print 100 @ 150.02; order 1 gone: bid 149.90 x 200
            cancel(1, 17, 2, 50),                          // bid 149.90 x 150
            replace(1, 18, 4, 6, 80, 150_0500),            // order 4 (50 @ 150.10) becomes 6: 80 @ 150.05
            delete(1, 19, 3),                              // 200 @ 150.10 go; the best ask is 150.05: no quote
            trade(1, 20, 10, "AAPL", 150_0300, 903),       // a hidden order's print; the book does not change
            executed(1, 21, 99, 5, 904),                   // no order 99: counted, nothing printed
            executedAt(1, 22, 6, 80, 905, 'N', 150_0500),  // non-printable: no print; the ask side empties
            add(1, 23, 7, 'B', 100, "AAPL", 149_9500),     // new best bid 149.95 x 100
            add(1, 24, 8, 'B', 100, "AAPL", 149_8000),     // below: no quote
            add(2, 25, 20, 'S', 10, "MSFT", 300_0000));    // MSFT's own book

        assertThat(sink.events).containsExactly(
            quote(AAPL, 150_0000, 100, 0, 0, 10),
            quote(AAPL, 150_0000, 100, 150_1000, 300, 12),
            quote(AAPL, 150_0000, 100, 150_1000, 350, 13),
            print(AAPL, 901, 150_1000, 100, 15),
            quote(AAPL, 150_0000, 100, 150_1000, 250, 15),
            print(AAPL, 902, 150_0200, 100, 16),
            quote(AAPL, 149_9000, 200, 150_1000, 250, 16),
            quote(AAPL, 149_9000, 150, 150_1000, 250, 17),
            quote(AAPL, 149_9000, 150, 150_0500, 80, 18),
            print(AAPL, 903, 150_0300, 10, 20),
            quote(AAPL, 149_9000, 150, 0, 0, 22),
            quote(AAPL, 149_9500, 100, 0, 0, 23),
            quote(MSFT, 0, 0, 300_0000, 10, 25));

        final int aapl = book.bookOf("AAPL");
        assertThat(book.bidLevels(aapl)).isEqualTo(3);
        assertThat(List.of(book.bidPrice(aapl, 0), book.bidPrice(aapl, 1), book.bidPrice(aapl, 2)))
            .containsExactly(149_9500L, 149_9000L, 149_8000L);
        assertThat(List.of(book.bidShares(aapl, 0), book.bidShares(aapl, 1), book.bidShares(aapl, 2)))
            .containsExactly(100L, 150L, 100L);
        assertThat(book.askLevels(aapl)).isZero();
        final int msft = book.bookOf("MSFT");
        assertThat(book.askLevels(msft)).isEqualTo(1);
        assertThat(book.askPrice(msft, 0)).isEqualTo(300_0000L);
        assertThat(book.askShares(msft, 0)).isEqualTo(10L);
        assertThat(book.bidLevels(msft)).isZero();

        // Orders left: 2 (150 shares), 7, 8 of AAPL and 20 of MSFT; 1, 3, 4, 6 are gone, IBM's 5 was never held.
        assertThat(book.orders()).isEqualTo(4);
        assertThat(book.orderShares(2)).isEqualTo(150);
        assertThat(book.orderShares(1)).isEqualTo(-1);
        assertThat(book.orderShares(3)).isEqualTo(-1);
        assertThat(book.orderShares(4)).isEqualTo(-1);
        assertThat(book.orderShares(6)).isEqualTo(-1);
        assertThat(book.orderShares(5)).isEqualTo(-1);
        assertThat(book.unknownOrders()).isEqualTo(1);
        assertThat(book.inconsistencies()).isZero();
        assertThat(book.trades()).isEqualTo(3);
        assertThat(book.quotes()).isEqualTo(10);
    }

    @Test
    void lockedAndCrossedBooksAreShownAsTheFeedMakesThemAndUncrossAsTheOrdersGo()
    {
        // ITCH does not cross a book by itself, but a gap or a late join can: the book shows what it was told.
        feed(directory(1, "AAPL"),
            add(1, 1, 1, 'B', 100, "AAPL", 150_0000),
            add(1, 2, 2, 'S', 200, "AAPL", 150_0000), // locked
            add(1, 3, 3, 'S', 300, "AAPL", 149_9900), // crossed by the ask
            add(1, 4, 4, 'B', 50, "AAPL", 150_0100),  // crossed by the bid too
            delete(1, 5, 3),
            delete(1, 6, 4),
            delete(1, 7, 2));

        assertThat(sink.events).containsExactly(
            quote(AAPL, 150_0000, 100, 0, 0, 1),
            quote(AAPL, 150_0000, 100, 150_0000, 200, 2),
            quote(AAPL, 150_0000, 100, 149_9900, 300, 3),
            quote(AAPL, 150_0100, 50, 149_9900, 300, 4),
            quote(AAPL, 150_0100, 50, 150_0000, 200, 5),
            quote(AAPL, 150_0000, 100, 150_0000, 200, 6),
            quote(AAPL, 150_0000, 100, 0, 0, 7));
        assertThat(book.inconsistencies()).isZero();
    }

    @Test
    void stubQuotesAndSubPenniesFarFromTheTouchAreLevelsAndBecomeTheTopWhenTheTouchGoes()
    {
        feed(directory(1, "AAPL"),
            add(1, 1, 1, 'B', 100, "AAPL", 100),              // a stub bid at $0.01
            add(1, 2, 2, 'S', 100, "AAPL", 199_999_9900L),    // a stub ask at $199,999.99
            add(1, 3, 3, 'B', 10, "AAPL", 150_0000),
            add(1, 4, 4, 'S', 20, "AAPL", 150_0100),
            add(1, 5, 5, 'B', 30, "AAPL", 150_0050),          // a midpoint-like sub-penny price: the best bid
            delete(1, 6, 5),
            executed(1, 7, 3, 10, 1),                         // the touch goes: the stubs are the top
            executed(1, 8, 4, 20, 2),
            add(1, 9, 6, 'B', 40, "AAPL", 149_0000));         // and a new touch a dollar away

        final int aapl = book.bookOf("AAPL");
        assertThat(book.bidLevels(aapl)).isEqualTo(2);
        assertThat(List.of(book.bidPrice(aapl, 0), book.bidPrice(aapl, 1))).containsExactly(149_0000L, 100L);
        assertThat(book.askLevels(aapl)).isEqualTo(1);
        assertThat(sink.events).containsExactly(
            quote(AAPL, 100, 100, 0, 0, 1),
            quote(AAPL, 100, 100, 199_999_9900L, 100, 2),
            quote(AAPL, 150_0000, 10, 199_999_9900L, 100, 3),
            quote(AAPL, 150_0000, 10, 150_0100, 20, 4),
            quote(AAPL, 150_0050, 30, 150_0100, 20, 5),
            quote(AAPL, 150_0000, 10, 150_0100, 20, 6),
            print(AAPL, 1, 150_0000, 10, 7),
            quote(AAPL, 100, 100, 150_0100, 20, 7),
            print(AAPL, 2, 150_0100, 20, 8),
            quote(AAPL, 100, 100, 199_999_9900L, 100, 8),
            quote(AAPL, 149_0000, 40, 199_999_9900L, 100, 9));
    }

    @Test
    void anOrderMessageOfASymbolNotFollowedNeverTouchesTheBook()
    {
        feed(add(3, 1, 5, 'S', 100, "IBM", 99_0000), executed(3, 2, 5, 100, 1), delete(3, 3, 5),
            executed(4, 4, 77, 1, 2)); // locate 4 never named: not followed

        assertThat(sink.events).isEmpty();
        assertThat(book.orders()).isZero();
        assertThat(book.unknownOrders()).isZero();
    }

    @Test
    void removingMoreSharesThanAnOrderHoldsIsCountedAndRemovesTheOrder()
    {
        feed(add(1, 1, 1, 'B', 100, "AAPL", 10_0000), cancel(1, 2, 1, 150));

        assertThat(book.inconsistencies()).isEqualTo(1);
        assertThat(book.orders()).isZero();
        assertThat(book.bidLevels(book.bookOf("AAPL"))).isZero();
    }

    @Test
    void aSecondAddWithTheSameReferenceIsCountedAndKeepsTheFirstOrder()
    {
        feed(add(1, 1, 1, 'B', 100, "AAPL", 10_0000), add(1, 2, 1, 'S', 5, "AAPL", 11_0000));

        assertThat(book.inconsistencies()).isEqualTo(1);
        assertThat(book.orderShares(1)).isEqualTo(100);
        assertThat(book.askLevels(book.bookOf("AAPL"))).isZero();
    }

    @Test
    void ordersAndLevelsBeyondThePreallocatedSizesGrowAndStaySorted()
    {
        // Capacity 4 orders; 3000 orders at 3000 prices off the penny tick (so all in the far lists, past their 64
        // preallocated levels), then all executed.
        for (int i = 0; i < 3000; i++)
        {
            feed(add(1, i, 100 + i, i % 2 == 0 ? 'B' : 'S', 1, "AAPL", i % 2 == 0 ? 100_0000 - i : 200_0000 + i));
        }
        final int aapl = book.bookOf("AAPL");
        assertThat(book.bidLevels(aapl)).isEqualTo(1500);
        assertThat(book.askLevels(aapl)).isEqualTo(1500);
        assertThat(book.bidPrice(aapl, 0)).isEqualTo(100_0000L);
        assertThat(book.bidPrice(aapl, 1499)).isEqualTo(100_0000L - 2998);
        assertThat(book.askPrice(aapl, 0)).isEqualTo(200_0001L);
        assertThat(book.askPrice(aapl, 1499)).isEqualTo(200_0000L + 2999);
        for (int i = 0; i < 3000; i++)
        {
            feed(executed(1, 5000 + i, 100 + i, 1, i));
        }
        assertThat(book.orders()).isZero();
        assertThat(book.bidLevels(aapl)).isZero();
        assertThat(book.askLevels(aapl)).isZero();
        assertThat(book.inconsistencies()).isZero();
    }
}
