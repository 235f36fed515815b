package io.ringwall.engine.config;

import java.util.List;

/**
 * Shadow trading (issue 20): a twin of each strategy runs inside the logic on the same inputs against the paper
 * model, and the live decisions and executions are compared with it. Off unless {@code ringwall run --shadow}.
 *
 * @param enabled                  whether the twin runs; when false nothing of the shadow is built (zero cost).
 * @param signalTolerancePpm       shadow.signal-tolerance: live and twin targets agree when they differ by at most
 *                                 this share of the larger one, ppm.
 * @param maxMisalignments         shadow.max-misalignments: misaligned decisions in a row that trip SHADOW.
 * @param minExecutionQualityPpm   shadow.min-execution-quality: the live orders' fill rate under which SHADOW trips.
 * @param executionWindow          shadow.execution-window: finished live orders the fill rate is measured over.
 * @param twinStrategySpecs        the twins' specs, one per strategy; empty: the same specs as the live strategies
 *                                 ({@code --shadow-strategy} gives a deliberately different twin, for rehearsals).
 */
public record ShadowSettings(boolean enabled, long signalTolerancePpm, int maxMisalignments,
    long minExecutionQualityPpm, int executionWindow, List<String> twinStrategySpecs)
{
    public static final long DEFAULT_SIGNAL_TOLERANCE_PPM = 50_000;
    public static final int DEFAULT_MAX_MISALIGNMENTS = 3;
    public static final long DEFAULT_MIN_EXECUTION_QUALITY_PPM = 900_000;
    public static final int DEFAULT_EXECUTION_WINDOW = 20;
    public static final int MAX_EXECUTION_WINDOW = 10_000;

    /** Shadow trading off: the logic builds no twin. */
    public static final ShadowSettings OFF = new ShadowSettings(false, DEFAULT_SIGNAL_TOLERANCE_PPM,
        DEFAULT_MAX_MISALIGNMENTS, DEFAULT_MIN_EXECUTION_QUALITY_PPM, DEFAULT_EXECUTION_WINDOW, List.of());

    public ShadowSettings
    {
        twinStrategySpecs = List.copyOf(twinStrategySpecs);
        if (signalTolerancePpm < 0 || signalTolerancePpm > RiskLimits.PPM)
        {
            throw new IllegalArgumentException("shadow.signal-tolerance: " + signalTolerancePpm + " ppm not in [0, 1]");
        }
        if (maxMisalignments < 1 || maxMisalignments > 1_000)
        {
            throw new IllegalArgumentException("shadow.max-misalignments: " + maxMisalignments + " not in [1, 1000]");
        }
        if (minExecutionQualityPpm < 0 || minExecutionQualityPpm > RiskLimits.PPM)
        {
            throw new IllegalArgumentException("shadow.min-execution-quality: " + minExecutionQualityPpm +
                " ppm not in [0, 1]");
        }
        if (executionWindow < 1 || executionWindow > MAX_EXECUTION_WINDOW)
        {
            throw new IllegalArgumentException("shadow.execution-window: " + executionWindow + " not in [1, " +
                MAX_EXECUTION_WINDOW + "]");
        }
    }

    /** The same settings, switched on, with these twins ({@code empty}: the live strategies' specs). */
    public ShadowSettings on(final List<String> twins)
    {
        return new ShadowSettings(true, signalTolerancePpm, maxMisalignments, minExecutionQualityPpm, executionWindow,
            twins);
    }
}
