package io.ringwall.engine.metrics;

import java.util.ArrayList;
import java.util.List;

import io.ringwall.codecs.BreakerState;
import io.ringwall.codecs.BreakerType;
import org.agrona.concurrent.EpochClock;

/**
 * Liveness and readiness, from the published snapshot and the pipeline (never from logic state directly).
 * Live: the process answers. Ready to trade: a snapshot was published, no pipeline stage failed, no breaker
 * is HALTED, and the feed is fresh by both clocks (see {@link EngineMetrics} for why two).
 */
public final class HealthCheck
{
    /** Default readiness limit on feed staleness. */
    public static final long DEFAULT_FEED_STALE_AFTER_MS = 30_000;

    private final EngineStateSnapshot snapshot;
    private final RingProbe rings;
    private final EpochClock wallClock;
    private final long feedStaleAfterMs;
    private volatile ReadinessSource extra = ReadinessSource.NONE;

    /** More reasons not to be ready, from a part the metrics do not own (e.g. the pre-market checks). */
    @FunctionalInterface
    public interface ReadinessSource
    {
        ReadinessSource NONE = reasons -> { };

        /** Adds a reason per failing condition to {@code reasons}; called on a scrape thread. */
        void addNotReadyReasons(List<String> reasons);
    }

    /** Adds {@code source}'s reasons to every readiness answer from now on. */
    public void readinessAlsoFrom(final ReadinessSource source)
    {
        final ReadinessSource before = extra;
        extra = before == ReadinessSource.NONE ? source : reasons ->
        {
            before.addNotReadyReasons(reasons);
            source.addNotReadyReasons(reasons);
        };
    }

    /**
     * @param feedStaleAfterMs not ready when market data is older than this (engine or wall time); 0 disables.
     */
    public HealthCheck(final EngineStateSnapshot snapshot, final RingProbe rings, final EpochClock wallClock,
        final long feedStaleAfterMs)
    {
        this.snapshot = snapshot;
        this.rings = rings;
        this.wallClock = wallClock;
        this.feedStaleAfterMs = feedStaleAfterMs;
    }

    /** The outcome: ready or not, with the reasons when not. */
    public record Status(boolean ready, List<String> reasons)
    {
        /** @return {"status":"READY","reasons":[...]} or NOT_READY. */
        public String json()
        {
            final StringBuilder json = new StringBuilder("{\"status\":\"").append(ready ? "READY" : "NOT_READY")
                .append("\",\"reasons\":[");
            for (int i = 0; i < reasons.size(); i++)
            {
                json.append(i == 0 ? "" : ",").append('"');
                escape(reasons.get(i), json);
                json.append('"');
            }
            return json.append("]}").toString();
        }
    }

    public Status ready()
    {
        final EngineState state = snapshot.newState();
        return ready(state, snapshot.read(state));
    }

    /** Readiness from a state the caller has read already (a scrape reads once for everything). */
    Status ready(final EngineState state, final boolean published)
    {
        final List<String> reasons = new ArrayList<>();
        final String failure = rings.failure();
        if (failure != null)
        {
            reasons.add("engine failed: " + failure);
        }
        if (!published)
        {
            reasons.add("no engine state published yet");
        }
        else
        {
            for (final BreakerType type : EngineStateSnapshot.BREAKERS)
            {
                if (type != BreakerType.NULL_VAL && state.breakerState(type) == BreakerState.HALTED)
                {
                    reasons.add("breaker " + type + " is HALTED");
                }
            }
            if (feedStaleAfterMs > 0)
            {
                final double engineAge = engineFeedStalenessSeconds(state);
                if (engineAge * 1000 > feedStaleAfterMs)
                {
                    reasons.add(String.format(java.util.Locale.ROOT, "feed stale: %.1f s of engine time since the last market data " +
                        "(limit %.1f s)", engineAge, feedStaleAfterMs / 1000.0));
                }
                final double wallAge = wallFeedStalenessSeconds(state);
                if (wallAge * 1000 > feedStaleAfterMs)
                {
                    reasons.add(String.format(java.util.Locale.ROOT, "feed stale: %.1f s of wall time since market data was last seen " +
                        "(limit %.1f s)", wallAge, feedStaleAfterMs / 1000.0));
                }
            }
        }
        extra.addNotReadyReasons(reasons);
        return new Status(reasons.isEmpty(), List.copyOf(reasons));
    }

    /** @return logic time minus the last market data's engine time; NaN before any market data. */
    static double engineFeedStalenessSeconds(final EngineState state)
    {
        return state.lastMarketDataTimeNs() == 0 ? Double.NaN :
            (state.logicTimeNs() - state.lastMarketDataTimeNs()) / 1e9;
    }

    /** @return wall time now minus when market data was last seen published; NaN before any market data. */
    double wallFeedStalenessSeconds(final EngineState state)
    {
        return state.lastMarketDataWallMs() == 0 ? Double.NaN :
            Math.max(0, wallClock.time() - state.lastMarketDataWallMs()) / 1e3;
    }

    double snapshotAgeSeconds(final EngineState state)
    {
        return state.publishedWallMs() == 0 ? Double.NaN : Math.max(0, wallClock.time() - state.publishedWallMs()) / 1e3;
    }

    private static void escape(final String text, final StringBuilder out)
    {
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            switch (c)
            {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default ->
                {
                    if (c < 0x20)
                    {
                        out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int)c));
                    }
                    else
                    {
                        out.append(c);
                    }
                }
            }
        }
    }
}
