package io.ringwall.engine.marketdata.itch;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.ringwall.engine.marketdata.MarketDataRefusedException;
import io.ringwall.engine.marketdata.SourceStats;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A live MoldUDP64 gap filled from a re-request server: the request names the session, the first missing sequence
 * and the count up to the packet held past the gap; the book sees every message once, in sequence, so it publishes
 * what a feed without the gap gives. A server that does not answer leaves the gap open, and the feed is refused.
 */
class MoldUdp64RecoveryTest
{
    private static final LocalDate DAY = LocalDate.of(2026, 12, 7);

    private final List<byte[]> messages = ItchSessions.session("AAPL", 3, false);
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private DatagramChannel server;
    private Thread serverThread;

    @AfterEach
    void stopServer() throws Exception
    {
        if (server != null)
        {
            server.close();
            serverThread.join(5_000);
        }
    }

    @Test
    void aGapIsFilledFromTheServerAndTheBookSeesWhatAFeedWithoutTheGapGives() throws Exception
    {
        final InetSocketAddress rerequest = startServer(true);
        final RecordingSink inOrder = new RecordingSink();
        runFeed(null, inOrder, List.of(packet(1, 0, 3), packet(4, 3, messages.size())));

        final RecordingSink recovered = new RecordingSink();
        final ItchMarketDataSource source = runFeed(rerequest, recovered,
            List.of(packet(1, 0, 3), packet(6, 5, messages.size())));

        assertThat(recovered.events).isNotEmpty().isEqualTo(inOrder.events);
        assertThat(source.endOfMessages()).isTrue();
        assertThat(source.gapsRecovered()).isEqualTo(1);
        assertThat(requests).first().isEqualTo("S1 from 4 count " + (messages.size() - 3));
    }

    @Test
    void withoutAServerAGapEndsTheFeedFailClosed() throws Exception
    {
        assertThatThrownBy(() -> runFeed(null, new RecordingSink(), List.of(packet(1, 0, 3),
            packet(6, 5, messages.size())))).hasRootCauseInstanceOf(MarketDataRefusedException.class)
            .rootCause().hasMessageContaining("MoldUDP64 gap").hasMessageContaining("expected sequence 4 but received 6");
    }

    @Test
    void aGapTheServerLeavesOpenIsRefusedAfterTheTimeoutNamingTheServer() throws Exception
    {
        final InetSocketAddress silent = startServer(false);
        final RecordingSink sink = new RecordingSink();

        assertThatThrownBy(() -> runFeed(silent, sink, List.of(packet(1, 0, 3),
            packet(6, 5, messages.size())))).hasRootCauseInstanceOf(MarketDataRefusedException.class)
            .rootCause().hasMessageContaining("MoldUDP64 gap").hasMessageContaining("did not fill it within 300 ms");
        // the unfilled gap reached the sink (FeedHealth, so the logic trips STALE_DATA) before intake stopped
        assertThat(sink.events.get(sink.events.size() - 1)).startsWith("F GAP expected=4 received=6 silence=0 t=");
        assertThat(sink.events).filteredOn(event -> event.startsWith("F ")).hasSize(1);
        assertThat(requests).as("asked, then asked again while unanswered").hasSizeGreaterThan(1)
            .allMatch(("S1 from 4 count " + (messages.size() - 3))::equals);
    }

    /** Feeds {@code packets} to a live source (the first resent until the source is up) and runs it to its end. */
    private ItchMarketDataSource runFeed(final InetSocketAddress rerequest, final RecordingSink sink,
        final List<byte[]> packets) throws Exception
    {
        final int port = freePort();
        final ItchMarketDataSource source = new ItchMarketDataSource(ItchMarketDataSource.Transport.UDP,
            "127.0.0.1:" + port, new String[] {"AAPL"}, new int[] {2}, DAY, 10_000_000_000L);
        if (rerequest != null)
        {
            source.rerequestFrom(rerequest, 300_000_000L);
        }
        final CompletableFuture<SourceStats> run = CompletableFuture.supplyAsync(() -> source.run(sink));
        try (DatagramChannel sender = DatagramChannel.open())
        {
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (sink.events.isEmpty() && !run.isDone() && System.nanoTime() < deadline)
            {
                sender.send(ByteBuffer.wrap(packets.get(0)), new InetSocketAddress("127.0.0.1", port));
                Thread.sleep(20);
            }
            for (final byte[] packet : packets.subList(1, packets.size()))
            {
                sender.send(ByteBuffer.wrap(packet), new InetSocketAddress("127.0.0.1", port));
            }
        }
        run.get(30, TimeUnit.SECONDS);
        return source;
    }

    private byte[] packet(final long sequence, final int from, final int to)
    {
        return ItchCaptureWriter.moldPacket("S1", sequence, messages.subList(from, to));
    }

    /** A re-request server on its own thread: records each request and, when {@code answer}, sends the messages. */
    private InetSocketAddress startServer(final boolean answer) throws IOException
    {
        server = DatagramChannel.open();
        server.bind(new InetSocketAddress("127.0.0.1", 0));
        serverThread = new Thread(() ->
        {
            final ByteBuffer request = ByteBuffer.allocate(64);
            try
            {
                while (true)
                {
                    request.clear();
                    final SocketAddress from = server.receive(request);
                    request.flip();
                    final byte[] session = new byte[10];
                    request.get(session);
                    final long sequence = request.getLong();
                    final int count = request.getShort() & 0xFFFF;
                    requests.add(new String(session, java.nio.charset.StandardCharsets.US_ASCII).trim() + " from " +
                        sequence + " count " + count);
                    if (answer)
                    {
                        final int first = (int)sequence - 1;
                        server.send(ByteBuffer.wrap(packet(sequence, first, Math.min(first + count, messages.size()))),
                            from);
                    }
                }
            }
            catch (final IOException closed)
            {
                // the test is over
            }
        }, "rerequest-server");
        serverThread.setDaemon(true);
        serverThread.start();
        return (InetSocketAddress)server.getLocalAddress();
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
