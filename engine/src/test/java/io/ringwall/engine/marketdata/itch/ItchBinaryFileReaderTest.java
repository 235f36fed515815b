package io.ringwall.engine.marketdata.itch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.ringwall.engine.marketdata.itch.ItchTestEncoder.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ItchBinaryFileReaderTest
{
    @TempDir
    Path dir;

    private final ItchDecoder decoder = new ItchDecoder();
    private final RecordingListener listener = new RecordingListener();

    static List<byte[]> sampleMessages()
    {
        return List.of(
            message('S', 0, 0, 14_400_000_000_000L).alpha('O').bytes(),
            message('R', 1, 0, 14_400_000_000_100L).alpha("AAPL", 8).alpha('Q').alpha('N').u32(100).alpha('N')
                .alpha('C').alpha("C", 2).alpha('P').alpha('N').alpha('N').alpha('1').alpha('N').u32(0).alpha('N').bytes(),
            message('A', 1, 1, 34_200_000_000_001L).u64(7).alpha('B').u32(100).alpha("AAPL", 8).u32(150_2500).bytes(),
            message('E', 1, 2, 34_200_000_000_002L).u64(7).u32(40).u64(1).bytes(),
            message('D', 1, 3, 34_200_000_000_003L).u64(7).bytes());
    }

    private Path write(final byte[] bytes) throws IOException
    {
        return Files.write(dir.resolve("itch.bin"), bytes);
    }

    @Test
    void readsEveryMessageOfABinaryFileInOrder() throws IOException
    {
        final Path file = write(ItchCaptureWriter.binaryFile(sampleMessages()));

        assertThat(new ItchBinaryFileReader(decoder).read(file, listener)).isEqualTo(5);

        assertThat(listener.types).containsExactly('S', 'R', 'A', 'E', 'D');
        assertThat(listener.timestamps).containsExactly(14_400_000_000_000L, 14_400_000_000_100L, 34_200_000_000_001L,
            34_200_000_000_002L, 34_200_000_000_003L);
        assertThat(((OrderDelete)listener.last).orderReferenceNumber()).isEqualTo(7);
    }

    @Test
    void messagesAcrossTheReadWindowAreReadWhole() throws IOException
    {
        final List<byte[]> many = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) // 3.8 MB: several refills of the 1 MiB window, messages split at its edge
        {
            many.add(message('A', 1, i & 0xFFFF, i).u64(i).alpha('B').u32(i).alpha("AAPL", 8).u32(i).bytes());
        }
        final Path file = write(ItchCaptureWriter.binaryFile(many));
        final long[] sum = new long[2];
        new ItchBinaryFileReader(decoder).read(file, new ItchListener()
        {
            @Override
            public void onAddOrder(final AddOrder message)
            {
                assertThat(message.orderReferenceNumber()).isEqualTo(sum[0]);
                assertThat(message.priceMantissa()).isEqualTo(sum[0]);
                sum[0]++;
            }
        });
        assertThat(sum[0]).isEqualTo(100_000);
    }

    @Test
    void stopEndsTheReadAfterTheCurrentMessage() throws IOException
    {
        final Path file = write(ItchCaptureWriter.binaryFile(sampleMessages()));
        final ItchBinaryFileReader reader = new ItchBinaryFileReader(decoder);
        reader.read(file, new ItchListener()
        {
            @Override
            public void onAddOrder(final AddOrder message)
            {
                reader.stop();
            }
        });
        assertThat(reader.messages()).isEqualTo(3);
    }

    @Test
    void aZeroLengthPrefixIsAClearErrorWithItsOffset() throws IOException
    {
        final byte[] good = ItchCaptureWriter.binaryFile(sampleMessages().subList(0, 1));
        final byte[] bytes = new byte[good.length + 4];
        System.arraycopy(good, 0, bytes, 0, good.length);
        final Path file = write(bytes);

        assertThatThrownBy(() -> new ItchBinaryFileReader(decoder).read(file, listener))
            .isInstanceOf(ItchFeedException.class)
            .hasMessage(file + ": message 2 at file offset 14: length prefix 0: not a BinaryFILE, or corrupt here " +
                "(an ITCH message is at least 12 bytes); check the file and its --format")
            .extracting(e -> ((ItchFeedException)e).fileOffset()).isEqualTo(14L);
        assertThat(listener.types).containsExactly('S');
    }

    @Test
    void aTruncatedFileIsAClearError() throws IOException
    {
        final byte[] whole = ItchCaptureWriter.binaryFile(sampleMessages());
        final Path cutInMessage = write(java.util.Arrays.copyOf(whole, whole.length - 3));
        assertThatThrownBy(() -> new ItchBinaryFileReader(decoder).read(cutInMessage, listener))
            .isInstanceOf(ItchFeedException.class)
            .hasMessageContaining("message 5 at file offset " + (whole.length - 21))
            .hasMessageContaining("the file ends inside a message of 19 bytes (16 left): the file is truncated");

        final Path cutInPrefix = write(java.util.Arrays.copyOf(whole, whole.length - 20));
        assertThatThrownBy(() -> new ItchBinaryFileReader(decoder).read(cutInPrefix, new RecordingListener()))
            .isInstanceOf(ItchFeedException.class)
            .hasMessageContaining("the file ends inside a 2-byte length prefix");
    }

    @Test
    void aMessageOfTheWrongLengthForItsTypeIsAClearError() throws IOException
    {
        final byte[] shortAdd = java.util.Arrays.copyOf(sampleMessages().get(2), 30);
        final Path file = write(ItchCaptureWriter.binaryFile(List.of(sampleMessages().get(0), shortAdd)));
        assertThatThrownBy(() -> new ItchBinaryFileReader(decoder).read(file, listener))
            .isInstanceOf(ItchFeedException.class)
            .hasMessage(file + ": message 2 at file offset 14: ITCH AddOrder ('A') of 30 bytes; the specification " +
                "gives 36: not TotalView-ITCH 5.0, or the file is corrupt here");
    }
}
