package io.ringwall.tools;

import java.nio.file.Path;
import java.util.List;

import io.ringwall.codecs.MessageHeaderDecoder;
import io.ringwall.codecs.NewOrderDecoder;
import io.ringwall.engine.Engine;
import io.ringwall.engine.EngineFixtures;
import io.ringwall.engine.JournalDump;
import io.ringwall.engine.RunSummary;
import io.ringwall.engine.marketdata.DataFiles;
import io.ringwall.engine.marketdata.MalformedLineReporter;
import io.ringwall.engine.marketdata.TradeCsvSource;
import io.ringwall.journal.JournalDirectory;
import io.ringwall.journal.JournalWriter;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ReplayVerifierTest
{
    @TempDir
    static Path dir;
    static Path session;
    static RunSummary summary;

    @BeforeAll
    static void recordASessionOnTheRealTrades()
    {
        session = dir.resolve("session");
        try (Engine engine = new Engine(EngineFixtures.recorded(session, EngineFixtures.MA)))
        {
            summary = engine.run(new TradeCsvSource(DataFiles.BITSTAMP_TRADES, 0, new MalformedLineReporter()));
        }
        assertThat(summary.failure()).isNull();
        assertThat(summary.counters().ordersSent).isGreaterThan(10);
    }

    @Test
    void aReplayOfTheJournalIsIdentical()
    {
        final ReplayVerifier.Result result = new ReplayVerifier().verify(session);
        assertThat(result.identical()).as(result.format()).isTrue();
        assertThat(result.inputs()).isEqualTo(summary.counters().inputs);
        assertThat(result.outputs()).isEqualTo(summary.counters().ordersSent);
        assertThat(result.format()).isEqualTo("identical: " + result.inputs() + " events (" + result.inputs() +
            " inputs replayed, " + result.outputs() + " outputs matched byte for byte)");
    }

    @Test
    void aTamperedOutputFrameIsReportedAtItsSequenceWithItsTypeAndField()
    {
        final List<JournalDump.Entry> outputs = JournalDump.outputs(session);
        final int victim = outputs.size() / 2;
        final long victimSequence = outputs.get(victim).sequence();
        final Path tampered = copy("tampered", outputs, victim);

        final ReplayVerifier.Result result = new ReplayVerifier().verify(tampered);

        assertThat(result.identical()).isFalse();
        assertThat(result.divergence()).startsWith("output sequence " + victimSequence + ", frame type NewOrder, field quantity:");
    }

    @Test
    void anOutputTheLogicDidNotProduceIsReported()
    {
        final List<JournalDump.Entry> outputs = JournalDump.outputs(session);
        final Path extra = copy("extra", outputs, -1);
        try (JournalDirectory journals = JournalDirectory.open(extra); JournalWriter writer = journals.outputWriter())
        {
            final JournalDump.Entry last = outputs.get(outputs.size() - 1);
            writer.append(last.sequence() + 1, last.timeNs(), new UnsafeBuffer(last.frame()), 0, last.frame().length);
        }
        assertThat(new ReplayVerifier().verify(extra).divergence())
            .startsWith("journal \"out\" has output sequence " + (outputs.size() + 1));
    }

    /** Copies the session, adding one unit to the quantity of output {@code victim} (none when -1). */
    private static Path copy(final String name, final List<JournalDump.Entry> outputs, final int victim)
    {
        final Path target = dir.resolve(name);
        try (JournalDirectory source = JournalDirectory.openExisting(session);
            JournalDirectory copy = JournalDirectory.open(target);
            JournalWriter in = copy.inputWriter();
            JournalWriter out = copy.outputWriter())
        {
            copy.writeManifest(source.readManifest());
            for (final JournalDump.Entry entry : JournalDump.inputs(session))
            {
                in.append(entry.sequence(), entry.timeNs(), new UnsafeBuffer(entry.frame()), 0, entry.frame().length);
                in.commit();
            }
            for (int i = 0; i < outputs.size(); i++)
            {
                final JournalDump.Entry entry = outputs.get(i);
                final UnsafeBuffer frame = new UnsafeBuffer(entry.frame().clone());
                if (i == victim)
                {
                    final NewOrderDecoder order = new NewOrderDecoder().wrapAndApplyHeader(frame, 0, new MessageHeaderDecoder());
                    frame.putLong(MessageHeaderDecoder.ENCODED_LENGTH + NewOrderDecoder.quantityEncodingOffset(),
                        order.quantity() + 1);
                }
                out.append(entry.sequence(), entry.timeNs(), frame, 0, entry.frame().length);
                out.commit();
            }
        }
        return target;
    }
}
