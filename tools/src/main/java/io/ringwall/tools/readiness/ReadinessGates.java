package io.ringwall.tools.readiness;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The readiness gates: the bundled {@value #DEFAULTS} (which documents each) overlaid with an operator's file.
 * Every key of an operator's file must be one of the defaults' (a typo is refused, not silently ignored).
 */
public record ReadinessGates(double minBacktestSharpe, double maxBacktestDrawdown, int minWalkForwardWindows,
    double minAverageOosSharpe, double maxDegradation, int minMonteCarloRuns, double maxPaperCostRatio,
    double stopPaperCostRatio, double minPaperFillRate, double minShadowAlignment, double minShadowExecutionQuality,
    boolean monitoringConfirmed)
{
    public static final String DEFAULTS = "ringwall/readiness/gates.yaml";

    /** @param operatorFile null for the defaults alone. */
    public static ReadinessGates load(final Path operatorFile)
    {
        final Map<String, String> values = flatten(parse(readDefaults(), DEFAULTS));
        if (operatorFile != null)
        {
            final String text;
            try
            {
                text = Files.readString(operatorFile, StandardCharsets.UTF_8);
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException("cannot read --config " + operatorFile, ex);
            }
            for (final Map.Entry<String, String> entry : flatten(parse(text, operatorFile.toString())).entrySet())
            {
                if (!values.containsKey(entry.getKey()))
                {
                    throw new IllegalArgumentException(operatorFile + ": " + entry.getKey() + " is not a readiness " +
                        "gate (the gates: " + values.keySet() + ")");
                }
                values.put(entry.getKey(), entry.getValue());
            }
        }
        return new ReadinessGates(fraction(values, "backtest.min-sharpe"), fraction(values, "backtest.max-drawdown"),
            (int)fraction(values, "walk-forward.min-windows"), fraction(values, "walk-forward.min-average-oos-sharpe"),
            fraction(values, "walk-forward.max-degradation"), (int)fraction(values, "monte-carlo.min-runs"),
            fraction(values, "paper.max-cost-ratio"), fraction(values, "paper.stop-cost-ratio"),
            fraction(values, "paper.min-fill-rate"), fraction(values, "shadow.min-alignment"),
            fraction(values, "shadow.min-execution-quality"),
            Boolean.parseBoolean(values.get("monitoring.confirmed")));
    }

    private static String readDefaults()
    {
        try (InputStream in = ReadinessGates.class.getClassLoader().getResourceAsStream(DEFAULTS))
        {
            if (in == null)
            {
                throw new IllegalStateException("the bundled " + DEFAULTS + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private static Object parse(final String text, final String name)
    {
        try
        {
            return new Load(LoadSettings.builder().setLabel(name).build()).loadFromString(text);
        }
        catch (final RuntimeException ex)
        {
            throw new IllegalArgumentException(name + " is not valid YAML: " + ex.getMessage(), ex);
        }
    }

    /** section.key -> the value's text. */
    private static Map<String, String> flatten(final Object tree)
    {
        final Map<String, String> flat = new LinkedHashMap<>();
        if (tree instanceof Map<?, ?> sections)
        {
            for (final Map.Entry<?, ?> section : sections.entrySet())
            {
                if (!(section.getValue() instanceof Map<?, ?> keys))
                {
                    throw new IllegalArgumentException("readiness gates: " + section.getKey() + " is not a section");
                }
                for (final Map.Entry<?, ?> key : keys.entrySet())
                {
                    flat.put(section.getKey() + "." + key.getKey(), String.valueOf(key.getValue()));
                }
            }
        }
        return flat;
    }

    private static double fraction(final Map<String, String> values, final String key)
    {
        try
        {
            return Double.parseDouble(values.get(key));
        }
        catch (final NumberFormatException | NullPointerException ex)
        {
            throw new IllegalArgumentException("readiness gate " + key + ": '" + values.get(key) + "' is not a number");
        }
    }
}
