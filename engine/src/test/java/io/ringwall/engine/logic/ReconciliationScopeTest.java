package io.ringwall.engine.logic;

import java.util.List;

import io.ringwall.codecs.BreakerState;
import io.ringwall.codecs.BreakerType;
import io.ringwall.codecs.ReconciliationOutcome;
import io.ringwall.codecs.ReconciliationReportDecoder;
import io.ringwall.codecs.ReconciliationScope;
import io.ringwall.codecs.ReconciliationVerdict;
import io.ringwall.engine.Fixed;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18, point 7: what a reconciliation asked (journaled on its end) decides what the logic compares. Orders-only
 * compares open orders, not positions and cash; a venue that does not support the request (UNSUPPORTED) halts a
 * full reconciliation and not an orders-only one; a ReconciliationEnd journaled by schema version 4 (no scope) is
 * still read, as a full one.
 */
class ReconciliationScopeTest
{
    private static final long ONE = Fixed.QUANTITY_SCALE;

    private final LogicHarness harness = new LogicHarness(LogicHarness.config(), List.of());

    @Test
    void anOrdersOnlyReconciliationComparesNoPositionSoADifferenceThereIsNoHalt()
    {
        harness.venuePosition(7, 0, 5 * ONE, 0);
        harness.reconciliationEnd(7, ReconciliationOutcome.COMPLETE, ReconciliationScope.ORDERS_ONLY);

        assertThat(verdicts()).containsOnly(ReconciliationVerdict.NOT_COMPARED).hasSize(3);
        assertThat(harness.logic().breakerState(BreakerType.RECONCILIATION)).isEqualTo(BreakerState.ACTIVE);
    }

    @Test
    void theSameDifferenceInAFullReconciliationHalts()
    {
        harness.venuePosition(7, 0, 5 * ONE, 0);
        harness.reconciliationEnd(7, ReconciliationOutcome.COMPLETE, ReconciliationScope.FULL);

        assertThat(verdicts()).contains(ReconciliationVerdict.BREACH);
        assertThat(harness.logic().breakerState(BreakerType.RECONCILIATION)).isEqualTo(BreakerState.HALTED);
    }

    @Test
    void unsupportedIsNotAHaltInOrdersOnlyMode()
    {
        harness.reconciliationEnd(8, ReconciliationOutcome.UNSUPPORTED, ReconciliationScope.ORDERS_ONLY);

        assertThat(verdicts()).containsOnly(ReconciliationVerdict.NOT_COMPARED);
        assertThat(harness.logic().breakerState(BreakerType.RECONCILIATION)).isEqualTo(BreakerState.ACTIVE);
    }

    @Test
    void unsupportedHaltsAFullReconciliation()
    {
        harness.reconciliationEnd(8, ReconciliationOutcome.UNSUPPORTED, ReconciliationScope.FULL);

        assertThat(verdicts()).containsOnly(ReconciliationVerdict.NOT_COMPARED);
        assertThat(harness.logic().breakerState(BreakerType.RECONCILIATION)).isEqualTo(BreakerState.HALTED);
    }

    @Test
    void aVersion4EndWithoutScopeIsReadAsAFullReconciliation()
    {
        harness.venuePosition(9, 0, 5 * ONE, 0);
        harness.reconciliationEndOfVersion4(9, ReconciliationOutcome.COMPLETE);

        assertThat(harness.logic().counters().unknownFrames).isZero();
        assertThat(verdicts()).contains(ReconciliationVerdict.BREACH);
        assertThat(harness.logic().breakerState(BreakerType.RECONCILIATION)).isEqualTo(BreakerState.HALTED);
    }

    private List<ReconciliationVerdict> verdicts()
    {
        final ReconciliationReportDecoder report = new ReconciliationReportDecoder();
        final io.ringwall.codecs.MessageHeaderDecoder header = new io.ringwall.codecs.MessageHeaderDecoder();
        return harness.outputs().stream().filter(o -> o.templateId() == ReconciliationReportDecoder.TEMPLATE_ID)
            .map(o -> report.wrapAndApplyHeader(o.buffer(), 0, header).verdict()).toList();
    }
}
