package io.ringwall.perf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

import io.ringwall.journal.ChronicleSettings;

/**
 * The command-line plumbing the harnesses share; deliberately plain (no CLI library in the perf module).
 */
final class HarnessCli
{
    private HarnessCli()
    {
    }

    /**
     * Hands each "--name value" or "--name=value" pair to {@code set}.
     *
     * @return true when --help (or -h) was among the arguments.
     * @throws IllegalArgumentException when a name has no value (or {@code set} refuses one).
     */
    static boolean parse(final String[] args, final BiConsumer<String, String> set)
    {
        boolean help = false;
        for (int i = 0; i < args.length; i++)
        {
            final String arg = args[i];
            if ("--help".equals(arg) || "-h".equals(arg))
            {
                help = true;
                continue;
            }
            final int eq = arg.indexOf('=');
            final String name = eq > 0 ? arg.substring(0, eq) : arg;
            final String value;
            if (eq > 0)
            {
                value = arg.substring(eq + 1);
            }
            else if (i + 1 < args.length)
            {
                value = args[++i];
            }
            else
            {
                throw new IllegalArgumentException(arg + " needs a value");
            }
            set.accept(name, value);
        }
        return help;
    }

    /**
     * @return {@code value} as a whole number in [min, max]; underscores are allowed (2_000_000).
     */
    static long number(final String name, final String value, final long min, final long max)
    {
        final long parsed;
        try
        {
            parsed = Long.parseLong(value.replace("_", ""));
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException(name + " '" + value + "' is not a number");
        }
        if (parsed < min || parsed > max)
        {
            throw new IllegalArgumentException(name + " " + parsed + " is out of range [" + min + ", " + max + "]");
        }
        return parsed;
    }

    /**
     * A harness's {@code main}: bad options print the error and the usage and exit 2, --help prints the
     * usage, anything else runs.
     */
    static <T> void launch(final String tool, final String usage, final String[] args,
        final Function<String[], T> parse, final Predicate<T> wantsHelp, final Consumer<T> run)
    {
        final T options;
        try
        {
            options = parse.apply(args);
        }
        catch (final IllegalArgumentException ex)
        {
            System.err.println(tool + ": " + ex.getMessage());
            System.err.println(usage);
            System.exit(2);
            return;
        }
        if (wantsHelp.test(options))
        {
            System.out.println(usage);
            return;
        }
        ChronicleSettings.apply();
        run.accept(options);
    }

    /**
     * Writes a harness's results file: its own settings (JSON members, each line ending ",\n"), then the
     * machine, every run and the median.
     */
    static void writeResults(final Path file, final String settings, final List<String> runs, final String median)
    {
        final StringBuilder json = new StringBuilder(2048).append("{\n").append(settings);
        json.append("  \"java\": \"").append(System.getProperty("java.version")).append("\",\n");
        json.append("  \"cpus\": ").append(Runtime.getRuntime().availableProcessors()).append(",\n");
        json.append("  \"results\": [\n");
        for (int i = 0; i < runs.size(); i++)
        {
            json.append("    ").append(runs.get(i)).append(i + 1 < runs.size() ? ",\n" : "\n");
        }
        json.append("  ],\n");
        json.append("  \"median\": ").append(median).append('\n');
        json.append("}\n");
        try
        {
            final Path parent = file.toAbsolutePath().getParent();
            if (parent != null)
            {
                Files.createDirectories(parent);
            }
            Files.writeString(file, json, StandardCharsets.UTF_8);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write " + file, ex);
        }
    }
}
