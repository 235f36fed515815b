package io.ringwall.engine.marketdata.itch;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.DatagramChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.ringwall.engine.marketdata.MarketDataRefusedException;
import io.ringwall.engine.marketdata.SourceStats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ItchMarketDataSourceTest
{
    private static final LocalDate DAY = LocalDate.of(2026, 12, 7);
    /** 2026-12-07 00:00 New York (EST, UTC-5) in Unix nanoseconds. */
    private static final long MIDNIGHT_NS = 1_796_619_600_000_000_000L;

    @TempDir
    Path dir;

    private ItchMarketDataSource source(final ItchMarketDataSource.Transport transport, final String location)
    {
        return new ItchMarketDataSource(transport, location, new String[] {"AAPL"}, new int[] {2}, DAY, 200_000_000L);
    }

    @Test
    void aFileDeliversTheBooksTradesAndQuotesUpToEndOfMessagesAtNewYorkTime() throws IOException
    {
        final Path file = Files.write(dir.resolve("s.itch"), ItchCaptureWriter.binaryFile(
            ItchSessions.session("AAPL", 3, true)));
        final RecordingSink sink = new RecordingSink();
        final ItchMarketDataSource source = source(ItchMarketDataSource.Transport.FILE, file.toString());

        final SourceStats stats = source.run(sink);

        assertThat(source.endOfMessages()).isTrue();
        assertThat(sink.events).hasSize(3 * 4);
        final long t0 = MIDNIGHT_NS + ItchSessions.TEN_AM_NS;
        assertThat(sink.events.get(0)).isEqualTo("Q 2 bid=1499900x50000000000 ask=0x0 t=" + t0);
        assertThat(sink.events.get(2)).isEqualTo("T 2 id=1 px=1500100 qty=20000000000 t=" + (t0 + 4));
        // Step 2 rises: the new bid is the best; the old offer's delete leaves the new one (500), executed to 300.
        final long t1 = t0 + ItchSessions.STEP_NS;
        assertThat(sink.events.subList(4, 8)).containsExactly(
            "Q 2 bid=1500900x50000000000 ask=1500100x30000000000 t=" + t1,
            "Q 2 bid=1500900x50000000000 ask=1501100x50000000000 t=" + (t1 + 3),
            "T 2 id=2 px=1501100 qty=20000000000 t=" + (t1 + 4),
            "Q 2 bid=1500900x50000000000 ask=1501100x30000000000 t=" + (t1 + 4));
        // The print after 'C' is not delivered, though the reader stops only at the end of the file.
        assertThat(sink.events).noneMatch(event -> event.contains("id=999999"));
        assertThat(stats.events()).isEqualTo(12);
    }

    @Test
    void aCaptureWithAGapIsRefusedNamingTheGap() throws IOException
    {
        final List<byte[]> messages = ItchSessions.session("AAPL", 3, false);
        final Path pcap = Files.write(dir.resolve("gap.pcap"), ItchCaptureWriter.pcap(List.of(
            ItchCaptureWriter.udpFrame(ItchCaptureWriter.moldPacket("S1", 1, messages.subList(0, 4))),
            ItchCaptureWriter.udpFrame(ItchCaptureWriter.moldPacket("S1", 7, messages.subList(6, 8)))),
            ByteOrder.LITTLE_ENDIAN, false));
        final RecordingSink sink = new RecordingSink();

        assertThatThrownBy(() -> source(ItchMarketDataSource.Transport.PCAP, pcap.toString()).run(sink))
            .isInstanceOf(MarketDataRefusedException.class).hasMessageContaining("MoldUDP64 gap");
        // What came before the gap was delivered (and would be journaled): 2 quotes of the first step.
        assertThat(sink.events).hasSize(2);
        assertThatThrownBy(() -> source(ItchMarketDataSource.Transport.PCAP, pcap.toString()).check())
            .isInstanceOf(ItchFeedException.class).hasMessageContaining("MoldUDP64 gap");
    }

    @Test
    void theTradingDayIsReadFromANasdaqFileName()
    {
        assertThat(ItchMarketDataSource.dateInFileName("/data/01302019.NASDAQ_ITCH50")).isEqualTo(
            LocalDate.of(2019, 1, 30));
        assertThat(ItchMarketDataSource.dateInFileName("x/12072026.pcap")).isEqualTo(DAY);
        assertThat(ItchMarketDataSource.dateInFileName("x/session.itch")).isNull();
        assertThat(ItchMarketDataSource.dateInFileName("x/13452019.itch")).isNull();
    }

    @Test
    void aLiveFeedIsReadUntilEndOfMessages() throws Exception
    {
        final int port = freePort();
        final ItchMarketDataSource source = new ItchMarketDataSource(ItchMarketDataSource.Transport.UDP,
            "127.0.0.1:" + port, new String[] {"AAPL"}, new int[] {2}, DAY, 30_000_000_000L);
        final RecordingSink sink = new RecordingSink();
        final CompletableFuture<SourceStats> run = CompletableFuture.supplyAsync(() -> source.run(sink));
        final List<byte[]> messages = ItchSessions.session("AAPL", 2, false);
        try (DatagramChannel sender = DatagramChannel.open())
        {
            // Resend packet 1 until the receiver is bound (a duplicate is skipped), then the rest.
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (sink.events.isEmpty() && !run.isDone() && System.nanoTime() < deadline)
            {
                send(sender, port, ItchCaptureWriter.moldPacket("S1", 1, messages.subList(0, 3)));
                Thread.sleep(20);
            }
            send(sender, port, ItchCaptureWriter.moldPacket("S1", 4, messages.subList(3, messages.size())));
        }
        final SourceStats stats = run.get(30, TimeUnit.SECONDS);
        assertThat(source.endOfMessages()).isTrue();
        assertThat(stats.events()).isEqualTo(8);
    }

    @Test
    void aSilentLiveFeedIsReportedToTheSinkThenRefused() throws Exception
    {
        final ItchMarketDataSource source = new ItchMarketDataSource(ItchMarketDataSource.Transport.UDP,
            "127.0.0.1:" + freePort(), new String[] {"AAPL"}, new int[] {2}, DAY, 100_000_000L);
        final RecordingSink sink = new RecordingSink();

        assertThatThrownBy(() -> source.run(sink)).isInstanceOf(MarketDataRefusedException.class)
            .hasMessageContaining("the feed is silent");
        // nothing came, so no feed time: the report goes first, intake stops after it
        assertThat(sink.events).containsExactly("F SILENT expected=0 received=0 silence=100000000 t=0");
    }

    @Test
    void aLiveGapIsReportedToTheSinkWithTheSequenceNumbersBeforeIntakeStops() throws Exception
    {
        final int port = freePort();
        final ItchMarketDataSource source = new ItchMarketDataSource(ItchMarketDataSource.Transport.UDP,
            "127.0.0.1:" + port, new String[] {"AAPL"}, new int[] {2}, DAY, 30_000_000_000L);
        final RecordingSink sink = new RecordingSink();
        final CompletableFuture<SourceStats> run = CompletableFuture.supplyAsync(() -> source.run(sink));
        final List<byte[]> messages = ItchSessions.session("AAPL", 3, false);
        try (DatagramChannel sender = DatagramChannel.open())
        {
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (sink.events.isEmpty() && !run.isDone() && System.nanoTime() < deadline)
            {
                send(sender, port, ItchCaptureWriter.moldPacket("S1", 1, messages.subList(0, 4)));
                Thread.sleep(20);
            }
            // messages 5 and 6 are lost: the packet of 7 and 8 arrives next
            send(sender, port, ItchCaptureWriter.moldPacket("S1", 7, messages.subList(6, 8)));
        }

        assertThatThrownBy(() -> run.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(MarketDataRefusedException.class)
            .hasMessageContaining("MoldUDP64 gap");
        // the first step's bid and offer were quoted (message 4, the offer, at 10:00 + 1 ns), then the report
        assertThat(sink.events).hasSize(3);
        assertThat(sink.events.get(2)).isEqualTo("F GAP expected=5 received=7 silence=0 t=" +
            (MIDNIGHT_NS + ItchSessions.TEN_AM_NS + 1));
        assertThat(sink.events).noneMatch(event -> event.startsWith("T "));
    }

    @Test
    void aTradingActionOfAFollowedSymbolReachesTheSinkInItsPlaceAndOthersDoNot() throws IOException
    {
        final List<byte[]> messages = new java.util.ArrayList<>(ItchSessions.session("AAPL", 2, false));
        final long halt = ItchSessions.TEN_AM_NS + ItchSessions.STEP_NS / 2;
        // after the first step: MSFT (not followed) halted, AAPL halted for a LULD pause, then trading again
        messages.addAll(5, List.of(
            ItchTestEncoder.message('H', 2, 0, halt).alpha("MSFT", 8).alpha('H').alpha(' ').alpha("T1", 4).bytes(),
            ItchTestEncoder.message('H', 1, 0, halt + 1).alpha("AAPL", 8).alpha('P').alpha(' ').alpha("LUDP", 4)
                .bytes(),
            ItchTestEncoder.message('H', 1, 0, halt + 2).alpha("AAPL", 8).alpha('T').alpha(' ').alpha("", 4).bytes()));
        final Path file = Files.write(dir.resolve("halt.itch"), ItchCaptureWriter.binaryFile(messages));
        final RecordingSink sink = new RecordingSink();

        source(ItchMarketDataSource.Transport.FILE, file.toString()).run(sink);

        // the first step's 2 quotes, its print and quote, then the trading actions, then the second step
        assertThat(sink.events.subList(4, 6)).containsExactly(
            "S 2 PAUSED reason=" + Integer.toHexString(0x4C554450) + " t=" + (MIDNIGHT_NS + halt + 1),
            "S 2 TRADING reason=20202020 t=" + (MIDNIGHT_NS + halt + 2));
        assertThat(sink.events).hasSize(4 + 2 + 4);
    }

    @Test
    void aMarketWideCircuitBreakerHaltsEveryFollowedSymbolUntilEachResumes() throws IOException
    {
        final List<byte[]> messages = new java.util.ArrayList<>(ItchSessions.session("AAPL", 2, false));
        final long breach = ItchSessions.TEN_AM_NS + ItchSessions.STEP_NS / 2;
        // after the first step: a level 1 breach halts the market; the exchange then resumes AAPL on its own
        messages.addAll(5, List.of(
            ItchTestEncoder.message('W', 0, 0, breach).alpha('1').bytes(),
            ItchTestEncoder.message('H', 1, 0, breach + 1).alpha("AAPL", 8).alpha('T').alpha(' ').alpha("", 4)
                .bytes()));
        final Path file = Files.write(dir.resolve("mwcb.itch"), ItchCaptureWriter.binaryFile(messages));
        final RecordingSink sink = new RecordingSink();

        source(ItchMarketDataSource.Transport.FILE, file.toString()).run(sink);

        assertThat(sink.events.subList(4, 6)).containsExactly(
            "S 2 HALTED reason=" + Integer.toHexString(0x4D574331) + " t=" + (MIDNIGHT_NS + breach),
            "S 2 TRADING reason=20202020 t=" + (MIDNIGHT_NS + breach + 1));
    }

    private static void send(final DatagramChannel sender, final int port, final byte[] packet) throws IOException
    {
        sender.send(ByteBuffer.wrap(packet), new InetSocketAddress("127.0.0.1", port));
    }

    private static int freePort() throws IOException
    {
        try (DatagramChannel probe = DatagramChannel.open())
        {
            probe.bind(new InetSocketAddress("127.0.0.1", 0));
            return ((InetSocketAddress)probe.getLocalAddress()).getPort();
        }
    }
}
