package io.ringwall.perf;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import com.lmax.disruptor.BatchEventProcessor;
import com.lmax.disruptor.BatchEventProcessorBuilder;
import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import io.ringwall.engine.Fixed;
import io.ringwall.engine.logic.BusinessLogic;
import io.ringwall.engine.logic.LogicConfig;
import io.ringwall.engine.ring.InboundPublisher;
import io.ringwall.engine.ring.Pipeline;
import io.ringwall.engine.ring.RingConfig;
import io.ringwall.journal.JournalDirectory;
import io.ringwall.journal.JournalWriter;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.HdrHistogram.Histogram;
import org.agrona.concurrent.IdleStrategy;

/**
 * Tick-to-order latency of the real pipeline at a fixed offered rate, beside a raw Disruptor hop plus
 * Chronicle append offered the same schedule in the same run.
 *
 * <p><b>Method.</b> A producer thread (this one) offers trade {@code i} at its planned time
 * {@code start + i / rate}: it waits (yielding) until then, or publishes at once when it is already
 * late. Each trade carries its planned time, and latency is "when the result arrived" minus "when the
 * input was <em>planned</em> to be sent". A stall anywhere, the producer's own included, therefore
 * shows in every input planned during it, with the delay each one really suffered. That is the
 * coordinated-omission correction by construction; HdrHistogram's {@code recordValueWithExpectedInterval}
 * is not used on top, because it would add synthetic samples for exactly the inputs that are already
 * recorded with their true delay and so count each stall twice. (It is the fix for harnesses that time
 * from the actual send; the engine's uncorrected figure, timed from the actual publish, is printed
 * beside the corrected one to show what the correction changes.)
 *
 * <ul>
 *   <li><b>engine</b>: {@link Pipeline} with both journals on (in a scratch directory), the logic with
 *       every pre-trade check and breaker on except those that cap the order rate, and the
 *       {@link OrderEveryTrade} strategy: every trade causes one market order. The gateway is
 *       {@link LatencyGateway}: it records when each {@code NewOrder} reaches it (after journal "out")
 *       and answers with an accept and a fill, which travel back through the inbound ring and journal
 *       "in" like a real venue's. The planned time rides in the trade's engine time, which the order
 *       carries.</li>
 *   <li><b>raw</b>: one Disruptor hop (single producer, same ring size and wait mode) to a consumer that
 *       appends a 64-byte Chronicle document per event (the journals' roll cycle), then records
 *       now minus planned. The floor the engine's stages are built from.</li>
 * </ul>
 *
 * <p>If the machine cannot keep up with the rate (or the producer cannot even offer it), queues grow and
 * latency grows with the run: that is what the figures then show, with the producer's worst lag behind
 * schedule printed too.
 *
 * <p>Run: {@code scripts/ringwall latency [--rate N] [--seconds S] [--warmup S] [--runs K] [--json FILE]}.
 */
public final class LatencyHarness
{
    /** Engine time of the trade planned at {@link #anchorNanos}: 2023-11-14, well inside one UTC day per run. */
    static final long EPOCH_BASE_NS = 1_700_000_000_000_000_000L;
    private static final long HIGHEST_NS = TimeUnit.MINUTES.toNanos(10);
    private static final String LOGIC_THREAD = "ringwall-logic";
    private static final int INSTRUMENT_ID = 0;
    private static final int PATTERN = 1 << 12;
    private static final int MESSAGE_LENGTH = 64;
    /** The producer starts its schedule this far after setting it, so trade 0 is not late by construction. */
    private static final long LEAD_NS = TimeUnit.MILLISECONDS.toNanos(5);

    private final LatencyOptions options;
    private final LogicConfig logicConfig =
        BenchmarkConfigs.orderOnEveryTradeAtAnyRate(List.of(OrderEveryTrade.class.getName() + ":step=0.000001"));
    /** The nanoTime every engine time is measured from: fixed once, so a gateway needs no start time. */
    private final long anchorNanos = System.nanoTime();
    private final long[] prices = new long[PATTERN];
    private final long[] quantities = new long[PATTERN];

    LatencyHarness(final LatencyOptions options)
    {
        this.options = options;
        // A walk of +-5 bps steps held inside +-0.5 % of 1,000: the market-move breaker (5 % in a minute)
        // must not trip at a million trades a minute, as an unbounded walk would make it.
        final SplittableRandom random = new SplittableRandom(42);
        final long mid = 1000 * Fixed.PRICE_SCALE;
        long price = mid;
        for (int i = 0; i < PATTERN; i++)
        {
            final long next = price + (price / 20_000) * (random.nextInt(3) - 1);
            price = Math.abs(next - mid) <= mid / 200 ? next : price;
            prices[i] = price;
            quantities[i] = (1 + random.nextInt(100)) * (Fixed.QUANTITY_SCALE / 100);
        }
    }

    public static void main(final String[] args)
    {
        HarnessCli.launch("latency", LatencyOptions.USAGE, args, LatencyOptions::parse, options -> options.help,
            options -> new LatencyHarness(options).run());
    }

    private void run()
    {
        System.out.printf(Locale.ROOT, "Ringwall tick-to-order latency: %,d trades/s offered for %d s per run, " +
            "%d run(s) after %d s of warm-up; wait %s; %s stage threads; Java %s; %d CPU(s)%n",
            options.rate, options.seconds, options.runs, options.warmupSeconds, options.waitMode.cliName(),
            options.threading.cliName(), System.getProperty("java.version"),
            Runtime.getRuntime().availableProcessors());
        System.out.println("latency = arrival - PLANNED send time (coordinated-omission corrected); engine: trade " +
            "-> journal in -> logic -> journal out -> gateway; raw: Disruptor hop + Chronicle append");
        if (options.warmupSeconds > 0)
        {
            final RunResult warmup = measure(0, options.warmupSeconds);
            System.out.printf(Locale.ROOT, "warm-up: engine p99 %s us, raw p99 %s us (not counted)%n",
                micros(warmup.engine.p99), micros(warmup.raw.p99));
        }
        System.out.println();
        System.out.println(RunResult.HEADER);
        final List<RunResult> results = new ArrayList<>();
        for (int run = 1; run <= options.runs; run++)
        {
            final RunResult result = measure(run, options.seconds);
            results.add(result);
            System.out.println(result.rows());
        }
        final RunResult median = RunResult.median(results);
        System.out.println(median.rows());
        System.out.println();
        for (final RunResult result : results)
        {
            System.out.println(result.notes());
        }
        if (options.jsonFile != null)
        {
            writeJson(results, median);
            System.out.println("results written to " + options.jsonFile.toAbsolutePath());
        }
    }

    /** One run: the raw floor, then the engine, each offered {@code rate x seconds} trades on schedule. */
    RunResult measure(final int run, final long seconds)
    {
        final int trades = (int)(options.rate * seconds);
        final Figures raw = rawHopAndAppend(trades);
        final EngineRun engine = engine(trades);
        final RunResult result = new RunResult(run, raw, engine.corrected, engine.uncorrected, engine.orders,
            engine.riskRejects, engine.logicBytesPerTrade);
        if (engine.riskRejects > 0)
        {
            System.out.printf(Locale.ROOT, "run %d: %s%n", run, engine.why);
        }
        return result;
    }

    // ------------------------------------------------------------------------------------------------
    // the schedule

    /** Planned send time of trade {@code i} (nanoTime). */
    private long planned(final long startNanos, final long i)
    {
        return startNanos + i * 1_000_000_000L / options.rate;
    }

    /**
     * Waits, yielding the CPU (2 cores, 5+ threads), until the planned time; late trades go at once.
     */
    private static void awaitPlanned(final long plannedNanos)
    {
        while (System.nanoTime() < plannedNanos)
        {
            Thread.yield();
        }
    }

    // ------------------------------------------------------------------------------------------------
    // the engine

    private record EngineRun(Figures corrected, Figures uncorrected, long orders, long riskRejects,
        double logicBytesPerTrade, String why)
    {
    }

    private EngineRun engine(final int trades)
    {
        final Path directory = ScratchDirectories.create(options.scratchRoot, "latency-");
        try (JournalDirectory journals = JournalDirectory.open(directory))
        {
            final JournalWriter inputJournal = journals.inputWriter();
            final JournalWriter outputJournal = journals.outputWriter();
            try
            {
                return runEngine(trades, inputJournal, outputJournal);
            }
            finally
            {
                inputJournal.close();
                outputJournal.close();
            }
        }
        finally
        {
            ScratchDirectories.delete(directory);
        }
    }

    private EngineRun runEngine(final int trades, final JournalWriter inputJournal, final JournalWriter outputJournal)
    {
        final Histogram fromPlanned = new Histogram(HIGHEST_NS, 3);
        final Histogram fromSent = new Histogram(HIGHEST_NS, 3);
        final LatencyGateway[] gateway = new LatencyGateway[1];
        final Pipeline pipeline = new Pipeline(RingConfig.defaults(options.waitMode).withThreading(options.threading),
            inputJournal, outputJournal, sink -> BusinessLogic.create(logicConfig, sink),
            venue -> gateway[0] = new LatencyGateway(venue, anchorNanos, EPOCH_BASE_NS, fromPlanned, fromSent));
        pipeline.start();
        final long maxLagNs;
        final long elapsedNs;
        final double logicBytesPerTrade;
        try
        {
            final ThreadAllocation logicAllocation = ThreadAllocation.of(LOGIC_THREAD);
            final long[] before = logicAllocation.sample();
            final InboundPublisher publisher = pipeline.newPublisher();
            final long startNanos = System.nanoTime() + LEAD_NS;
            long lag = 0;
            for (int i = 0; i < trades; i++)
            {
                final long plannedNanos = planned(startNanos, i);
                awaitPlanned(plannedNanos);
                final int k = i & (PATTERN - 1);
                final long timeNs = EPOCH_BASE_NS + (plannedNanos - anchorNanos);
                publisher.trade(timeNs, INSTRUMENT_ID, i + 1L, prices[k], quantities[k], timeNs);
                // How late the trade got onto the ring: a wait for ring capacity counts too.
                lag = Math.max(lag, System.nanoTime() - plannedNanos);
            }
            elapsedNs = System.nanoTime() - startNanos;
            maxLagNs = lag;
            pipeline.awaitQuiescent(options.waitMode.idleStrategy());
            logicBytesPerTrade = ThreadAllocation.perEvent(before, logicAllocation.sample(), trades)[0];
        }
        finally
        {
            pipeline.stop();
        }
        if (pipeline.failure().isSet())
        {
            throw new IllegalStateException("pipeline failed: " + pipeline.failure().message());
        }
        final long orders = gateway[0].orders();
        if (orders == 0)
        {
            throw new IllegalStateException("no order reached the gateway: nothing was measured");
        }
        final double offered = perSecond(trades, elapsedNs);
        return new EngineRun(Figures.of(fromPlanned, offered, maxLagNs), Figures.of(fromSent, offered, maxLagNs),
            orders, gateway[0].riskRejects(), logicBytesPerTrade, "risk rejects by reason: " +
            pipeline.logic().counters().riskRejectsText() + "; breaker trips: " +
            pipeline.logic().counters().breakerTripsText());
    }

    // ------------------------------------------------------------------------------------------------
    // the raw floor: one Disruptor hop, one Chronicle append per event

    /** The raw ring's slot: the planned time and a sequence. */
    static final class StampedEvent
    {
        long plannedNanos;
        long sequence;
    }

    /** Appends each event as a 64-byte document, then records now minus planned. Owns its appender. */
    static final class AppendingHandler implements EventHandler<StampedEvent>
    {
        private final ChronicleQueue queue;
        private final Histogram fromPlanned;
        private final byte[] padding = new byte[MESSAGE_LENGTH - 2 * Long.BYTES];
        private ExcerptAppender appender;
        long count;

        AppendingHandler(final ChronicleQueue queue, final Histogram fromPlanned)
        {
            this.queue = queue;
            this.fromPlanned = fromPlanned;
        }

        @Override
        public void onStart()
        {
            // Chronicle appenders belong to one thread: made on the consumer's.
            appender = queue.createAppender();
        }

        @Override
        public void onEvent(final StampedEvent event, final long sequence, final boolean endOfBatch)
        {
            try (DocumentContext document = appender.writingDocument())
            {
                final Bytes<?> bytes = document.wire().bytes();
                bytes.writeLong(event.sequence);
                bytes.writeLong(event.plannedNanos);
                bytes.write(padding);
            }
            final long latencyNs = System.nanoTime() - event.plannedNanos;
            fromPlanned.recordValue(Math.max(0, Math.min(latencyNs, HIGHEST_NS)));
            count++;
        }

        @Override
        public void onShutdown()
        {
            appender.close();
        }
    }

    private Figures rawHopAndAppend(final int trades)
    {
        final Path directory = ScratchDirectories.create(options.scratchRoot, "latency-raw-");
        try (ChronicleQueue queue = SingleChronicleQueueBuilder.binary(directory).rollCycle(RollCycles.FAST_DAILY).build())
        {
            return rawRun(trades, queue);
        }
        finally
        {
            ScratchDirectories.delete(directory);
        }
    }

    private Figures rawRun(final int trades, final ChronicleQueue queue)
    {
        final Histogram fromPlanned = new Histogram(HIGHEST_NS, 3);
        final RingBuffer<StampedEvent> ring = RingBuffer.createSingleProducer(StampedEvent::new,
            RingConfig.DEFAULT_RING_SIZE, options.waitMode.waitStrategy());
        final AppendingHandler handler = new AppendingHandler(queue, fromPlanned);
        final BatchEventProcessor<StampedEvent> consumer = new BatchEventProcessorBuilder()
            .build(ring, ring.newBarrier(), handler);
        ring.addGatingSequences(consumer.getSequence());
        final Thread thread = new Thread(consumer, "raw-hop-append");
        thread.setDaemon(true);
        thread.start();

        final IdleStrategy idle = options.waitMode.idleStrategy();
        final long startNanos = System.nanoTime() + LEAD_NS;
        long lag = 0;
        for (int i = 0; i < trades; i++)
        {
            final long plannedNanos = planned(startNanos, i);
            awaitPlanned(plannedNanos);
            final long slot = claim(ring, idle);
            final StampedEvent event = ring.get(slot);
            event.plannedNanos = plannedNanos;
            event.sequence = i;
            ring.publish(slot);
            lag = Math.max(lag, System.nanoTime() - plannedNanos);
        }
        final long elapsedNs = System.nanoTime() - startNanos;
        idle.reset();
        while (consumer.getSequence().get() < trades - 1)
        {
            idle.idle();
        }
        consumer.halt();
        join(thread);
        if (handler.count != trades)
        {
            throw new IllegalStateException("raw hop lost events: " + handler.count + " of " + trades);
        }
        return Figures.of(fromPlanned, perSecond(trades, elapsedNs), lag);
    }

    /** Claims like the pipeline's producers: try, and idle while the ring is full. */
    private static long claim(final RingBuffer<StampedEvent> ring, final IdleStrategy idle)
    {
        idle.reset();
        while (true)
        {
            try
            {
                return ring.tryNext();
            }
            catch (final InsufficientCapacityException ignore)
            {
                idle.idle();
            }
        }
    }

    private static void join(final Thread thread)
    {
        try
        {
            thread.join(10_000);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    private static double perSecond(final long events, final long elapsedNs)
    {
        return events * 1e9 / Math.max(1, elapsedNs);
    }

    static String micros(final double nanos)
    {
        return String.format(Locale.ROOT, "%.1f", nanos / 1000.0);
    }

    // ------------------------------------------------------------------------------------------------
    // results

    private void writeJson(final List<RunResult> results, final RunResult median)
    {
        final StringBuilder settings = new StringBuilder(256);
        settings.append("  \"rate\": ").append(options.rate).append(",\n");
        settings.append("  \"seconds\": ").append(options.seconds).append(",\n");
        settings.append("  \"warmupSeconds\": ").append(options.warmupSeconds).append(",\n");
        settings.append("  \"runs\": ").append(options.runs).append(",\n");
        settings.append("  \"wait\": \"").append(options.waitMode.cliName()).append("\",\n");
        HarnessCli.writeResults(options.jsonFile, settings.toString(),
            results.stream().map(RunResult::json).toList(), median.json());
    }

    /**
     * One histogram's percentiles (ns), the rate the producer managed to offer and its worst lag.
     */
    record Figures(double p50, double p90, double p99, double p999, double p9999, double max, double count,
        double offeredPerSec, double maxLagNs)
    {
        static Figures of(final Histogram histogram, final double offeredPerSec, final long maxLagNs)
        {
            return new Figures(histogram.getValueAtPercentile(50), histogram.getValueAtPercentile(90),
                histogram.getValueAtPercentile(99), histogram.getValueAtPercentile(99.9),
                histogram.getValueAtPercentile(99.99), histogram.getMaxValue(), histogram.getTotalCount(),
                offeredPerSec, maxLagNs);
        }

        static Figures median(final List<Figures> all)
        {
            return new Figures(med(all, 0), med(all, 1), med(all, 2), med(all, 3), med(all, 4), med(all, 5),
                med(all, 6), med(all, 7), med(all, 8));
        }

        private double column(final int i)
        {
            return switch (i)
            {
                case 0 -> p50;
                case 1 -> p90;
                case 2 -> p99;
                case 3 -> p999;
                case 4 -> p9999;
                case 5 -> max;
                case 6 -> count;
                case 7 -> offeredPerSec;
                default -> maxLagNs;
            };
        }

        private static double med(final List<Figures> all, final int column)
        {
            return LatencyHarness.median(all.stream().mapToDouble(f -> f.column(column)).toArray());
        }

        String row(final String run, final String side)
        {
            return String.format(Locale.ROOT, "%-7s %-12s %9s %9s %9s %9s %9s %10s %10.0f %12.0f %12s", run, side,
                micros(p50), micros(p90), micros(p99), micros(p999), micros(p9999), micros(max), count,
                offeredPerSec, micros(maxLagNs));
        }

        String json()
        {
            return String.format(Locale.ROOT, "{\"p50Ns\": %.0f, \"p90Ns\": %.0f, \"p99Ns\": %.0f, \"p999Ns\": %.0f, " +
                "\"p9999Ns\": %.0f, \"maxNs\": %.0f, \"count\": %.0f, \"offeredPerSec\": %.0f, \"maxLagNs\": %.0f}",
                p50, p90, p99, p999, p9999, max, count, offeredPerSec, maxLagNs);
        }
    }

    static double median(final double[] values)
    {
        final double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        final int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /** One run: the raw floor and the engine under the same schedule, moments apart. */
    record RunResult(int run, Figures raw, Figures engine, Figures engineUncorrected, long orders, long riskRejects,
        double logicBytesPerTrade, double p99Ratio, double p50Ratio, boolean isMedian)
    {
        static final String HEADER = String.format(Locale.ROOT, "%-7s %-12s %9s %9s %9s %9s %9s %10s %10s %12s %12s",
            "run", "path", "p50 us", "p90 us", "p99 us", "p99.9 us", "p99.99 us", "max us", "count", "offered/s",
            "max lag us");

        RunResult(final int run, final Figures raw, final Figures engine, final Figures engineUncorrected,
            final long orders, final long riskRejects, final double logicBytesPerTrade)
        {
            this(run, raw, engine, engineUncorrected, orders, riskRejects, logicBytesPerTrade,
                engine.p99 / Math.max(1, raw.p99),
                engine.p50 / Math.max(1, raw.p50), false);
        }

        /** Each figure's median on its own; the ratios are medians of the per-run ratios. */
        static RunResult median(final List<RunResult> results)
        {
            return new RunResult(0, Figures.median(results.stream().map(RunResult::raw).toList()),
                Figures.median(results.stream().map(RunResult::engine).toList()),
                Figures.median(results.stream().map(RunResult::engineUncorrected).toList()),
                (long)LatencyHarness.median(results.stream().mapToDouble(RunResult::orders).toArray()),
                (long)LatencyHarness.median(results.stream().mapToDouble(RunResult::riskRejects).toArray()),
                LatencyHarness.median(results.stream().mapToDouble(RunResult::logicBytesPerTrade).toArray()),
                LatencyHarness.median(results.stream().mapToDouble(RunResult::p99Ratio).toArray()),
                LatencyHarness.median(results.stream().mapToDouble(RunResult::p50Ratio).toArray()), true);
        }

        String rows()
        {
            final String name = isMedian ? "median" : Integer.toString(run);
            return raw.row(name, "raw") + "\n" + engine.row(name, "engine") + "\n" +
                engineUncorrected.row(name, "engine*") + "\n" +
                String.format(Locale.ROOT, "%-7s engine p99 / raw p99 = %.2f   engine p50 / raw p50 = %.2f", name,
                p99Ratio, p50Ratio);
        }

        String notes()
        {
            return String.format(Locale.ROOT, "run %d: %,d orders reached the gateway, %,d risk rejects, logic thread " +
                "allocated %.3f B per trade (trade + order + accept + fill); engine* is timed from the actual publish " +
                "(uncorrected, for comparison only)", run, orders, riskRejects, logicBytesPerTrade);
        }

        String json()
        {
            return String.format(Locale.ROOT, "{\"run\": %s, \"raw\": %s, \"engine\": %s, \"engineFromActualSend\": %s, " +
                "\"orders\": %d, \"riskRejects\": %d, \"logicBytesPerTrade\": %.4f, \"engineP99OverRawP99\": %.4f, " +
                "\"engineP50OverRawP50\": %.4f}", isMedian ? "\"median\"" : Integer.toString(run), raw.json(),
                engine.json(), engineUncorrected.json(), orders, riskRejects, logicBytesPerTrade, p99Ratio, p50Ratio);
        }
    }
}
