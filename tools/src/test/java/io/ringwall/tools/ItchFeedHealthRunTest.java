package io.ringwall.tools;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.ringwall.codecs.BreakerState;
import io.ringwall.codecs.BreakerStateChangeDecoder;
import io.ringwall.codecs.BreakerType;
import io.ringwall.codecs.FeedHealthDecoder;
import io.ringwall.codecs.FeedHealthState;
import io.ringwall.codecs.InstrumentTradingState;
import io.ringwall.codecs.MessageHeaderDecoder;
import io.ringwall.codecs.NewOrderDecoder;
import io.ringwall.codecs.RiskRejectDecoder;
import io.ringwall.codecs.RiskRejectReason;
import io.ringwall.codecs.TradingStatusDecoder;
import io.ringwall.engine.JournalDump;
import io.ringwall.engine.marketdata.itch.ItchCaptureWriter;
import io.ringwall.engine.marketdata.itch.ItchSessions;
import io.ringwall.engine.marketdata.itch.ItchTestEncoder;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.ringwall.tools.BarsOutOfTheBoxTest.execute;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 22 point 5 through {@code ringwall run}: a live MoldUDP64 feed with a gap, and one that falls silent, trip
 * STALE_DATA on a journaled FeedHealth input before intake stops (no order after it); a Stock Trading Action halt of
 * AAPL in an ITCH file refuses the strategy's AAPL orders until the resume. Each session replays byte for byte, and
 * risk-events and the run summary say what the feed reported.
 */
class ItchFeedHealthRunTest
{
    private static final String STRATEGY = "ma-crossover:symbol=AAPL,fast=3,slow=8,qty=10";
    private static final int PACKET = 10;

    @TempDir
    Path dir;

    /** A message-count range of the session sent as MoldUDP64 packets of {@link #PACKET} messages. */
    private record Packets(int fromMessage, int toMessage)
    {
    }

    @Test
    void aLiveGapTripsStaleDataOnAJournaledInputAndNoOrderFollowsIt() throws Exception
    {
        final List<byte[]> messages = ItchSessions.session("AAPL", 80, false);
        final Path session = dir.resolve("gap");
        // messages 1..250 (the first 50 steps: the price turns at step 30) arrive, 251..260 are lost, 261..270
        // arrive: the feed owed 251 and got 261
        final BarsOutOfTheBoxTest.Run run = liveRun(session, 30_000, messages, new Packets(0, 250),
            new Packets(260, 270));

        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(RingwallCli.EXIT_FAILURE);
        assertThat(run.out() + run.err()).contains("MoldUDP64 gap");
        final JournalDump.Entry report = lastInput(session);
        final FeedHealthDecoder health = decode(report, new FeedHealthDecoder());
        assertThat(health.state()).isEqualTo(FeedHealthState.GAP);
        assertThat(health.expectedSequence()).isEqualTo(251);
        assertThat(health.receivedSequence()).isEqualTo(261);
        final BreakerStateChangeDecoder trip = staleTrip(session);
        assertThat(trip.causeSequence()).isEqualTo(report.sequence());
        assertThat(trip.toState()).as("the shipped rule").isEqualTo(BreakerState.REDUCING);
        assertThat(trip.observedValue()).as("messages missed").isEqualTo(10);
        assertThat(ordersCausedFrom(session, report.sequence())).isZero();
        assertThat(ordersCausedFrom(session, 0)).as("the strategy traded before the gap").isPositive();

        assertThat(run.out()).contains("breaker STALE_DATA tripped to REDUCING").contains(
            "the exchange feed reported GAP: expected sequence 251, received 261 (10 messages missing)");
        final BarsOutOfTheBoxTest.Run events = execute("risk-events", "--journal", session.toString());
        assertThat(events.exit()).as(events.err()).isZero();
        assertThat(events.out()).contains(" in " + report.sequence() + " FeedHealth GAP: expected sequence 251, " +
            "received 261 (10 messages missing)").contains("STALE_DATA: ACTIVE -> REDUCING, reported by the feed: " +
            "GAP: expected sequence 251").contains("feed GAP 1");
        verifyReplay(session);
    }

    @Test
    void aLiveFeedThatFallsSilentTripsStaleData() throws Exception
    {
        final List<byte[]> messages = ItchSessions.session("AAPL", 40, false);
        final Path session = dir.resolve("silent");

        final BarsOutOfTheBoxTest.Run run = liveRun(session, 500, messages, new Packets(0, 100));

        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(RingwallCli.EXIT_FAILURE);
        assertThat(run.out() + run.err()).contains("the feed is silent");
        final JournalDump.Entry report = lastInput(session);
        final FeedHealthDecoder health = decode(report, new FeedHealthDecoder());
        assertThat(health.state()).isEqualTo(FeedHealthState.SILENT);
        assertThat(health.silenceNs()).isEqualTo(500_000_000L);
        assertThat(report.timeNs()).as("data clock: the last message's time").isEqualTo(health.exchangeTimeNs());
        final BreakerStateChangeDecoder trip = staleTrip(session);
        assertThat(trip.causeSequence()).isEqualTo(report.sequence());
        assertThat(trip.observedValue()).isEqualTo(500_000_000L);
        assertThat(ordersCausedFrom(session, report.sequence())).isZero();
        verifyReplay(session);
    }

    @Test
    void aTradingHaltOfAaplRefusesItsOrdersUntilTheResumeAndReplays() throws IOException
    {
        final int steps = 150;
        final List<byte[]> messages = new ArrayList<>(ItchSessions.session("AAPL", steps, true));
        // Halted (a LULD pause, then a halt) from step 50 to step 100: the crossovers near steps 63 and 93 fall in it.
        messages.add(insertionPoint(50), ItchTestEncoder.message('H', 1, 0, stepTime(50) - 100).alpha("AAPL", 8)
            .alpha('P').alpha(' ').alpha("LUDP", 4).bytes());
        messages.add(insertionPoint(51) + 1, ItchTestEncoder.message('H', 1, 0, stepTime(51) - 100).alpha("AAPL", 8)
            .alpha('H').alpha(' ').alpha("T1", 4).bytes());
        messages.add(insertionPoint(100) + 2, ItchTestEncoder.message('H', 1, 0, stepTime(100) - 100)
            .alpha("AAPL", 8).alpha('T').alpha(' ').alpha("", 4).bytes());
        final Path file = Files.write(dir.resolve("halt.itch"), ItchCaptureWriter.binaryFile(messages));
        final Path session = dir.resolve("halt");

        final BarsOutOfTheBoxTest.Run run = execute("run", "--format", "itch-file", "--data", file.toString(),
            "--symbols", "AAPL", "--session-date", "2026-12-07", "--strategy", STRATEGY, "--journal",
            session.toString());

        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        final List<Long> statusSequences = new ArrayList<>();
        final List<InstrumentTradingState> states = new ArrayList<>();
        for (final JournalDump.Entry input : JournalDump.inputs(session))
        {
            if (input.templateId() == TradingStatusDecoder.TEMPLATE_ID)
            {
                statusSequences.add(input.sequence());
                states.add(decode(input, new TradingStatusDecoder()).state());
            }
        }
        assertThat(states).containsExactly(InstrumentTradingState.PAUSED, InstrumentTradingState.HALTED,
            InstrumentTradingState.TRADING);
        final long haltedFrom = statusSequences.get(0);
        final long tradingFrom = statusSequences.get(2);
        long refusedInHalt = 0;
        long sentInHalt = 0;
        long sentAfter = 0;
        for (final JournalDump.Entry output : JournalDump.outputs(session))
        {
            if (output.templateId() == RiskRejectDecoder.TEMPLATE_ID)
            {
                final RiskRejectDecoder reject = decode(output, new RiskRejectDecoder());
                if (reject.reason() == RiskRejectReason.INSTRUMENT_HALTED)
                {
                    assertThat(reject.causeSequence()).isBetween(haltedFrom, tradingFrom - 1);
                    refusedInHalt++;
                }
            }
            else if (output.templateId() == NewOrderDecoder.TEMPLATE_ID)
            {
                final long cause = decode(output, new NewOrderDecoder()).causeSequence();
                sentInHalt += cause >= haltedFrom && cause < tradingFrom ? 1 : 0;
                sentAfter += cause >= tradingFrom ? 1 : 0;
            }
        }
        assertThat(refusedInHalt).isPositive();
        assertThat(sentInHalt).isZero();
        assertThat(sentAfter).as("trading resumed").isPositive();

        final BarsOutOfTheBoxTest.Run events = execute("risk-events", "--journal", session.toString());
        assertThat(events.exit()).as(events.err()).isZero();
        assertThat(events.out()).contains(" in " + haltedFrom + " TradingStatus AAPL: PAUSED (reason LUDP)")
            .contains(" in " + tradingFrom + " TradingStatus AAPL: TRADING")
            .contains(": INSTRUMENT_HALTED, the exchange has it halted");
        final BarsOutOfTheBoxTest.Run journal = execute("journal", "--journal", session.toString(), "--type",
            "TradingStatus");
        assertThat(journal.exit()).as(journal.err()).isZero();
        assertThat(journal.out()).contains("TradingStatus").contains("state=PAUSED");
        verifyReplay(session);
    }

    /** Index of step {@code step}'s first message in {@link ItchSessions#session}: after S, R and the steps before. */
    private static int insertionPoint(final int step)
    {
        return 2 + 3 + (step - 1) * 5;
    }

    private static long stepTime(final int step)
    {
        return ItchSessions.TEN_AM_NS + step * ItchSessions.STEP_NS;
    }

    /**
     * Runs {@code ringwall run --format itch-udp} on a free loopback port and sends it the packets once it is bound.
     */
    private static BarsOutOfTheBoxTest.Run liveRun(final Path session, final int silenceTimeoutMs,
        final List<byte[]> messages, final Packets... packets) throws Exception
    {
        final int port = freePort();
        final CompletableFuture<BarsOutOfTheBoxTest.Run> run = CompletableFuture.supplyAsync(() -> execute("run",
            "--format", "itch-udp", "--data", "127.0.0.1:" + port, "--symbols", "AAPL", "--session-date", "2026-12-07",
            "--silence-timeout-ms", Integer.toString(silenceTimeoutMs), "--strategy", STRATEGY, "--journal",
            session.toString()));
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!bound(port) && !run.isDone() && System.nanoTime() < deadline)
        {
            Thread.sleep(20);
        }
        try (DatagramChannel sender = DatagramChannel.open())
        {
            for (final Packets range : packets)
            {
                for (int from = range.fromMessage(); from < range.toMessage(); from += PACKET)
                {
                    final byte[] packet = ItchCaptureWriter.moldPacket("S1", from + 1,
                        messages.subList(from, Math.min(range.toMessage(), from + PACKET)));
                    sender.send(ByteBuffer.wrap(packet), new InetSocketAddress("127.0.0.1", port));
                    // the engine trades each message in lock step: keep well inside the socket's buffer
                    Thread.sleep(2);
                }
            }
        }
        return run.get(120, TimeUnit.SECONDS);
    }

    /** @return whether something (the engine's receiver) holds the port: a bind without SO_REUSEADDR fails then. */
    private static boolean bound(final int port) throws IOException
    {
        try (DatagramChannel probe = DatagramChannel.open())
        {
            probe.bind(new InetSocketAddress("127.0.0.1", port));
            return false;
        }
        catch (final java.net.BindException ex)
        {
            return true;
        }
    }

    private static int freePort() throws IOException
    {
        try (DatagramChannel probe = DatagramChannel.open())
        {
            probe.bind(new InetSocketAddress("127.0.0.1", 0));
            return ((InetSocketAddress)probe.getLocalAddress()).getPort();
        }
    }

    private static JournalDump.Entry lastInput(final Path session)
    {
        final List<JournalDump.Entry> inputs = JournalDump.inputs(session);
        final JournalDump.Entry last = inputs.get(inputs.size() - 1);
        assertThat(last.templateId()).as("the feed's report is the last input").isEqualTo(FeedHealthDecoder.TEMPLATE_ID);
        return last;
    }

    private static BreakerStateChangeDecoder staleTrip(final Path session)
    {
        final List<BreakerStateChangeDecoder> trips = new ArrayList<>();
        for (final JournalDump.Entry output : JournalDump.outputs(session))
        {
            if (output.templateId() == BreakerStateChangeDecoder.TEMPLATE_ID)
            {
                trips.add(decode(output, new BreakerStateChangeDecoder()));
            }
        }
        assertThat(trips).hasSize(1);
        final BreakerStateChangeDecoder trip = trips.get(0);
        assertThat(trip.breakerType()).isEqualTo(BreakerType.STALE_DATA);
        assertThat(trip.fromState()).isEqualTo(BreakerState.ACTIVE);
        assertThat(trip.thresholdValue()).as("reported by the feed").isZero();
        return trip;
    }

    private static long ordersCausedFrom(final Path session, final long inputSequence)
    {
        return JournalDump.outputs(session).stream().filter(o -> o.templateId() == NewOrderDecoder.TEMPLATE_ID)
            .filter(o -> decode(o, new NewOrderDecoder()).causeSequence() >= inputSequence).count();
    }

    private static void verifyReplay(final Path session)
    {
        final BarsOutOfTheBoxTest.Run replay = execute("replay", "--journal", session.toString(), "--verify");
        assertThat(replay.exit()).as(replay.out() + replay.err()).isZero();
        assertThat(replay.out()).startsWith("identical: ");
    }

    /** Wraps a generated decoder on an entry's frame (each decoder class has the same wrapAndApplyHeader). */
    @SuppressWarnings("unchecked")
    private static <T> T decode(final JournalDump.Entry entry, final T decoder)
    {
        try
        {
            decoder.getClass().getMethod("wrapAndApplyHeader", org.agrona.DirectBuffer.class, int.class,
                MessageHeaderDecoder.class).invoke(decoder, new UnsafeBuffer(entry.frame()), 0, new MessageHeaderDecoder());
            return decoder;
        }
        catch (final ReflectiveOperationException ex)
        {
            throw new IllegalStateException(ex);
        }
    }
}
