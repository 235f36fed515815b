package io.ringwall.engine.marketdata.itch;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.List;

import org.junit.jupiter.api.Test;

import static io.ringwall.engine.marketdata.itch.ItchCaptureWriter.moldPacket;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Live MoldUDP64 over loopback UDP: datagrams sent by the test are polled, their messages delivered in order, a
 * gap counted and a malformed datagram counted and skipped.
 */
class MoldUdp64ReceiverTest
{
    private static final long POLL_DEADLINE_MS = 10_000;

    @Test
    void pollsDatagramsDeliversTheirMessagesAndCountsGapsAndRefusals() throws IOException
    {
        final List<byte[]> m = ItchBinaryFileReaderTest.sampleMessages();
        final RecordingListener listener = new RecordingListener();
        try (MoldUdp64Receiver receiver = MoldUdp64Receiver.unicast("127.0.0.1", 0, new ItchDecoder());
            DatagramChannel sender = DatagramChannel.open())
        {
            final InetSocketAddress target = new InetSocketAddress("127.0.0.1", receiver.localPort());
            assertThat(receiver.poll(listener, 10)).as("nothing sent yet").isZero();

            sender.send(ByteBuffer.wrap(moldPacket("LIVE000001", 1, m.subList(0, 2))), target);
            sender.send(ByteBuffer.wrap(new byte[] {1, 2, 3}), target); // shorter than a MoldUDP64 header
            sender.send(ByteBuffer.wrap(moldPacket("LIVE000001", 5, m.subList(2, 5))), target); // 3, 4 missing

            int packets = 0;
            final long deadline = System.currentTimeMillis() + POLL_DEADLINE_MS;
            while (packets < 3 && System.currentTimeMillis() < deadline)
            {
                packets += receiver.poll(listener, 10);
                Thread.onSpinWait();
            }

            assertThat(packets).isEqualTo(3);
            assertThat(listener.types).containsExactly('S', 'R', 'A', 'E', 'D');
            assertThat(receiver.refusedPackets()).isEqualTo(1);
            assertThat(receiver.lastRefusal()).isEqualTo(MoldUdp64Decoder.TRUNCATED_HEADER);
            assertThat(receiver.mold().gaps()).isEqualTo(1);
            assertThat(receiver.mold().missingMessages()).isEqualTo(2);
        }
    }
}
