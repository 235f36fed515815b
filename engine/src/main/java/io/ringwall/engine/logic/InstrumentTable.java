package io.ringwall.engine.logic;

import java.util.List;

/**
 * The instruments the engine trades; an instrument's id is its index here. Built at start-up, read-only
 * afterwards. (The reference-data issue replaces the plain symbol list with full reference data.)
 */
public final class InstrumentTable
{
    private final String[] symbols;

    public InstrumentTable(final List<String> symbols)
    {
        if (symbols.isEmpty())
        {
            throw new IllegalArgumentException("at least one instrument is required");
        }
        if (symbols.stream().distinct().count() != symbols.size())
        {
            throw new IllegalArgumentException("instrument symbols repeat: " + symbols);
        }
        this.symbols = symbols.toArray(new String[0]);
    }

    public int size()
    {
        return symbols.length;
    }

    public boolean isValid(final int instrumentId)
    {
        return instrumentId >= 0 && instrumentId < symbols.length;
    }

    public String symbol(final int instrumentId)
    {
        return symbols[instrumentId];
    }

    /**
     * @return the id of {@code symbol}, -1 when unknown.
     */
    public int idOf(final String symbol)
    {
        for (int i = 0; i < symbols.length; i++)
        {
            if (symbols[i].equals(symbol))
            {
                return i;
            }
        }
        return -1;
    }

    public List<String> symbols()
    {
        return List.of(symbols);
    }
}
