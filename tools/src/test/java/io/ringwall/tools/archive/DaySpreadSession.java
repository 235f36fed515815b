package io.ringwall.tools.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.ringwall.journal.JournalDirectory;
import io.ringwall.journal.JournalReader;
import io.ringwall.journal.JournalWriter;
import net.openhft.chronicle.core.time.SetTimeProvider;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * A copy of a real session whose journals' records are spread over several past UTC days, one cycle file per day,
 * as a session that ran for days leaves them: same records, same manifest and reference data, so it replays just
 * as the original does. Archive and retention work on whole days; the engine only writes today's cycle.
 */
final class DaySpreadSession
{
    private record Copied(long sequence, long timeNs, byte[] frame)
    {
    }

    private DaySpreadSession()
    {
    }

    /** Copies {@code real} into {@code target}, its records split evenly over {@code days} days from {@code firstDay}. */
    static Path copy(final Path real, final Path target, final LocalDate firstDay, final int days)
    {
        final List<Copied> inputs;
        final List<Copied> outputs;
        final java.util.Map<String, String> manifest;
        try (JournalDirectory source = JournalDirectory.openExisting(real))
        {
            inputs = read(source.inputReader());
            outputs = read(source.outputReader());
            manifest = source.readManifest();
        }
        final SetTimeProvider clock = new SetTimeProvider(firstDay.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(60));
        try (JournalDirectory journals = JournalDirectory.openRollingBy(target, clock);
            JournalWriter in = journals.inputWriter(); JournalWriter out = journals.outputWriter())
        {
            journals.writeManifest(manifest);
            for (int day = 0; day < days; day++)
            {
                write(in, inputs, day, days);
                write(out, outputs, day, days);
                clock.advanceMillis(86_400_000L);
            }
        }
        try
        {
            final Path referenceData = real.resolve("reference-data.cm3");
            if (Files.exists(referenceData))
            {
                Files.copy(referenceData, target.resolve("reference-data.cm3"));
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        return target;
    }

    private static void write(final JournalWriter writer, final List<Copied> records, final int day, final int days)
    {
        final int from = records.size() * day / days;
        final int to = records.size() * (day + 1) / days;
        for (int i = from; i < to; i++)
        {
            final Copied record = records.get(i);
            writer.append(record.sequence(), record.timeNs(), new UnsafeBuffer(record.frame()), 0, record.frame().length);
            if (i % 64 == 63)
            {
                writer.commit();
            }
        }
        writer.commit();
    }

    private static List<Copied> read(final JournalReader reader)
    {
        final List<Copied> records = new ArrayList<>();
        try (reader)
        {
            reader.readAll((sequence, timeNs, frame, offset, length) ->
            {
                final byte[] bytes = new byte[length];
                frame.getBytes(offset, bytes);
                records.add(new Copied(sequence, timeNs, bytes));
            });
        }
        return records;
    }
}
