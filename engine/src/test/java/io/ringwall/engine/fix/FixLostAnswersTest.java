package io.ringwall.engine.fix;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.ringwall.codecs.BreakerState;
import io.ringwall.codecs.BreakerType;
import io.ringwall.codecs.MessageHeaderDecoder;
import io.ringwall.codecs.NewOrderDecoder;
import io.ringwall.codecs.OrderState;
import io.ringwall.codecs.OrderStatusQueryDecoder;
import io.ringwall.codecs.VenueOrderStatusDecoder;
import io.ringwall.engine.JournalDump;
import io.ringwall.engine.logic.BusinessLogic;
import io.ringwall.engine.logic.StatusTimeouts;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.ringwall.engine.fix.FixHarness.SYMBOL;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18, points 2 and 9, against the venue simulator: an order the venue lost on the way in is never answered; the
 * logic asks about it after the timeout (OrderStatusQuery, sent as 35=H), the venue says it never saw it, and the
 * order is rejected. A broker that does not support OrderStatusRequest ({@code fix-venue --reject-types H}) leaves
 * every question unanswered, and the VENUE breaker halts. In both, replaying journal "in" reproduces journal "out"
 * byte for byte (what {@code ringwall replay --verify} checks).
 */
class FixLostAnswersTest
{
    private static final StatusTimeouts ONE_SECOND_TWICE = new StatusTimeouts(1_000_000_000L, 2);

    @TempDir
    Path dir;

    @Test
    void anOrderTheVenueLostIsAskedAboutAndRejectedWhenTheVenueNeverSawIt() throws Exception
    {
        final FixHarness.Options options = FixHarness.Options.DEFAULT.withStatusTimeouts(ONE_SECOND_TWICE)
            .withVenue(venue -> venue.loseNextOrders(1));
        try (FixHarness fix = new FixHarness(dir, 0, options))
        {
            FixHarness.await(() -> fix.gateway.isLoggedOn(), "logon");
            fix.signal(FixScript.RESTING_LIMIT_BUY, "100");
            FixHarness.await(() -> fix.venue.ordersLost() == 1, "the order lost at the venue");
            final long order = only(fix.outputs(), NewOrderDecoder.TEMPLATE_ID, new NewOrderDecoder()).clOrdId();
            tickUntil(fix, () -> fix.count(fix.inputs(), VenueOrderStatusDecoder.TEMPLATE_ID) == 1, "the venue's answer");
            fix.stopEngine();

            final VenueOrderStatusDecoder answer = only(fix.inputs(), VenueOrderStatusDecoder.TEMPLATE_ID,
                new VenueOrderStatusDecoder());
            assertThat(answer.clOrdId()).isEqualTo(order);
            assertThat(answer.venueState()).isEqualTo(OrderState.UNKNOWN);
            assertThat(fix.gateway.statusQuestions()).isEqualTo(1);
            assertThat(fix.engine.logic().orderStatus(order)).as("rejected and released").isNull();
            assertThat(fix.engine.logic().breakerState(BreakerType.VENUE)).isEqualTo(BreakerState.ACTIVE);
            assertReplayReproducesTheOutputs(fix);
        }
    }

    @Test
    void aVenueThatRefusesOrderStatusRequestsLeavesTheQuestionsUnansweredAndVenueHalts() throws Exception
    {
        final FixHarness.Options options = FixHarness.Options.DEFAULT.withStatusTimeouts(ONE_SECOND_TWICE)
            .withVenue(venue ->
            {
                venue.loseNextOrders(1);
                venue.rejectTypes(List.of("H"));
            });
        try (FixHarness fix = new FixHarness(dir, 0, options))
        {
            FixHarness.await(() -> fix.gateway.isLoggedOn(), "logon");
            fix.venue.trade(SYMBOL, FixScript.price("100"), FixScript.quantity("10"));
            fix.signal(FixScript.RESTING_LIMIT_BUY, "100");
            tickUntil(fix, () -> fix.engine.logic().breakerState(BreakerType.VENUE) == BreakerState.HALTED,
                "the VENUE breaker");
            fix.stopEngine();

            assertThat(fix.venue.businessRejects()).isGreaterThanOrEqualTo(2);
            assertThat(fix.console).as("the trip on the console at once").anyMatch(line ->
                line.startsWith("VENUE breaker HALTED: the venue left 2 order-status question(s) about an order of " +
                    SYMBOL + " unanswered") && line.contains("ctl reset-breaker VENUE"));
            assertThat(fix.count(fix.outputs(), OrderStatusQueryDecoder.TEMPLATE_ID)).isGreaterThanOrEqualTo(3);
            assertThat(fix.count(fix.inputs(), VenueOrderStatusDecoder.TEMPLATE_ID)).isZero();
            assertReplayReproducesTheOutputs(fix);
        }
    }

    @Test
    void anAmendTheVenueLostIsAskedAboutByItsOwnIdAndRefusedSoTheOrderWorksOnUnchanged() throws Exception
    {
        final FixHarness.Options options = FixHarness.Options.DEFAULT.withStatusTimeouts(ONE_SECOND_TWICE)
            .withVenue(venue -> venue.loseNextAmends(1));
        try (FixHarness fix = new FixHarness(dir, 0, options))
        {
            FixHarness.await(() -> fix.gateway.isLoggedOn(), "logon");
            fix.venue.trade(SYMBOL, FixScript.price("100"), FixScript.quantity("10"));
            fix.signal(FixScript.RESTING_LIMIT_BUY, "100");
            FixHarness.await(() -> fix.venue.openOrders() == 1 &&
                fix.count(fix.inputs(), io.ringwall.codecs.OrderAcceptedDecoder.TEMPLATE_ID) == 1, "resting buy");
            final long order = only(fix.outputs(), NewOrderDecoder.TEMPLATE_ID, new NewOrderDecoder()).clOrdId();
            fix.signal(FixScript.AMEND_LAST, "100");
            FixHarness.await(() -> fix.venue.amendsReceived() == 1, "the amend lost at the venue");
            final long amendId = only(fix.outputs(), io.ringwall.codecs.ReplaceOrderDecoder.TEMPLATE_ID,
                new io.ringwall.codecs.ReplaceOrderDecoder()).clOrdId();
            tickUntil(fix, () -> fix.count(fix.inputs(), VenueOrderStatusDecoder.TEMPLATE_ID) == 1, "the venue's answer");
            fix.awaitApplied();
            final VenueOrderStatusDecoder answer = only(fix.inputs(), VenueOrderStatusDecoder.TEMPLATE_ID,
                new VenueOrderStatusDecoder());
            assertThat(answer.clOrdId()).as("asked by the amend's id").isEqualTo(amendId);
            assertThat(answer.venueState()).isEqualTo(OrderState.UNKNOWN);
            assertThat(fix.engine.logic().orderStatus(order)).isEqualTo(io.ringwall.engine.logic.OrderStatus.ACCEPTED);
            assertThat(fix.engine.logic().counters().replaceRejects).isEqualTo(1);

            // it works on under its first id: a cancel names that one and the venue cancels it
            fix.signal(FixScript.CANCEL_LAST, "100");
            FixHarness.await(() -> fix.venue.openOrders() == 0 && fix.engine.logic().workingOrders() == 0, "cancelled");
            fix.stopEngine();
            assertThat(fix.engine.logic().breakerState(BreakerType.VENUE)).isEqualTo(BreakerState.ACTIVE);
            assertThat(fix.engine.logic().counters().invalidTransitions).isZero();
            assertReplayReproducesTheOutputs(fix);
        }
    }

    /** Time moves for the logic with its inputs: a print every 100 ms until {@code done}. */
    private static void tickUntil(final FixHarness fix, final java.util.function.BooleanSupplier done,
        final String what)
    {
        FixHarness.await(() ->
        {
            if (!done.getAsBoolean())
            {
                fix.signal(0, "100");
                sleep(100);
            }
            return done.getAsBoolean();
        }, what);
    }

    private static void assertReplayReproducesTheOutputs(final FixHarness fix)
    {
        final List<byte[]> replayed = new ArrayList<>();
        final BusinessLogic replay = BusinessLogic.create(fix.engineConfig.logic(),
            (seq, time, frame, offset, length, ingress) ->
            {
                final byte[] copy = new byte[length];
                frame.getBytes(offset, copy);
                replayed.add(copy);
            });
        for (final JournalDump.Entry input : fix.inputs())
        {
            replay.onInput(input.sequence(), input.timeNs(), new UnsafeBuffer(input.frame()), 0, input.frame().length,
                0);
        }
        final List<JournalDump.Entry> outputs = fix.outputs();
        assertThat(replayed).hasSameSizeAs(outputs);
        for (int i = 0; i < outputs.size(); i++)
        {
            assertThat(replayed.get(i)).as("output %d", i).isEqualTo(outputs.get(i).frame());
        }
    }

    private static <T extends org.agrona.sbe.MessageDecoderFlyweight> T only(final List<JournalDump.Entry> entries,
        final int templateId, final T decoder)
    {
        final List<JournalDump.Entry> matching = entries.stream().filter(e -> e.templateId() == templateId).toList();
        assertThat(matching).hasSize(1);
        final UnsafeBuffer buffer = new UnsafeBuffer(matching.get(0).frame());
        final MessageHeaderDecoder header = new MessageHeaderDecoder().wrap(buffer, 0);
        decoder.wrap(buffer, MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version());
        return decoder;
    }

    private static void sleep(final long millis)
    {
        try
        {
            Thread.sleep(millis);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new AssertionError(ex);
        }
    }
}
