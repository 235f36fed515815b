package io.ringwall.tools;

import java.nio.file.Path;

import io.ringwall.codecs.MessageHeaderDecoder;
import io.ringwall.codecs.OrderReplacedDecoder;
import io.ringwall.codecs.ReplaceOrderDecoder;
import io.ringwall.codecs.ReplaceRejectedDecoder;
import io.ringwall.codecs.VenueRejectReason;
import io.ringwall.engine.strategy.examples.AmendingStrategy;
import io.ringwall.engine.Engine;
import io.ringwall.engine.EngineFixtures;
import io.ringwall.engine.JournalDump;
import io.ringwall.engine.RunSummary;
import io.ringwall.engine.marketdata.DataFiles;
import io.ringwall.engine.marketdata.MalformedLineReporter;
import io.ringwall.engine.marketdata.TradeCsvSource;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A paper session whose strategy amends its orders (issue 18 point 6: strategy, risk, OMS, paper venue) replays
 * byte for byte: the amends, the venue's replaces and the fills under the amends' ids are journaled inputs and
 * outputs like any other, and the logic reaches the same ones from journal "in" alone.
 */
class AmendReplayTest
{
    @TempDir
    Path dir;

    @Test
    void aSessionWithAmendsReplaysIdentically()
    {
        final Path session = dir.resolve("session");
        final RunSummary summary;
        try (Engine engine = new Engine(EngineFixtures.recorded(session, AmendingStrategy.class.getName())))
        {
            summary = engine.run(new TradeCsvSource(DataFiles.BITSTAMP_TRADES, 0, new MalformedLineReporter()));
        }
        assertThat(summary.failure()).isNull();
        assertThat(summary.counters().amendsSent).isGreaterThan(10);
        assertThat(summary.counters().replaces).isGreaterThan(10);
        assertThat(summary.counters().fills).isGreaterThan(5);
        assertThat(summary.counters().invalidTransitions).isZero();
        assertThat(summary.format()).as("the run summary counts amends like the other venue counters")
            .contains(String.format("amends        %,d sent, %,d replaced, %,d refused by the venue,",
                summary.counters().amendsSent, summary.counters().replaces, summary.counters().replaceRejects));
        // the only answers for no working order: amends the venue refused as UNKNOWN_ORDER because the order had
        // filled meanwhile (its last fill was journaled first, so the order was already released)
        assertThat(summary.counters().unknownOrderEvents).isEqualTo(JournalDump.inputs(session).stream()
            .filter(e -> e.templateId() == ReplaceRejectedDecoder.TEMPLATE_ID)
            .map(e -> new ReplaceRejectedDecoder().wrapAndApplyHeader(new UnsafeBuffer(e.frame()), 0,
                new MessageHeaderDecoder()).reason())
            .filter(reason -> reason == VenueRejectReason.UNKNOWN_ORDER).count());
        assertThat(JournalDump.outputs(session).stream()
            .filter(e -> e.templateId() == ReplaceOrderDecoder.TEMPLATE_ID).count())
            .isEqualTo(summary.counters().amendsSent);
        assertThat(JournalDump.inputs(session).stream()
            .filter(e -> e.templateId() == OrderReplacedDecoder.TEMPLATE_ID).count())
            .isEqualTo(summary.counters().replaces);

        final ReplayVerifier.Result result = new ReplayVerifier().verify(session);

        assertThat(result.identical()).as(result.format()).isTrue();
        assertThat(result.inputs()).isEqualTo(summary.counters().inputs);
    }
}
