package io.ringwall.engine.logic;

import io.ringwall.codecs.InstrumentTradingState;

/**
 * Each instrument's trading state at its exchange, as the journaled TradingStatus inputs left it (an ITCH Stock
 * Trading Action: halted, paused, quotation only, trading). Every instrument trades until its exchange says
 * otherwise. One primitive array indexed by instrument id: no allocation, logic thread only. Checkpointed (a
 * halt outlives a restart: the exchange does not say it again).
 */
final class TradingStates
{
    private final long[] states;
    private final long[] changedAtNs;

    TradingStates(final int instruments)
    {
        states = new long[instruments];
        changedAtNs = new long[instruments];
    }

    /** A TradingStatus input for a valid instrument. */
    void onStatus(final int instrumentId, final InstrumentTradingState state, final long nowNs)
    {
        states[instrumentId] = state.value();
        changedAtNs[instrumentId] = nowNs;
    }

    /** @return whether new exposure may be sent for the instrument: its exchange has it TRADING. */
    boolean trading(final int instrumentId)
    {
        return states[instrumentId] == InstrumentTradingState.TRADING.value();
    }

    /** @return the {@link InstrumentTradingState#value()} in force for the instrument. */
    short stateValue(final int instrumentId)
    {
        return (short)states[instrumentId];
    }

    /** @return the instrument's state (status views, tests); TRADING until the exchange says otherwise. */
    InstrumentTradingState state(final int instrumentId)
    {
        return InstrumentTradingState.get((short)states[instrumentId]);
    }

    /** @return the logic time of the instrument's last status change; 0 when none came. */
    long changedAtNs(final int instrumentId)
    {
        return changedAtNs[instrumentId];
    }

    /** Checkpoints: the states and when each changed. */
    void writeState(final StateCursor cursor)
    {
        cursor.putLongs(states);
        cursor.putLongs(changedAtNs);
    }

    void readState(final StateCursor cursor)
    {
        cursor.getLongs(states);
        cursor.getLongs(changedAtNs);
        for (final long state : states)
        {
            // a state this build does not name would be read as trading by nobody: refuse the snapshot
            InstrumentTradingState.get((short)state);
        }
    }
}
