package io.ringwall.engine.strategy;

import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.ringwall.engine.strategy.examples.MeanReversion;
import io.ringwall.engine.strategy.examples.MovingAverageCrossover;

/**
 * Builds strategies from text specs, the form they take on the command line and in the session
 * manifest: {@code name:key=value,key=value}. {@code name} is a built-in ({@value #MA_CROSSOVER},
 * {@value #MEAN_REVERSION}) or the fully qualified name of a class implementing {@link Strategy} with a
 * public constructor taking {@link StrategyParameters}.
 */
public final class StrategyFactory
{
    public static final String MA_CROSSOVER = "ma-crossover";
    public static final String MEAN_REVERSION = "mean-reversion";

    private static final Map<String, Function<StrategyParameters, Strategy>> BUILT_INS = Map.of(
        MA_CROSSOVER, MovingAverageCrossover::new,
        MEAN_REVERSION, MeanReversion::new);

    private StrategyFactory()
    {
    }

    public static List<Strategy> createAll(final List<String> specs)
    {
        final List<Strategy> strategies = new ArrayList<>(specs.size());
        for (final String spec : specs)
        {
            strategies.add(create(spec));
        }
        return strategies;
    }

    /**
     * @throws IllegalArgumentException naming the spec and what is wrong with it.
     */
    public static Strategy create(final String spec)
    {
        final int colon = spec.indexOf(':');
        final String name = (colon < 0 ? spec : spec.substring(0, colon)).trim();
        final StrategyParameters parameters = new StrategyParameters(spec, parse(spec, colon < 0 ? "" : spec.substring(colon + 1)));
        final Function<StrategyParameters, Strategy> builtIn = BUILT_INS.get(name);
        final Strategy strategy = builtIn != null ? builtIn.apply(parameters) : byClassName(spec, name, parameters);
        parameters.requireAllUsed();
        return strategy;
    }

    private static Map<String, String> parse(final String spec, final String text)
    {
        final Map<String, String> values = new LinkedHashMap<>();
        if (text.isBlank())
        {
            return values;
        }
        for (final String pair : text.split(","))
        {
            final int eq = pair.indexOf('=');
            if (eq <= 0)
            {
                throw new IllegalArgumentException("strategy '" + spec + "': '" + pair + "' is not key=value");
            }
            values.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
        return values;
    }

    private static Strategy byClassName(final String spec, final String name, final StrategyParameters parameters)
    {
        try
        {
            final Class<?> type = Class.forName(name);
            if (!Strategy.class.isAssignableFrom(type))
            {
                throw new IllegalArgumentException("strategy '" + spec + "': " + name + " does not implement Strategy");
            }
            final Constructor<?> constructor = type.getConstructor(StrategyParameters.class);
            return (Strategy)constructor.newInstance(parameters);
        }
        catch (final ClassNotFoundException ex)
        {
            throw new IllegalArgumentException("strategy '" + spec + "': unknown; built-ins are " +
                BUILT_INS.keySet().stream().sorted().toList() + " or a class name");
        }
        catch (final ReflectiveOperationException ex)
        {
            throw new IllegalArgumentException("strategy '" + spec + "': cannot construct " + name + ": " + ex, ex);
        }
    }
}
