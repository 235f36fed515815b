package io.ringwall.tools.validation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parameter grid over one strategy spec ({@code name:key=value,...}): {@code --grid fast=10,20,50 --grid
 * slow=100,200} gives the 6 specs with every combination, the first parameter varying slowest, each spec the
 * base spec with those keys set (added when absent). The order is fixed by the command line, so grid point i
 * is the same run on every machine and thread count.
 */
public final class StrategyGrid
{
    /** One axis: a parameter and the values it takes, in the order given. */
    public record Axis(String parameter, List<String> values)
    {
        public Axis
        {
            values = List.copyOf(values);
        }
    }

    private final String name;
    private final LinkedHashMap<String, String> baseParameters;
    private final List<Axis> axes;

    private StrategyGrid(final String name, final LinkedHashMap<String, String> baseParameters, final List<Axis> axes)
    {
        this.name = name;
        this.baseParameters = baseParameters;
        this.axes = List.copyOf(axes);
    }

    /**
     * @param baseSpec the strategy spec the grid varies.
     * @param grid     {@code param=a,b,c} each; none gives a grid of the base spec alone.
     * @throws IllegalArgumentException for a malformed spec or axis, or a parameter given twice.
     */
    public static StrategyGrid parse(final String baseSpec, final List<String> grid)
    {
        final int colon = baseSpec.indexOf(':');
        final String name = colon < 0 ? baseSpec : baseSpec.substring(0, colon);
        if (name.isBlank())
        {
            throw new IllegalArgumentException("--strategy " + baseSpec + " has no strategy name");
        }
        final LinkedHashMap<String, String> parameters = new LinkedHashMap<>();
        if (colon >= 0 && colon < baseSpec.length() - 1)
        {
            for (final String pair : baseSpec.substring(colon + 1).split(","))
            {
                final int equals = pair.indexOf('=');
                if (equals <= 0)
                {
                    throw new IllegalArgumentException("--strategy " + baseSpec + ": '" + pair + "' is not key=value");
                }
                parameters.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
            }
        }
        final List<Axis> axes = new ArrayList<>();
        for (final String axis : grid)
        {
            final int equals = axis.indexOf('=');
            if (equals <= 0 || equals == axis.length() - 1)
            {
                throw new IllegalArgumentException("--grid " + axis + " is not param=a,b,c");
            }
            final String parameter = axis.substring(0, equals).trim();
            if (axes.stream().anyMatch(a -> a.parameter().equals(parameter)))
            {
                throw new IllegalArgumentException("--grid " + parameter + " is given twice");
            }
            final List<String> values = new ArrayList<>();
            for (final String value : axis.substring(equals + 1).split(","))
            {
                if (value.isBlank())
                {
                    throw new IllegalArgumentException("--grid " + axis + " has an empty value");
                }
                values.add(value.trim());
            }
            axes.add(new Axis(parameter, values));
        }
        return new StrategyGrid(name.trim(), parameters, axes);
    }

    public List<Axis> axes()
    {
        return axes;
    }

    /** @return the number of grid points: the product of the axes' sizes (1 without axes). */
    public int size()
    {
        int size = 1;
        for (final Axis axis : axes)
        {
            size = Math.multiplyExact(size, axis.values().size());
        }
        return size;
    }

    /** @return the index of each axis's value at grid point {@code point} (the first axis varies slowest). */
    public int[] coordinates(final int point)
    {
        final int[] coordinates = new int[axes.size()];
        int rest = point;
        for (int a = axes.size() - 1; a >= 0; a--)
        {
            final int values = axes.get(a).values().size();
            coordinates[a] = rest % values;
            rest /= values;
        }
        return coordinates;
    }

    /** @return the grid point at these coordinates. */
    public int point(final int[] coordinates)
    {
        int point = 0;
        for (int a = 0; a < axes.size(); a++)
        {
            point = point * axes.get(a).values().size() + coordinates[a];
        }
        return point;
    }

    /** @return the varied parameters of grid point {@code point}, in axis order. */
    public Map<String, String> parameters(final int point)
    {
        final int[] coordinates = coordinates(point);
        final Map<String, String> chosen = new LinkedHashMap<>();
        for (int a = 0; a < axes.size(); a++)
        {
            chosen.put(axes.get(a).parameter(), axes.get(a).values().get(coordinates[a]));
        }
        return chosen;
    }

    /** @return the strategy spec of grid point {@code point}. */
    public String spec(final int point)
    {
        final LinkedHashMap<String, String> all = new LinkedHashMap<>(baseParameters);
        all.putAll(parameters(point));
        final StringBuilder spec = new StringBuilder(name);
        String separator = ":";
        for (final Map.Entry<String, String> parameter : all.entrySet())
        {
            spec.append(separator).append(parameter.getKey()).append('=').append(parameter.getValue());
            separator = ",";
        }
        return spec.toString();
    }

    /** @return "fast=10 slow=200" for grid point {@code point}. */
    public String describe(final int point)
    {
        final StringBuilder text = new StringBuilder();
        for (final Map.Entry<String, String> parameter : parameters(point).entrySet())
        {
            text.append(text.length() == 0 ? "" : " ").append(parameter.getKey()).append('=').append(parameter.getValue());
        }
        return text.length() == 0 ? "(base)" : text.toString();
    }
}
