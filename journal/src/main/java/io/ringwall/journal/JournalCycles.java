package io.ringwall.journal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names of a journal's cycle files. The journals roll daily ({@code FAST_DAILY}: cycle N is the UTC day N
 * days after 1970-01-01) into {@code yyyyMMdd'F'.cq4} files, so a file's name says which day it holds; tools that
 * archive or prune cycles read that day from the name rather than from a file time a copy may have changed.
 */
public final class JournalCycles
{
    /** Every cycle file of a journal ends so; {@code metadata.cq4t} does not. */
    public static final String SUFFIX = ".cq4";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final Pattern NAME = Pattern.compile("(\\d{8})F\\.cq4");

    private JournalCycles()
    {
    }

    /** @return the file name of cycle {@code cycle} ({@code 20261207F.cq4}). */
    public static String fileName(final int cycle)
    {
        return LocalDate.ofEpochDay(cycle).format(DAY) + "F" + SUFFIX;
    }

    /** @return the cycle a file of that name holds, or empty when it is not a daily cycle file. */
    public static OptionalInt cycleOf(final String fileName)
    {
        final Matcher matcher = NAME.matcher(fileName);
        if (!matcher.matches())
        {
            return OptionalInt.empty();
        }
        try
        {
            return OptionalInt.of((int)LocalDate.parse(matcher.group(1), DAY).toEpochDay());
        }
        catch (final java.time.format.DateTimeParseException ex)
        {
            return OptionalInt.empty();
        }
    }

    /** @return the UTC day cycle {@code cycle} holds. */
    public static LocalDate day(final int cycle)
    {
        return LocalDate.ofEpochDay(cycle);
    }
}
