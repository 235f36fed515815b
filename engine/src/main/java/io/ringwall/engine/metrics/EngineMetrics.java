package io.ringwall.engine.metrics;

import java.util.ArrayList;
import java.util.List;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.ringwall.codecs.BreakerType;
import io.ringwall.codecs.RiskRejectReason;
import io.ringwall.engine.Fixed;

/**
 * The engine's Prometheus metrics, built at scrape time from ONE read of the published
 * {@link EngineStateSnapshot} plus the ring positions: nothing is done per event, and all figures of a scrape
 * come from the same capture. Money is in price units (the quote currency), quantities in units.
 *
 * <p>Feed staleness is exported on two clocks. {@code clock="engine"}: logic time of the last input minus
 * that of the last market data, what the STALE_DATA breaker sees; deterministic, meaningful in every mode
 * (backtest too), but it stops moving when no input arrives at all. {@code clock="wall"}: wall time now minus
 * when the publisher first saw the last market data; catches a dead feed or a stalled engine in live and
 * paper-on-wall-clock runs, but is meaningless for a backtest or replay (data time runs faster than the wall).
 * Both are absent until the first market data.
 */
public final class EngineMetrics implements MultiCollector
{
    private final EngineStateSnapshot snapshot;
    private final RingProbe rings;
    private final HealthCheck health;

    public EngineMetrics(final EngineStateSnapshot snapshot, final RingProbe rings, final HealthCheck health)
    {
        this.snapshot = snapshot;
        this.rings = rings;
        this.health = health;
    }

    @Override
    public MetricSnapshots collect()
    {
        final EngineState s = snapshot.newState();
        final boolean published = snapshot.read(s);
        final List<MetricSnapshot> out = new ArrayList<>(48);

        out.add(counter("ringwall_inputs", "Inputs the logic handled (all kinds)", s.inputs()));
        out.add(counter("ringwall_market_data_inputs", "Market-data inputs the logic handled", s.marketDataInputs()));
        out.add(counter("ringwall_orders_sent", "Orders sent to the venue (passed pre-trade risk)", s.ordersSent()));
        out.add(counter("ringwall_cancels_sent", "Cancel requests sent to the venue", s.cancelsSent()));
        out.add(counter("ringwall_amends_sent", "Amends (cancel/replace) sent to the venue", s.amendsSent()));
        out.add(counter("ringwall_replaces", "Amends the venue took: orders replaced", s.replaces()));
        out.add(counter("ringwall_replace_rejects", "Amends the venue refused, or did not know when asked",
            s.replaceRejects()));
        out.add(counter("ringwall_amends_refused", "Amends not sent: the order was not amendable then",
            s.amendsRefused()));
        out.add(counter("ringwall_fills", "Executions booked (partial and full fills)", s.fills()));
        out.add(counter("ringwall_venue_rejects", "Orders the venue rejected", s.venueRejects()));
        final CounterSnapshot.Builder rejects = CounterSnapshot.builder().name("ringwall_risk_rejects")
            .help("Orders refused by pre-trade risk, by reason");
        for (final RiskRejectReason reason : EngineStateSnapshot.REASONS)
        {
            if (reason != RiskRejectReason.NULL_VAL)
            {
                rejects.dataPoint(CounterDataPointSnapshot.builder().labels(Labels.of("reason", reason.name()))
                    .value(s.riskRejects(reason)).build());
            }
        }
        out.add(rejects.build());

        final CounterSnapshot.Builder trips = CounterSnapshot.builder().name("ringwall_breaker_trips")
            .help("Circuit-breaker trips, by breaker");
        final GaugeSnapshot.Builder states = GaugeSnapshot.builder().name("ringwall_breaker_state")
            .help("Breaker state: 0 ACTIVE, 1 REDUCING, 2 HALTED");
        for (final BreakerType type : EngineStateSnapshot.BREAKERS)
        {
            if (type != BreakerType.NULL_VAL)
            {
                final Labels labels = Labels.of("breaker", type.name());
                trips.dataPoint(CounterDataPointSnapshot.builder().labels(labels).value(s.breakerTrips(type)).build());
                states.dataPoint(GaugeDataPointSnapshot.builder().labels(labels)
                    .value(s.breakerState(type).ordinal()).build());
            }
        }
        out.add(trips.build());
        out.add(states.build());
        final CounterSnapshot.Builder reconciliations = CounterSnapshot.builder().name("ringwall_reconciliations")
            .help("Reconciliations with the venue, by outcome (COMPLETE, NO_ANSWER, INCOMPLETE, UNSUPPORTED)");
        for (final io.ringwall.codecs.ReconciliationOutcome outcome : EngineStateSnapshot.OUTCOMES)
        {
            if (outcome != io.ringwall.codecs.ReconciliationOutcome.NULL_VAL)
            {
                reconciliations.dataPoint(CounterDataPointSnapshot.builder().labels(Labels.of("outcome", outcome.name()))
                    .value(s.reconciliations(outcome)).build());
            }
        }
        out.add(reconciliations.build());
        out.add(counter("ringwall_shadow_decisions", "Shadow trading: live decisions compared with the twin's",
            s.shadowDecisions()));
        out.add(counter("ringwall_shadow_misalignments", "Shadow trading: decisions the twin did not share",
            s.shadowMisalignments()));
        out.add(counter("ringwall_shadow_orders_finished", "Shadow trading: live orders finished (filled or not)",
            s.shadowExecutions()));
        out.add(counter("ringwall_shadow_orders_filled", "Shadow trading: live orders fully filled",
            s.shadowFilled()));
        final GaugeSnapshot.Builder shadowFigures = GaugeSnapshot.builder().name("ringwall_shadow_ratio")
            .help("Shadow trading: alignment (aligned decisions / decisions) and execution_quality (the rolling " +
                "fill rate the SHADOW breaker watches); absent until known");
        addIfKnown(shadowFigures, "figure", "alignment", s.shadowAlignment());
        addIfKnown(shadowFigures, "figure", "execution_quality", s.shadowExecutionQuality());
        out.add(shadowFigures.build());
        final GaugeSnapshot.Builder slippage = GaugeSnapshot.builder().name("ringwall_shadow_slippage_bps")
            .help("Shadow trading: average slippage of live fills against the paper model, bps (positive: worse)");
        addIfKnown(slippage, null, null, s.shadowAverageSlippageBps());
        out.add(slippage.build());
        out.add(gauge("ringwall_breaker_worst_state", "Most restrictive breaker state: 0 ACTIVE, 1 REDUCING, 2 HALTED",
            s.worstBreakerState().ordinal()));

        out.add(gauge("ringwall_equity", "Cash plus open positions at the last price", money(s.equity())));
        out.add(gauge("ringwall_cash", "Cash", money(s.cash())));
        out.add(gauge("ringwall_realized_pnl", "Realized PnL", money(s.realizedPnl())));
        out.add(gauge("ringwall_unrealized_pnl", "Unrealized PnL of open positions at the last price",
            money(s.unrealizedPnl())));
        out.add(gauge("ringwall_fees_paid", "Fees paid", money(s.feesPaid())));
        out.add(gauge("ringwall_daily_pnl", "Portfolio PnL since the current trading session started",
            money(s.dailyPnl())));
        out.add(gauge("ringwall_equity_high_water_mark", "Highest equity of the session", money(s.equityHighWaterMark())));
        out.add(gauge("ringwall_drawdown", "Equity below its high-water mark, money", money(s.drawdown())));
        out.add(gauge("ringwall_drawdown_ratio", "(high-water mark - equity) / high-water mark", s.drawdownRatio()));
        final GaugeSnapshot.Builder positions = GaugeSnapshot.builder().name("ringwall_position")
            .help("Signed position per instrument, in units");
        for (int i = 0; i < s.symbols().size(); i++)
        {
            positions.dataPoint(GaugeDataPointSnapshot.builder().labels(Labels.of("symbol", s.symbols().get(i)))
                .value((double)s.position(i) / Fixed.QUANTITY_SCALE).build());
        }
        out.add(positions.build());
        out.add(gauge("ringwall_working_orders", "Orders working at the venue", s.workingOrders()));
        out.add(gauge("ringwall_capital_scale_ratio", "Capital scale applied to targets", s.capitalScalePpm() / 1e6));
        out.add(gauge("ringwall_last_input_sequence", "Journal-in sequence of the last input in the snapshot",
            s.lastInputSequence()));
        out.add(gauge("ringwall_engine_time_seconds", "Logic clock (time of the last input), epoch seconds",
            s.logicTimeNs() / 1e9));

        final GaugeSnapshot.Builder staleness = GaugeSnapshot.builder().name("ringwall_feed_staleness_seconds")
            .help("Seconds since the last market data: clock=engine (event time) or clock=wall (see docs)");
        addIfKnown(staleness, "clock", "engine", HealthCheck.engineFeedStalenessSeconds(s));
        addIfKnown(staleness, "clock", "wall", health.wallFeedStalenessSeconds(s));
        out.add(staleness.build());
        final GaugeSnapshot.Builder age = GaugeSnapshot.builder().name("ringwall_snapshot_age_seconds")
            .help("Wall seconds since the logic thread last published its state");
        addIfKnown(age, null, null, health.snapshotAgeSeconds(s));
        out.add(age.build());

        addRings(out);
        out.add(gauge("ringwall_engine_failed", "1 when a pipeline stage failed and trading halted",
            rings.failure() == null ? 0 : 1));
        out.add(gauge("ringwall_ready", "1 when /health/ready answers READY", health.ready(s, published).ready() ? 1 : 0));
        return new MetricSnapshots(out);
    }

    private void addRings(final List<MetricSnapshot> out)
    {
        final long inPublished = rings.inboundPublished();
        final long inJournaled = rings.inboundJournaled();
        final long inProcessed = rings.inboundProcessed();
        final long outPublished = rings.outboundPublished();
        final long outJournaled = rings.outboundJournaled();
        final long outDelivered = rings.outboundDelivered();
        out.add(GaugeSnapshot.builder().name("ringwall_ring_remaining_capacity").help("Free slots per ring")
            .dataPoint(point(rings.inboundRemainingCapacity(), "ring", "inbound"))
            .dataPoint(point(rings.outboundRemainingCapacity(), "ring", "outbound")).build());
        out.add(GaugeSnapshot.builder().name("ringwall_ring_size").help("Slots per ring")
            .dataPoint(point(rings.inboundSize(), "ring", "inbound"))
            .dataPoint(point(rings.outboundSize(), "ring", "outbound")).build());
        out.add(GaugeSnapshot.builder().name("ringwall_ring_position")
            .help("Ring sequence each stage reached (published, journaled, processed by the logic / delivered by the gateway)")
            .dataPoint(point(inPublished, "ring", "inbound", "stage", "published"))
            .dataPoint(point(inJournaled, "ring", "inbound", "stage", "journaled"))
            .dataPoint(point(inProcessed, "ring", "inbound", "stage", "processed"))
            .dataPoint(point(outPublished, "ring", "outbound", "stage", "published"))
            .dataPoint(point(outJournaled, "ring", "outbound", "stage", "journaled"))
            .dataPoint(point(outDelivered, "ring", "outbound", "stage", "processed")).build());
        out.add(GaugeSnapshot.builder().name("ringwall_journal_lag_frames")
            .help("Frames published on the ring but not yet journaled")
            .dataPoint(point(inPublished - inJournaled, "ring", "inbound"))
            .dataPoint(point(outPublished - outJournaled, "ring", "outbound")).build());
        out.add(GaugeSnapshot.builder().name("ringwall_processing_lag_frames")
            .help("Frames journaled but not yet processed (inbound: by the logic; outbound: by the gateway)")
            .dataPoint(point(inJournaled - inProcessed, "ring", "inbound"))
            .dataPoint(point(outJournaled - outDelivered, "ring", "outbound")).build());
    }

    private static double money(final long mantissa)
    {
        return (double)mantissa / Fixed.PRICE_SCALE;
    }

    private static CounterSnapshot counter(final String name, final String help, final long value)
    {
        return CounterSnapshot.builder().name(name).help(help)
            .dataPoint(CounterDataPointSnapshot.builder().value(value).build()).build();
    }

    private static GaugeSnapshot gauge(final String name, final String help, final double value)
    {
        return GaugeSnapshot.builder().name(name).help(help)
            .dataPoint(GaugeDataPointSnapshot.builder().value(value).build()).build();
    }

    private static GaugeDataPointSnapshot point(final double value, final String... labels)
    {
        return GaugeDataPointSnapshot.builder().labels(Labels.of(labels)).value(value).build();
    }

    private static void addIfKnown(final GaugeSnapshot.Builder builder, final String label, final String value,
        final double figure)
    {
        if (!Double.isNaN(figure))
        {
            builder.dataPoint(GaugeDataPointSnapshot.builder().labels(label == null ? Labels.EMPTY : Labels.of(label, value))
                .value(figure).build());
        }
    }
}
