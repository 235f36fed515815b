package io.ringwall.engine.logic;

import io.ringwall.codecs.ShadowFill;
import io.ringwall.codecs.ShadowVerdict;
import io.ringwall.codecs.Side;
import io.ringwall.engine.Fixed;
import io.ringwall.engine.config.ShadowSettings;

import static io.ringwall.engine.config.RiskLimits.PPM;

/**
 * Shadow trading's judge: compares each live decision with its twin's and each finished live order with the
 * paper model, journals both ({@code ShadowDecision}, {@code ShadowExecution}) and trips the SHADOW breaker after
 * {@code shadow.max-misalignments} misaligned decisions in a row or when the rolling execution quality falls under
 * {@code shadow.min-execution-quality}. A decision is a change of the live or the twin target of one strategy in one
 * instrument; the two are compared once per input, after both sides have seen it. Allocation-free.
 */
final class ShadowJudge
{
    /** Latency and quality fields when there is nothing to measure. */
    static final long NONE = -1;

    private final ShadowSettings settings;
    private final OutputPublisher output;
    private final Breakers breakers;
    private final EngineCounters counters;
    private final int instruments;
    private final long[] liveTarget;
    private final long[] twinTarget;
    private final long[] comparedLive;
    private final long[] comparedTwin;
    /** Slots (strategy x instrument) some side decided in during this input; {@link #touchedCount} of them. */
    private final int[] touched;
    private final boolean[] isTouched;
    private int touchedCount;
    /** The last {@code shadow.execution-window} finished live orders: true when filled. */
    private final boolean[] window;
    private int windowNext;
    private int windowSize;
    private int windowFilled;
    private int misalignmentsInRow;

    ShadowJudge(final ShadowSettings settings, final int strategies, final int instruments,
        final OutputPublisher output, final Breakers breakers, final EngineCounters counters)
    {
        this.settings = settings;
        this.output = output;
        this.breakers = breakers;
        this.counters = counters;
        this.instruments = instruments;
        final int slots = Math.max(1, strategies) * instruments;
        liveTarget = new long[slots];
        twinTarget = new long[slots];
        comparedLive = new long[slots];
        comparedTwin = new long[slots];
        touched = new int[slots];
        isTouched = new boolean[slots];
        window = new boolean[settings.executionWindow()];
    }

    /** The live strategy asked for {@code target} in the instrument (a target, or position and open plus an order). */
    void onLiveTarget(final int strategyId, final int instrumentId, final long target)
    {
        final int slot = slot(strategyId, instrumentId);
        if (slot >= 0)
        {
            liveTarget[slot] = target;
            touch(slot);
        }
    }

    /** As {@link #onLiveTarget}, for the twin. */
    void onTwinTarget(final int strategyId, final int instrumentId, final long target)
    {
        final int slot = slot(strategyId, instrumentId);
        if (slot >= 0)
        {
            twinTarget[slot] = target;
            touch(slot);
        }
    }

    /** After each input: compares every slot whose live or twin target changed since it was last compared. */
    void afterInput()
    {
        for (int i = 0; i < touchedCount; i++)
        {
            final int slot = touched[i];
            isTouched[slot] = false;
            if (liveTarget[slot] != comparedLive[slot] || twinTarget[slot] != comparedTwin[slot])
            {
                comparedLive[slot] = liveTarget[slot];
                comparedTwin[slot] = twinTarget[slot];
                judge(slot / instruments, slot % instruments, liveTarget[slot], twinTarget[slot]);
            }
        }
        touchedCount = 0;
    }

    /**
     * A live order finished: how much filled at what price, against the model's price when it was sent.
     *
     * @param modelPrice   the paper model's price for the order when sent (0 without a market price).
     * @param ackNs        event time of its acknowledgement, {@link #NONE} when never acknowledged.
     * @param firstFillNs  event time of its first fill, {@link #NONE} when nothing filled.
     */
    void onLiveOrderDone(final long clOrdId, final int strategyId, final int instrumentId, final Side side,
        final long quantity, final long filledQuantity, final long averagePrice, final long modelPrice,
        final long sentNs, final long ackNs, final long firstFillNs)
    {
        final ShadowFill fill = filledQuantity >= quantity ? ShadowFill.FILLED :
            filledQuantity > 0 ? ShadowFill.PARTIAL : ShadowFill.NOT_FILLED;
        final long slippagePpm = filledQuantity > 0 && modelPrice > 0 ?
            Fixed.mulDiv(side == Side.BUY ? averagePrice - modelPrice : modelPrice - averagePrice, PPM, modelPrice) : 0;
        record(fill == ShadowFill.FILLED);
        final long quality = windowSize == window.length ? Fixed.mulDiv(windowFilled, PPM, windowSize) : NONE;
        counters.shadowExecutions++;
        if (fill == ShadowFill.FILLED)
        {
            counters.shadowFilled++;
        }
        if (filledQuantity > 0 && modelPrice > 0)
        {
            counters.shadowSlippageOrders++;
            counters.shadowSlippagePpmSum += slippagePpm;
        }
        counters.shadowExecutionQualityPpm = quality;
        output.shadowExecution(clOrdId, strategyId, instrumentId, side, quantity, filledQuantity, fill, averagePrice,
            modelPrice, slippagePpm, sentNs, ackNs < 0 ? NONE : ackNs - sentNs,
            firstFillNs < 0 ? NONE : firstFillNs - sentNs, quality);
        if (quality != NONE && quality < settings.minExecutionQualityPpm())
        {
            breakers.onShadow(quality, settings.minExecutionQualityPpm());
        }
    }

    /** Checkpoints, between inputs: both sides' targets, what was last compared, the quality window, the run. */
    void writeState(final StateCursor out)
    {
        out.putLongs(liveTarget);
        out.putLongs(twinTarget);
        out.putLongs(comparedLive);
        out.putLongs(comparedTwin);
        out.putLong(window.length);
        for (final boolean filled : window)
        {
            out.putLong(filled ? 1 : 0);
        }
        out.putLong(windowNext);
        out.putLong(windowSize);
        out.putLong(windowFilled);
        out.putLong(misalignmentsInRow);
    }

    /** Recovery: restores what {@link #writeState} wrote. */
    void readState(final StateCursor in)
    {
        in.getLongs(liveTarget);
        in.getLongs(twinTarget);
        in.getLongs(comparedLive);
        in.getLongs(comparedTwin);
        if (in.getLong() != window.length)
        {
            throw new IllegalArgumentException("snapshot's shadow execution window differs from this configuration's");
        }
        for (int i = 0; i < window.length; i++)
        {
            window[i] = in.getLong() != 0;
        }
        windowNext = in.getInt();
        windowSize = in.getInt();
        windowFilled = in.getInt();
        misalignmentsInRow = in.getInt();
        // what a twin decided at its start is compared already (the restored targets include it)
        for (int i = 0; i < touchedCount; i++)
        {
            isTouched[touched[i]] = false;
        }
        touchedCount = 0;
    }

    /** An operator reset SHADOW: the run of misalignments and the quality window start afresh. */
    void rebase()
    {
        misalignmentsInRow = 0;
        windowNext = 0;
        windowSize = 0;
        windowFilled = 0;
    }

    private void judge(final int strategyId, final int instrumentId, final long live, final long twin)
    {
        final long larger = Math.max(Math.abs(live), Math.abs(twin));
        final long differencePpm = larger == 0 ? 0 : Fixed.mulDiv(Math.abs(live - twin), PPM, larger);
        final ShadowVerdict verdict = Long.signum(live) != Long.signum(twin) ? ShadowVerdict.SIGNAL_DIFFERS :
            differencePpm > settings.signalTolerancePpm() ? ShadowVerdict.TARGET_DIFFERS : ShadowVerdict.ALIGNED;
        counters.shadowDecisions++;
        if (verdict == ShadowVerdict.ALIGNED)
        {
            misalignmentsInRow = 0;
        }
        else
        {
            counters.shadowMisalignments++;
            misalignmentsInRow++;
        }
        output.shadowDecision(strategyId, instrumentId, live, twin, verdict, differencePpm,
            settings.signalTolerancePpm(), misalignmentsInRow);
        if (misalignmentsInRow >= settings.maxMisalignments())
        {
            breakers.onShadow(misalignmentsInRow, settings.maxMisalignments());
        }
    }

    private void record(final boolean filled)
    {
        if (windowSize == window.length)
        {
            windowFilled -= window[windowNext] ? 1 : 0;
        }
        else
        {
            windowSize++;
        }
        window[windowNext] = filled;
        windowFilled += filled ? 1 : 0;
        windowNext = (windowNext + 1) % window.length;
    }

    private int slot(final int strategyId, final int instrumentId)
    {
        final int slot = strategyId * instruments + instrumentId;
        return strategyId >= 0 && instrumentId >= 0 && instrumentId < instruments && slot < liveTarget.length ? slot :
            -1;
    }

    private void touch(final int slot)
    {
        if (!isTouched[slot])
        {
            isTouched[slot] = true;
            touched[touchedCount++] = slot;
        }
    }
}
