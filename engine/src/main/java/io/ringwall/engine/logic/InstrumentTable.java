package io.ringwall.engine.logic;

import java.util.ArrayList;
import java.util.List;

import io.ringwall.engine.config.InstrumentSpec;

/**
 * The instruments the engine trades and their reference data; an instrument's id is its index here.
 * Built at start-up, read-only afterwards. Sectors are numbered so the sector check compares ints.
 */
public final class InstrumentTable
{
    private final InstrumentSpec[] specs;
    private final int[] sectorIds;
    private final List<String> sectors = new ArrayList<>();

    public InstrumentTable(final List<InstrumentSpec> instruments)
    {
        if (instruments.isEmpty())
        {
            throw new IllegalArgumentException("at least one instrument is required");
        }
        if (instruments.stream().map(InstrumentSpec::symbol).distinct().count() != instruments.size())
        {
            throw new IllegalArgumentException("instrument symbols repeat: " + instruments);
        }
        specs = instruments.toArray(new InstrumentSpec[0]);
        sectorIds = new int[specs.length];
        for (int i = 0; i < specs.length; i++)
        {
            final String sector = specs[i].sector();
            if (!sectors.contains(sector))
            {
                sectors.add(sector);
            }
            sectorIds[i] = sectors.indexOf(sector);
        }
    }

    public int size()
    {
        return specs.length;
    }

    public boolean isValid(final int instrumentId)
    {
        return instrumentId >= 0 && instrumentId < specs.length;
    }

    public String symbol(final int instrumentId)
    {
        return specs[instrumentId].symbol();
    }

    public InstrumentSpec spec(final int instrumentId)
    {
        return specs[instrumentId];
    }

    int sectorId(final int instrumentId)
    {
        return sectorIds[instrumentId];
    }

    /**
     * @return the id of {@code symbol}, -1 when unknown.
     */
    public int idOf(final String symbol)
    {
        for (int i = 0; i < specs.length; i++)
        {
            if (specs[i].symbol().equals(symbol))
            {
                return i;
            }
        }
        return -1;
    }

    public List<String> symbols()
    {
        final List<String> symbols = new ArrayList<>();
        for (final InstrumentSpec spec : specs)
        {
            symbols.add(spec.symbol());
        }
        return symbols;
    }
}
