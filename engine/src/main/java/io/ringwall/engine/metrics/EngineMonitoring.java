package io.ringwall.engine.metrics;

import java.net.InetSocketAddress;
import java.util.List;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.ringwall.engine.Engine;
import io.ringwall.engine.ring.Pipeline;
import org.agrona.concurrent.EpochClock;
import org.agrona.concurrent.SystemEpochClock;

/**
 * Monitoring wired to one engine: the state snapshot, its publisher on the logic thread, the metrics and
 * health endpoints. {@link #attach} before the pipeline starts; {@link #close} after the engine stopped.
 *
 * <pre>{@code
 * try (Engine engine = new Engine(config);
 *      EngineMonitoring monitoring = EngineMonitoring.attach(engine,
 *          EngineMonitoring.Settings.onPort("127.0.0.1", 9464).withLatencies(engine.latencyLog())))
 * {
 *     engine.run(source);
 * }
 * }</pre>
 */
public final class EngineMonitoring implements AutoCloseable
{
    private final EngineStateSnapshot snapshot;
    private final StatePublisher publisher;
    private final HealthCheck health;
    private final PrometheusRegistry registry;
    private final MetricsServer server;

    /**
     * @param host             bind address; 127.0.0.1 keeps the endpoint local (the default).
     * @param port             0 picks a free port.
     * @param everyInputs      publish the state at least every this many inputs.
     * @param everyNs          ... and at a batch end once this much engine time has passed.
     * @param feedStaleAfterMs readiness limit on feed staleness; 0 disables that check.
     * @param latencies        per-stage latency percentiles (extension point), or {@link StageLatencySource#NONE}.
     */
    public record Settings(String host, int port, long everyInputs, long everyNs, long feedStaleAfterMs,
        StageLatencySource latencies)
    {
        public static Settings onPort(final String host, final int port)
        {
            return new Settings(host, port, StatePublisher.DEFAULT_EVERY_INPUTS, StatePublisher.DEFAULT_EVERY_NS,
                HealthCheck.DEFAULT_FEED_STALE_AFTER_MS, StageLatencySource.NONE);
        }

        public Settings withLatencies(final StageLatencySource source)
        {
            return new Settings(host, port, everyInputs, everyNs, feedStaleAfterMs, source);
        }

        public Settings withFeedStaleAfterMs(final long limitMs)
        {
            return new Settings(host, port, everyInputs, everyNs, limitMs, latencies);
        }
    }

    private EngineMonitoring(final EngineStateSnapshot snapshot, final StatePublisher publisher,
        final HealthCheck health, final PrometheusRegistry registry, final MetricsServer server)
    {
        this.snapshot = snapshot;
        this.publisher = publisher;
        this.health = health;
        this.registry = registry;
        this.server = server;
    }

    /**
     * Serves an engine's metrics: its state snapshot (which the engine's logic thread already publishes for
     * the state view), its rings, and the settings' latency source. Call before the engine starts.
     */
    public static EngineMonitoring attach(final Engine engine, final Settings settings)
    {
        final Pipeline pipeline = engine.pipeline();
        final RingProbe rings = RingProbe.of(pipeline);
        final EngineStateSnapshot snapshot = engine.stateSnapshot();
        final HealthCheck health = new HealthCheck(snapshot, rings, SystemEpochClock.INSTANCE,
            settings.feedStaleAfterMs());
        return serve(snapshot, null, rings, health, settings);
    }

    /**
     * Wires monitoring into a pipeline that has not started yet and starts the HTTP endpoint.
     *
     * @param symbols the instruments by id (the logic configuration's {@code symbols()}).
     */
    public static EngineMonitoring attach(final Pipeline pipeline, final List<String> symbols, final Settings settings)
    {
        final EpochClock wallClock = SystemEpochClock.INSTANCE;
        final EngineStateSnapshot snapshot = new EngineStateSnapshot(symbols);
        final StatePublisher publisher = new StatePublisher(pipeline.logic(), snapshot, wallClock,
            settings.everyInputs(), settings.everyNs());
        pipeline.observeLogic(publisher);
        final RingProbe rings = RingProbe.of(pipeline);
        final HealthCheck health = new HealthCheck(snapshot, rings, wallClock, settings.feedStaleAfterMs());
        return serve(snapshot, publisher, rings, health, settings);
    }

    private static EngineMonitoring serve(final EngineStateSnapshot snapshot, final StatePublisher publisher,
        final RingProbe rings, final HealthCheck health, final Settings settings)
    {
        final PrometheusRegistry registry = new PrometheusRegistry();
        registry.register(new EngineMetrics(snapshot, rings, health));
        registry.register(new StageLatencyCollector(settings.latencies()));
        final MetricsServer server = MetricsServer.start(new InetSocketAddress(settings.host(), settings.port()),
            registry, health);
        return new EngineMonitoring(snapshot, publisher, health, registry, server);
    }

    public int port()
    {
        return server.port();
    }

    public EngineStateSnapshot snapshot()
    {
        return snapshot;
    }

    /**
     * The logic-thread hook when attached to a bare pipeline (null when attached to an Engine, which owns it);
     * {@link StatePublisher#publishNow()} once the engine stopped publishes the final state.
     */
    public StatePublisher publisher()
    {
        return publisher;
    }

    public HealthCheck health()
    {
        return health;
    }

    public PrometheusRegistry registry()
    {
        return registry;
    }

    @Override
    public void close()
    {
        server.close();
    }
}
