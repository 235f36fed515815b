package io.ringwall.engine.marketdata.itch;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.ringwall.engine.marketdata.itch.ItchCaptureWriter.moldPacket;
import static io.ringwall.engine.marketdata.itch.ItchCaptureWriter.udpFrame;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ItchCaptureReaderTest
{
    private static final String SESSION = "000012345A";

    @TempDir
    Path dir;

    private final RecordingListener listener = new RecordingListener();
    private final ItchCaptureReader reader = new ItchCaptureReader(new ItchDecoder());

    private static List<byte[]> messages()
    {
        return ItchBinaryFileReaderTest.sampleMessages();
    }

    /** Five messages in three packets (2, 0-count heartbeat, 3), an ARP frame among them, one frame VLAN-tagged. */
    private static List<byte[]> frames()
    {
        final List<byte[]> m = messages();
        return List.of(
            udpFrame(moldPacket(SESSION, 1, m.subList(0, 2))),
            ItchCaptureWriter.arpFrame(),
            udpFrame(moldPacket(SESSION, 3, List.of()), 42, 0),
            udpFrame(moldPacket(SESSION, 3, m.subList(2, 5)), 42, 2));
    }

    private Path write(final String name, final byte[] bytes) throws IOException
    {
        return Files.write(dir.resolve(name), bytes);
    }

    private void assertAllFiveRead()
    {
        assertThat(listener.types).containsExactly('S', 'R', 'A', 'E', 'D');
        assertThat(reader.frames()).isEqualTo(4);
        assertThat(reader.skippedFrames()).isEqualTo(1);
        assertThat(reader.mold().packets()).isEqualTo(3);
        assertThat(reader.mold().heartbeats()).isEqualTo(1);
        assertThat(reader.mold().gaps()).isZero();
        assertThat(reader.mold().sessions()).isEqualTo(1);
        assertThat(reader.mold().appendSession(0, new StringBuilder())).hasToString(SESSION);
        assertThat(reader.mold().firstSequence(0)).isEqualTo(1);
        assertThat(reader.mold().nextSequence(0)).isEqualTo(6);
    }

    @Test
    void aLittleEndianMicrosecondPcapWithAVlanTagRoundTrips() throws IOException
    {
        reader.read(write("le.pcap", ItchCaptureWriter.pcap(frames(), ByteOrder.LITTLE_ENDIAN, false)), listener);
        assertAllFiveRead();
    }

    @Test
    void aBigEndianNanosecondPcapRoundTrips() throws IOException
    {
        reader.read(write("be.pcap", ItchCaptureWriter.pcap(frames(), ByteOrder.BIG_ENDIAN, true)), listener);
        assertAllFiveRead();
    }

    @Test
    void aPcapngWithSimpleAndEnhancedPacketBlocksRoundTrips() throws IOException
    {
        reader.read(write("le.pcapng", ItchCaptureWriter.pcapng(frames(), ByteOrder.LITTLE_ENDIAN, true)), listener);
        assertAllFiveRead();
    }

    @Test
    void aBigEndianPcapngRoundTrips() throws IOException
    {
        reader.read(write("be.pcapng", ItchCaptureWriter.pcapng(frames(), ByteOrder.BIG_ENDIAN, false)), listener);
        assertAllFiveRead();
    }

    @Test
    void framesToAnotherPortAreSkippedWhenAPortIsSet() throws IOException
    {
        reader.udpPort(ItchCaptureWriter.FEED_PORT + 1);
        reader.read(write("le.pcap", ItchCaptureWriter.pcap(frames(), ByteOrder.LITTLE_ENDIAN, false)), listener);
        assertThat(listener.types).isEmpty();
        assertThat(reader.skippedFrames()).isEqualTo(4);
    }

    @Test
    void aSequenceGapIsDetectedCountedAndTheMessagesThatArrivedAreDelivered() throws IOException
    {
        final List<byte[]> m = messages();
        final List<byte[]> frames = List.of(
            udpFrame(moldPacket(SESSION, 10, m.subList(0, 2))),   // 10, 11
            udpFrame(moldPacket(SESSION, 15, m.subList(2, 3))),   // 12..14 missing
            udpFrame(moldPacket(SESSION, 15, m.subList(2, 4))),   // 15 again, 16 new
            udpFrame(moldPacket(SESSION, 20, List.of())),         // heartbeat: 17..19 missing
            udpFrame(moldPacket(SESSION, 20, 0xFFFF, List.of()))); // end of session
        reader.read(write("gap.pcap", ItchCaptureWriter.pcap(frames, ByteOrder.LITTLE_ENDIAN, false)), listener);

        assertThat(listener.types).containsExactly('S', 'R', 'A', 'E');
        assertThat(reader.mold().gaps()).isEqualTo(2);
        assertThat(reader.mold().missingMessages()).isEqualTo(6);
        assertThat(reader.mold().duplicateMessages()).isEqualTo(1);
        assertThat(reader.mold().endOfSessions()).isEqualTo(1);
        assertThat(reader.mold().describeLastGap())
            .isEqualTo("session '000012345A' expected sequence 17 but received 20 (3 messages missing)");
    }

    @Test
    void failOnGapStopsAtTheFirstGapNamingThePacket() throws IOException
    {
        final List<byte[]> m = messages();
        final Path file = write("gap.pcap", ItchCaptureWriter.pcap(List.of(
            udpFrame(moldPacket(SESSION, 1, m.subList(0, 2))),
            udpFrame(moldPacket(SESSION, 4, m.subList(2, 3)))), ByteOrder.LITTLE_ENDIAN, false));
        reader.failOnGap(true);
        assertThatThrownBy(() -> reader.read(file, listener))
            .isInstanceOf(ItchFeedException.class)
            .hasMessageContaining("packet 2 at file offset ")
            .hasMessageContaining("MoldUDP64 gap: session '000012345A' expected sequence 3 but received 4 " +
                "(1 messages missing)");
    }

    @Test
    void sessionsAreTrackedApart() throws IOException
    {
        final List<byte[]> m = messages();
        reader.read(write("two.pcap", ItchCaptureWriter.pcap(List.of(
            udpFrame(moldPacket("SESSION001", 1, m.subList(0, 1))),
            udpFrame(moldPacket("SESSION002", 100, m.subList(1, 2))),
            udpFrame(moldPacket("SESSION001", 2, m.subList(2, 3))),
            udpFrame(moldPacket("SESSION002", 101, m.subList(3, 4)))), ByteOrder.LITTLE_ENDIAN, false)), listener);
        assertThat(listener.types).containsExactly('S', 'R', 'A', 'E');
        assertThat(reader.mold().gaps()).isZero();
        assertThat(reader.mold().sessions()).isEqualTo(2);
    }

    @Test
    void aBadMagicIsAClearError() throws IOException
    {
        final Path file = write("not.pcap", ItchCaptureWriter.binaryFile(messages()));
        assertThatThrownBy(() -> reader.read(file, listener))
            .isInstanceOf(ItchFeedException.class)
            .hasMessage(file + ": bad magic 0x000c5300 at file offset 0: not a pcap (a1b2c3d4 or a1b23c4d, either " +
                "byte order) nor a pcapng file; check the file and its --format");
    }

    @Test
    void aTruncatedPcapIsAClearErrorNamingTheLastPacket() throws IOException
    {
        final byte[] whole = ItchCaptureWriter.pcap(frames(), ByteOrder.LITTLE_ENDIAN, false);
        final Path file = write("cut.pcap", Arrays.copyOf(whole, whole.length - 10));
        assertThatThrownBy(() -> reader.read(file, listener))
            .isInstanceOf(ItchFeedException.class)
            .hasMessageContaining("packet 4 at file offset ")
            .hasMessageContaining("the file ends inside a packet of ")
            .hasMessageContaining("the file is truncated");
        assertThat(listener.types).containsExactly('S', 'R');
    }

    @Test
    void aTruncatedPcapngIsAClearError() throws IOException
    {
        final byte[] whole = ItchCaptureWriter.pcapng(frames(), ByteOrder.LITTLE_ENDIAN, false);
        final Path file = write("cut.pcapng", Arrays.copyOf(whole, whole.length - 6));
        assertThatThrownBy(() -> reader.read(file, listener))
            .isInstanceOf(ItchFeedException.class)
            .hasMessageContaining("the file ends inside a pcapng block of ")
            .hasMessageContaining("the file is truncated");
    }

    @Test
    void anIpv4TotalLengthBeyondTheFrameIsAClearError() throws IOException
    {
        final byte[] frame = udpFrame(moldPacket(SESSION, 1, messages().subList(0, 1)));
        ByteBuffer.wrap(frame).putShort(14 + 2, (short)(frame.length)); // total length counted from the frame start
        final Path file = write("ip.pcap", ItchCaptureWriter.pcap(List.of(frame), ByteOrder.LITTLE_ENDIAN, false));
        assertThatThrownBy(() -> reader.read(file, listener))
            .isInstanceOf(ItchFeedException.class)
            .hasMessage(file + ": packet 1 at file offset 24: IPv4 total length " + frame.length + " is inconsistent " +
                "with the header length and the " + (frame.length - 14) + " bytes captured after the Ethernet header; " +
                "the capture is corrupt here");
    }

    @Test
    void aUdpLengthBeyondTheIpv4PayloadIsAClearError() throws IOException
    {
        final byte[] frame = udpFrame(moldPacket(SESSION, 1, messages().subList(0, 1)));
        ByteBuffer.wrap(frame).putShort(14 + 20 + 4, (short)(frame.length));
        final Path file = write("udp.pcap", ItchCaptureWriter.pcap(List.of(frame), ByteOrder.LITTLE_ENDIAN, false));
        assertThatThrownBy(() -> reader.read(file, listener))
            .isInstanceOf(ItchFeedException.class)
            .hasMessageContaining("packet 1 at file offset 24: UDP length " + frame.length + " is inconsistent with " +
                "the IPv4 payload of " + (frame.length - 34) + " bytes");
    }

    @Test
    void anIhlBelowFiveIsAClearError() throws IOException
    {
        final byte[] frame = udpFrame(moldPacket(SESSION, 1, messages().subList(0, 1)));
        frame[14] = 0x44;
        final Path file = write("ihl.pcap", ItchCaptureWriter.pcap(List.of(frame), ByteOrder.LITTLE_ENDIAN, false));
        assertThatThrownBy(() -> reader.read(file, listener))
            .isInstanceOf(ItchFeedException.class)
            .hasMessageContaining("bad IPv4 header: version/IHL byte 0x44");
    }

    @Test
    void aZeroMessageLengthInsideAMoldPacketIsAClearErrorAndNothingOfThePacketIsDelivered() throws IOException
    {
        final List<byte[]> m = new ArrayList<>(messages().subList(0, 2));
        m.add(new byte[0]);
        final Path file = write("zero.pcap", ItchCaptureWriter.pcap(List.of(udpFrame(moldPacket(SESSION, 1, m))),
            ByteOrder.LITTLE_ENDIAN, false));
        assertThatThrownBy(() -> reader.read(file, listener))
            .isInstanceOf(ItchFeedException.class)
            .hasMessageContaining("packet 1 at file offset 24: MoldUDP64 message 3 has length 0 (at byte 75 of the " +
                "packet)");
        assertThat(listener.types).isEmpty();
    }

    @Test
    void aMessageCountThatDisagreesWithTheBytesIsAClearError() throws IOException
    {
        final List<byte[]> m = messages().subList(0, 2);
        final Path more = write("more.pcap", ItchCaptureWriter.pcap(List.of(udpFrame(moldPacket(SESSION, 1, 3, m))),
            ByteOrder.LITTLE_ENDIAN, false));
        assertThatThrownBy(() -> reader.read(more, listener))
            .isInstanceOf(ItchFeedException.class)
            .hasMessageContaining("MoldUDP64 message 3 (at byte 75 of the packet) runs past the end of the datagram");
        final Path fewer = write("fewer.pcap", ItchCaptureWriter.pcap(List.of(udpFrame(moldPacket(SESSION, 1, 1, m))),
            ByteOrder.LITTLE_ENDIAN, false));
        assertThatThrownBy(() -> new ItchCaptureReader(new ItchDecoder()).read(fewer, listener))
            .isInstanceOf(ItchFeedException.class)
            .hasMessageContaining("MoldUDP64 packet has 41 bytes after its last counted message (at byte 34)");
    }

    @Test
    void aPacketCapturedShortOfItsLengthIsAClearError() throws IOException
    {
        final byte[] whole = ItchCaptureWriter.pcap(frames().subList(0, 1), ByteOrder.LITTLE_ENDIAN, false);
        final ByteBuffer header = ByteBuffer.wrap(whole).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(24 + 12, header.getInt(24 + 8) + 100); // original length > captured length
        final Path file = write("snap.pcap", whole);
        assertThatThrownBy(() -> reader.read(file, listener))
            .isInstanceOf(ItchFeedException.class)
            .hasMessageContaining("packet 1 at file offset 24: only ")
            .hasMessageContaining("re-capture with a larger snap length");
    }
}
