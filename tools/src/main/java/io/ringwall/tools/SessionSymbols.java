package io.ringwall.tools;

import java.util.List;
import java.util.Map;

import io.ringwall.engine.logic.LogicConfig;

/**
 * The instrument symbols of a session, from its manifest: an instrument's id is its position in the list.
 *
 * @param symbols by instrument id.
 */
public record SessionSymbols(List<String> symbols)
{
    public SessionSymbols
    {
        symbols = List.copyOf(symbols);
    }

    public static SessionSymbols fromManifest(final Map<String, String> manifest)
    {
        try
        {
            return new SessionSymbols(LogicConfig.fromManifest(manifest).symbols());
        }
        catch (final IllegalArgumentException ex)
        {
            // A post-mortem must still read a session whose manifest is incomplete or from another version:
            // the raw entry if there is one, else ids only.
            final String symbols = manifest.getOrDefault("logic.symbols", "");
            return new SessionSymbols(symbols.isBlank() ? List.of() : List.of(symbols.split(",")));
        }
    }

    /**
     * @return the symbol of {@code instrumentId}, or "#id" for an id the session does not list.
     */
    public String name(final int instrumentId)
    {
        return instrumentId >= 0 && instrumentId < symbols.size() ? symbols.get(instrumentId) : "#" + instrumentId;
    }
}
