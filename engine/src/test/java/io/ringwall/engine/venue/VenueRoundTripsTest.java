package io.ringwall.engine.venue;

import java.util.ArrayList;
import java.util.List;

import io.ringwall.codecs.Side;
import io.ringwall.codecs.VenueRejectReason;
import io.ringwall.engine.frames.VenueAnswers;
import io.ringwall.engine.metrics.LatencyStage;
import io.ringwall.engine.metrics.StageLatencies;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The round trip is recorded from the send stamp to the answer's stamp, per order, and every answer still
 * reaches the engine.
 */
class VenueRoundTripsTest
{
    private final StageLatencies latencies = new StageLatencies();
    private final List<String> passed = new ArrayList<>();
    private final VenueRoundTrips roundTrips = new VenueRoundTrips(new Recording(), latencies, 16);

    @Test
    void afterTheClockMovedTheNextTimedAnswerReadsTheHostClockOnceAndTheAnswersAfterItShareThatRead()
    {
        final long sentNanos = System.nanoTime();
        roundTrips.sent(7, sentNanos);
        roundTrips.now(sentNanos + 10_000_000_000L); // another input's stamp, 10 s off: must not be used
        roundTrips.clockMoved(); // a new input
        roundTrips.orderAccepted(0, 7, 1, 0);
        roundTrips.orderFilled(0, 7, 1, 1, 0, Side.BUY, 100, 1, 0, 1, 0);
        final long elapsedNanos = System.nanoTime() - sentNanos;

        latencies.flushGatewayThread();
        final Histogram acks = latencies.intervalHistogram(LatencyStage.VENUE_ACK, null);
        final Histogram fills = latencies.intervalHistogram(LatencyStage.VENUE_FILL, null);
        assertThat(acks.getTotalCount()).isEqualTo(1);
        assertThat(fills.getTotalCount()).isEqualTo(1);
        assertThat(acks.getMaxValue()).as("a fresh read, not the stale stamp")
            .isLessThanOrEqualTo(acks.highestEquivalentValue(elapsedNanos));
        assertThat(fills.valuesAreEquivalent(fills.getMaxValue(), acks.getMaxValue()))
            .as("one clock read for both answers of the input").isTrue();
    }

    @Test
    void ackAndEachFillAreTimedFromTheSendStampUntilTheLastFill()
    {
        roundTrips.sent(7, 1_000);
        roundTrips.sent(8, 1_500);
        roundTrips.now(4_000);
        roundTrips.orderAccepted(0, 7, 1, 0);
        roundTrips.now(10_000);
        roundTrips.orderFilled(0, 7, 1, 1, 0, Side.BUY, 100, 1, 1, 1, 0);
        roundTrips.now(21_000);
        roundTrips.orderFilled(0, 7, 1, 2, 0, Side.BUY, 100, 1, 0, 2, 0);
        assertThat(roundTrips.inFlight()).as("order 7 is done, 8 is still out").isEqualTo(1);

        latencies.flushGatewayThread(); // as the gateway thread does at the end of each duty cycle
        final Histogram acks = latencies.intervalHistogram(LatencyStage.VENUE_ACK, null);
        final Histogram fills = latencies.intervalHistogram(LatencyStage.VENUE_FILL, null);
        assertThat(acks.getTotalCount()).isEqualTo(1);
        assertThat(acks.valuesAreEquivalent(acks.getMaxValue(), 3_000)).isTrue();
        assertThat(fills.getTotalCount()).isEqualTo(2);
        assertThat(fills.valuesAreEquivalent(fills.getMinValue(), 9_000)).isTrue();
        assertThat(fills.valuesAreEquivalent(fills.getMaxValue(), 20_000)).isTrue();
        assertThat(passed).containsExactly("accepted 7", "filled 7", "filled 7");
    }

    @Test
    void rejectedCancelledAndExpiredOrdersAreForgottenAndAnswersOfUnknownOrdersAreNotTimed()
    {
        roundTrips.sent(1, 0);
        roundTrips.sent(2, 0);
        roundTrips.sent(3, 0);
        roundTrips.now(50);
        roundTrips.orderRejected(0, 1, 0, VenueRejectReason.NO_MARKET);
        roundTrips.orderCancelled(0, 2, 1, 0, 5);
        roundTrips.orderExpired(0, 3, 1, 0, 5);
        roundTrips.orderAccepted(0, 99, 1, 0);
        roundTrips.orderFilled(0, 99, 1, 1, 0, Side.SELL, 100, 1, 0, 1, 0);
        roundTrips.cancelRejected(0, 100, 99, VenueRejectReason.TOO_LATE_TO_CANCEL);

        assertThat(roundTrips.inFlight()).isZero();
        latencies.flushGatewayThread();
        assertThat(latencies.intervalHistogram(LatencyStage.VENUE_ACK, null).getTotalCount()).isZero();
        assertThat(latencies.intervalHistogram(LatencyStage.VENUE_FILL, null).getTotalCount()).isZero();
        assertThat(passed).containsExactly("rejected 1", "cancelled 2", "expired 3", "accepted 99", "filled 99",
            "cancel-rejected 99");
    }

    private final class Recording implements VenueAnswers
    {
        @Override
        public void orderAccepted(final long timeNs, final long clOrdId, final long venueOrderId, final int instrumentId)
        {
            passed.add("accepted " + clOrdId);
        }

        @Override
        public void orderFilled(final long timeNs, final long clOrdId, final long venueOrderId, final long execId,
            final int instrumentId, final Side side, final long lastPrice, final long lastQuantity,
            final long leavesQuantity, final long cumQuantity, final long fee)
        {
            passed.add("filled " + clOrdId);
        }

        @Override
        public void orderRejected(final long timeNs, final long clOrdId, final int instrumentId,
            final VenueRejectReason reason)
        {
            passed.add("rejected " + clOrdId);
        }

        @Override
        public void orderCancelled(final long timeNs, final long clOrdId, final long venueOrderId,
            final int instrumentId, final long cancelledQuantity)
        {
            passed.add("cancelled " + clOrdId);
        }

        @Override
        public void orderExpired(final long timeNs, final long clOrdId, final long venueOrderId,
            final int instrumentId, final long expiredQuantity)
        {
            passed.add("expired " + clOrdId);
        }

        @Override
        public void cancelRejected(final long timeNs, final long clOrdId, final long origClOrdId,
            final VenueRejectReason reason)
        {
            passed.add("cancel-rejected " + origClOrdId);
        }

        @Override
        public void orderReplaced(final long timeNs, final long clOrdId, final long origClOrdId,
            final long venueOrderId, final int instrumentId, final long quantity, final long limitPrice,
            final long leavesQuantity, final long cumQuantity)
        {
            passed.add("replaced " + clOrdId);
        }

        @Override
        public void replaceRejected(final long timeNs, final long clOrdId, final long origClOrdId,
            final VenueRejectReason reason)
        {
            passed.add("replace-rejected " + clOrdId);
        }
    }
}
