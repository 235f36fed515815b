package io.ringwall.engine.fix;

import io.ringwall.codecs.Side;
import org.agrona.collections.Object2IntHashMap;
import org.junit.jupiter.api.Test;
import quickfix.FieldException;
import quickfix.field.SessionRejectReason;
import quickfix.fix44.ExecutionReport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a malformed ExecutionReport becomes: a {@link FieldException}, which QuickFIX/J answers with a session-level
 * Reject naming the tag (any other exception out of fromApp drops the message without a word to the venue).
 */
class FixMessagesTest
{
    private final Object2IntHashMap<String> instruments = new Object2IntHashMap<>(-1);

    FixMessagesTest()
    {
        instruments.put("BTCUSD", 0);
    }

    private static ExecutionReport fill()
    {
        final ExecutionReport report = new ExecutionReport();
        report.setString(quickfix.field.ClOrdID.FIELD, "65536");
        report.setString(quickfix.field.ExecID.FIELD, "7");
        report.setChar(quickfix.field.ExecType.FIELD, quickfix.field.ExecType.TRADE);
        report.setString(quickfix.field.Symbol.FIELD, "BTCUSD");
        report.setChar(quickfix.field.Side.FIELD, quickfix.field.Side.BUY);
        report.setString(quickfix.field.LastQty.FIELD, "0.5");
        report.setString(quickfix.field.LastPx.FIELD, "100.25");
        report.setString(quickfix.field.LeavesQty.FIELD, "0");
        report.setString(quickfix.field.CumQty.FIELD, "0.5");
        return report;
    }

    @Test
    void aFillDecodes() throws Exception
    {
        final FixGateway.Answer answer = FixMessages.decode(fill(), instruments, 1);

        assertThat(answer.kind).isEqualTo(FixGateway.Answer.Kind.FILLED);
        assertThat(answer.side).isEqualTo(Side.BUY);
        assertThat(answer.quantity).isEqualTo(50_000_000L);
        assertThat(answer.price).isEqualTo(1_002_500L);
    }

    @Test
    void aQuantityThatIsNotAPlainDecimalIsRejectedNamingTheTag()
    {
        final ExecutionReport report = fill();
        report.setString(quickfix.field.LastQty.FIELD, "1e3");

        assertThatThrownBy(() -> FixMessages.decode(report, instruments, 1))
            .isInstanceOfSatisfying(FieldException.class, ex ->
            {
                assertThat(ex.getField()).isEqualTo(quickfix.field.LastQty.FIELD);
                assertThat(ex.getSessionRejectReason()).isEqualTo(SessionRejectReason.INCORRECT_DATA_FORMAT_FOR_VALUE);
            })
            .hasMessageContaining("tag 32 = '1e3'");
    }

    @Test
    void aFillWithoutAUsableSideIsRejectedNotBookedAsASell()
    {
        final ExecutionReport missing = fill();
        missing.removeField(quickfix.field.Side.FIELD);
        final ExecutionReport cross = fill();
        cross.setChar(quickfix.field.Side.FIELD, quickfix.field.Side.CROSS);

        assertThatThrownBy(() -> FixMessages.decode(missing, instruments, 1))
            .isInstanceOfSatisfying(FieldException.class, ex ->
            {
                assertThat(ex.getField()).isEqualTo(quickfix.field.Side.FIELD);
                assertThat(ex.getSessionRejectReason()).isEqualTo(SessionRejectReason.REQUIRED_TAG_MISSING);
            });
        assertThatThrownBy(() -> FixMessages.decode(cross, instruments, 1))
            .isInstanceOfSatisfying(FieldException.class, ex ->
                assertThat(ex.getSessionRejectReason()).isEqualTo(SessionRejectReason.VALUE_IS_INCORRECT));
    }

    @Test
    void anExecIdIsItsNumberOrADistinctNegativeHashOfItsText()
    {
        assertThat(FixMessages.execKey("123")).isEqualTo(123);
        assertThat(FixMessages.execKey("X-1")).isNegative().isEqualTo(FixMessages.execKey("X-1"))
            .isNotEqualTo(FixMessages.execKey("X-2"));
        assertThat(FixMessages.execKey("00000000000000000000123")).as("too long for a number").isNegative();
    }

    @Test
    void rejectsOfOrdersCancelsAndReconciliationRequestsDecodeAndRejectsOfOtherMessagesDoNot() throws Exception
    {
        final quickfix.fix44.Reject session = new quickfix.fix44.Reject();
        session.setInt(quickfix.field.RefSeqNum.FIELD, 42);
        session.setString(quickfix.field.RefMsgType.FIELD, "D");
        final FixGateway.Answer reject = FixMessages.decode(session, instruments, 1);
        assertThat(reject.kind).isEqualTo(FixGateway.Answer.Kind.MESSAGE_REJECT);
        assertThat(reject.refSeqNum).isEqualTo(42);
        assertThat(reject.reason).isEqualTo(io.ringwall.codecs.VenueRejectReason.SESSION_REJECT);
        session.setString(quickfix.field.RefMsgType.FIELD, "0");
        assertThat(FixMessages.decode(session, instruments, 1)).as("a refused heartbeat").isNull();

        final quickfix.fix44.BusinessMessageReject business = new quickfix.fix44.BusinessMessageReject();
        business.setString(quickfix.field.RefMsgType.FIELD, "F");
        business.setString(quickfix.field.BusinessRejectRefID.FIELD, "65537");
        business.setInt(quickfix.field.BusinessRejectReason.FIELD, 0);
        final FixGateway.Answer refused = FixMessages.decode(business, instruments, 1);
        assertThat(refused.refId).isEqualTo(65_537);
        assertThat(refused.reason).isEqualTo(io.ringwall.codecs.VenueRejectReason.BUSINESS_REJECT);
        // Issue 18: a reject of the reconciliation's requests is no order's; it refuses that reconciliation, and says
        // UNSUPPORTED when the venue does not support the message type.
        for (final String reconciliation : new String[] {"AN", "AF"})
        {
            business.setString(quickfix.field.RefMsgType.FIELD, reconciliation);
            business.setString(quickfix.field.BusinessRejectRefID.FIELD, "P17");
            business.setInt(quickfix.field.BusinessRejectReason.FIELD, 0);
            final FixGateway.Answer other = FixMessages.decode(business, instruments, 1);
            assertThat(other.kind).as(reconciliation).isEqualTo(FixGateway.Answer.Kind.RECONCILIATION_REFUSED);
            assertThat(other.requestId).isEqualTo("P17");
            assertThat(other.unsupported).isFalse();
            business.setInt(quickfix.field.BusinessRejectReason.FIELD,
                quickfix.field.BusinessRejectReason.UNSUPPORTED_MESSAGE_TYPE);
            business.setString(quickfix.field.Text.FIELD, "no positions here");
            final FixGateway.Answer unsupported = FixMessages.decode(business, instruments, 1);
            assertThat(unsupported.unsupported).as(reconciliation).isTrue();
            assertThat(unsupported.refMsgType).isEqualTo(reconciliation);
            assertThat(unsupported.text).isEqualTo("no positions here");
        }
        business.setString(quickfix.field.RefMsgType.FIELD, "0");
        assertThat(FixMessages.decode(business, instruments, 1)).as("a refused heartbeat").isNull();
    }
}
