package io.ringwall.engine.marketdata.itch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ITCH file readers on arbitrary file contents (the fuzzer's bytes, written as the file), read both as a
 * BinaryFILE and as a capture: a read either ends or stops with an {@link ItchFeedException} (fail closed with a
 * location inside the file); any other exception is a finding. Seeds: {@code ItchReadersFuzzTestInputs/readers/}.
 */
class ItchReadersFuzzTest
{
    private static Path dir;

    @BeforeAll
    static void createDirectory() throws IOException
    {
        dir = Files.createTempDirectory("itch-fuzz");
    }

    @AfterAll
    static void deleteDirectory() throws IOException
    {
        Files.deleteIfExists(dir.resolve("input"));
        Files.delete(dir);
    }

    @FuzzTest
    void readers(final FuzzedDataProvider data) throws IOException
    {
        final byte[] bytes = data.consumeRemainingAsBytes();
        final Path file = Files.write(dir.resolve("input"), bytes);
        final RecordingListener listener = new RecordingListener();

        final ItchDecoder decoder = new ItchDecoder();
        try
        {
            new ItchBinaryFileReader(decoder).read(file, listener);
        }
        catch (final ItchFeedException refused)
        {
            assertThat(refused.fileOffset()).isBetween(0L, (long)bytes.length);
        }
        assertThat(decoder.messages()).isEqualTo(listener.types.size());

        final RecordingListener captured = new RecordingListener();
        final ItchDecoder captureDecoder = new ItchDecoder();
        final ItchCaptureReader reader = new ItchCaptureReader(captureDecoder);
        try
        {
            reader.read(file, captured);
            assertThat(reader.mold().missingMessages()).isGreaterThanOrEqualTo(0);
        }
        catch (final ItchFeedException refused)
        {
            assertThat(refused.fileOffset()).isBetween(0L, (long)bytes.length);
        }
        assertThat(captureDecoder.messages()).isEqualTo(captured.types.size());
    }
}
