package io.ringwall.engine.marketdata.itch;

import java.util.ArrayList;
import java.util.List;

import static io.ringwall.engine.marketdata.itch.ItchTestEncoder.message;

/**
 * Test side: a small, hand-derivable ITCH session for one symbol (locate 1). Step {@code i} at 10:00 + i seconds:
 * a bid of 500 one cent under the step's price, an offer of 500 one cent over it, the previous step's two orders
 * deleted, then 200 of the new offer executed (a print at the offer, match number i + 1). Both sides stay quoted
 * from the first step on. The price is a triangle wave (150.00 up to 153.00 and back, 0.10 a step), so a
 * moving-average crossover turns several times. Each step journals 1 trade and 3 quotes: rising, the new bid, the
 * old offer's delete, the execution; falling, the new offer, the old bid's delete, the execution (the first step: the
 * bid, the offer, the execution). The session ends with System Event 'C'; {@code afterEnd} adds a
 * print after it, which a reader that honours the end must not deliver.
 */
public final class ItchSessions
{
    /** 10:00:00 New York in nanoseconds since midnight. */
    public static final long TEN_AM_NS = 36_000_000_000_000L;
    public static final long STEP_NS = 1_000_000_000L;
    public static final long SHARES_PER_PRINT = 200;

    private ItchSessions()
    {
    }

    /** The price of step {@code i}, 4 decimals. */
    public static long price(final int i)
    {
        final int phase = i % 60;
        final int up = phase < 30 ? phase : 60 - phase;
        return 150_0000 + up * 1000L;
    }

    public static List<byte[]> session(final String symbol, final int steps, final boolean afterEnd)
    {
        final List<byte[]> messages = new ArrayList<>();
        messages.add(message('S', 0, 0, TEN_AM_NS - 1000).alpha('O').bytes());
        messages.add(message('R', 1, 0, TEN_AM_NS - 500).alpha(symbol, 8).alpha('Q').alpha('N').u32(100).alpha('N')
            .alpha('C').alpha("C", 2).alpha('P').alpha('N').alpha('N').alpha('1').alpha('N').u32(0).alpha('N').bytes());
        for (int i = 0; i < steps; i++)
        {
            final long t = TEN_AM_NS + i * STEP_NS;
            final long bidRef = 2L * i + 1;
            final long askRef = 2L * i + 2;
            messages.add(message('A', 1, 0, t).u64(bidRef).alpha('B').u32(500).alpha(symbol, 8).u32(price(i) - 100)
                .bytes());
            messages.add(message('A', 1, 0, t + 1).u64(askRef).alpha('S').u32(500).alpha(symbol, 8).u32(price(i) + 100)
                .bytes());
            if (i > 0)
            {
                messages.add(message('D', 1, 0, t + 2).u64(bidRef - 2).bytes());
                messages.add(message('D', 1, 0, t + 3).u64(askRef - 2).bytes());
            }
            messages.add(message('E', 1, 0, t + 4).u64(askRef).u32(SHARES_PER_PRINT).u64(i + 1).bytes());
        }
        final long end = TEN_AM_NS + steps * STEP_NS;
        messages.add(message('S', 0, 0, end).alpha('C').bytes());
        if (afterEnd)
        {
            messages.add(message('P', 1, 0, end + 1).u64(0).alpha('B').u32(100).alpha(symbol, 8).u32(150_0000)
                .u64(999_999).bytes());
        }
        return messages;
    }
}
