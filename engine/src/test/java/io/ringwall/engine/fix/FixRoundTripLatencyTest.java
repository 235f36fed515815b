package io.ringwall.engine.fix;

import java.nio.file.Path;

import io.ringwall.codecs.OrderAcceptedDecoder;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Order round trip over loopback FIX, send -> ack, measured by the gateway (from handing a NewOrderSingle to
 * QuickFIX/J to decoding the venue's ExecutionReport New). One order in flight at a time; prints p50/p99. No
 * timing assertion: the figure is for the note, the test checks every order was acknowledged and measured.
 */
class FixRoundTripLatencyTest
{
    private static final int ORDERS = 300;

    @TempDir
    Path dir;

    @Test
    void sendToAckRoundTripOverLoopbackFix() throws Exception
    {
        try (FixHarness fix = new FixHarness(dir, 0))
        {
            FixHarness.await(() -> fix.gateway.isLoggedOn(), "logon");
            fix.venue.trade(FixHarness.SYMBOL, FixScript.price("100"), FixScript.quantity("10"));
            fix.signal(0, "100");
            for (int i = 1; i <= ORDERS; i++)
            {
                final int sent = i;
                fix.signal(FixScript.RESTING_LIMIT_BUY, "100");
                FixHarness.await(() -> fix.venue.ordersReceived() == sent, "order " + sent + " at the venue");
            }
            FixHarness.await(() -> fix.count(fix.inputs(), OrderAcceptedDecoder.TEMPLATE_ID) == ORDERS, "every ack");
            fix.stopEngine();
            final Histogram rtt = fix.gateway.roundTripNs();
            System.out.printf("FIX loopback send->ack: n=%d p50 %.1f us p99 %.1f us max %.1f us%n", rtt.getTotalCount(),
                rtt.getValueAtPercentile(50) / 1e3, rtt.getValueAtPercentile(99) / 1e3, rtt.getMaxValue() / 1e3);
            assertThat(rtt.getTotalCount()).isEqualTo(ORDERS);
        }
    }
}
