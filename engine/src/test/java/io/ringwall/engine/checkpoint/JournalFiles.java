package io.ringwall.engine.checkpoint;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

import io.ringwall.journal.JournalRecord;
import org.agrona.concurrent.UnsafeBuffer;

/** Damage done to journal files on disk, the way a bad disk or a careless operator would. */
public final class JournalFiles
{
    private JournalFiles()
    {
    }

    /**
     * Flips one bit of the first frame byte of record {@code sequence} (version 2 layout) in the queue's file.
     *
     * @return the file changed.
     */
    public static Path flipFrameByte(final Path queueDir, final long sequence) throws IOException
    {
        try (var files = Files.list(queueDir))
        {
            for (final Path file : files.filter(p -> p.toString().endsWith(".cq4")).toList())
            {
                final byte[] bytes = Files.readAllBytes(file);
                final UnsafeBuffer view = new UnsafeBuffer(bytes);
                for (int at = 0; at + JournalRecord.HEADER_LENGTH < bytes.length; at++)
                {
                    final int firstWord = view.getInt(at);
                    if ((firstWord & JournalRecord.CHECKSUMMED) != 0 && JournalRecord.frameLength(firstWord) > 0 &&
                        view.getLong(at + 4) == sequence)
                    {
                        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw"))
                        {
                            raf.seek(at + JournalRecord.HEADER_LENGTH);
                            raf.write(bytes[at + JournalRecord.HEADER_LENGTH] ^ 0x01);
                        }
                        return file;
                    }
                }
            }
        }
        throw new AssertionError("record " + sequence + " not found under " + queueDir);
    }
}
