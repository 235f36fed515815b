package io.ringwall.perf;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

import com.lmax.disruptor.BatchEventProcessor;
import com.lmax.disruptor.BatchEventProcessorBuilder;
import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import io.ringwall.engine.EngineConfig;
import io.ringwall.engine.Fixed;
import io.ringwall.engine.logic.BusinessLogic;
import io.ringwall.engine.logic.EngineCounters;
import io.ringwall.engine.logic.LogicConfig;
import io.ringwall.engine.metrics.LatencyStage;
import io.ringwall.engine.metrics.StageLatencies;
import io.ringwall.engine.ring.ClockMode;
import io.ringwall.engine.ring.InboundPublisher;
import io.ringwall.engine.ring.Pipeline;
import io.ringwall.engine.ring.RingConfig;
import io.ringwall.engine.ring.WaitMode;
import io.ringwall.engine.venue.SimulatedVenue;
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
 * Events per second of the whole Ringwall pipeline next to its two raw ingredients, measured in one
 * process and one run after the other, so that the ratios are meaningful on a noisy machine even when
 * the absolute figures are not:
 *
 * <ol>
 *   <li><b>raw Disruptor</b>: one producer, one consumer, a {@code long} per event, the same ring size
 *       and wait mode as the pipeline, the producer claiming with {@code tryNext} and idling like
 *       the pipeline's producers do;</li>
 *   <li><b>raw Chronicle</b>: one thread appending one 64-byte message per document to a fresh queue
 *       (the journals' roll cycle);</li>
 *   <li><b>pipeline</b>: the real thing with both journals on: this thread publishes N synthetic trades
 *       (a seeded random walk) free-running through {@code Pipeline.newPublisher().trade(...)}; the
 *       journal-in and logic (a real ma-crossover strategy) stages run on their own threads, journal-out
 *       and the simulated venue as gateway on the gateway thread; timed from the first publish until the pipeline is
 *       quiescent (the logic has taken the last input and the venue's answers are through).</li>
 * </ol>
 *
 * <p>It also reads, from {@code com.sun.management.ThreadMXBean}, how many bytes each pipeline stage
 * thread allocated per input event during the timed part (the logic's should be 0), and how much CPU
 * each thread, the producer included, used per trade.
 *
 * <p>Run: {@code scripts/ringwall throughput [--events N] [--runs R] [--warmup W] [--wait MODE]
 * [--dir DIR] [--json FILE]}; {@code --help} lists the options.
 */
public final class PipelineThroughput
{
    private static final String LOGIC_THREAD = "ringwall-logic";
    private static final String[] STAGE_THREADS =
        { "ringwall-journal-in", LOGIC_THREAD, "ringwall-gateway" };
    /** The stage threads and this one, the producer. */
    private static final String[] CPU_THREADS =
        { "main", "ringwall-journal-in", LOGIC_THREAD, "ringwall-gateway" };
    private static final int INSTRUMENT_ID = 0;
    private static final long START_TIME_NS = 1_700_000_000_000_000_000L;
    private static final long TRADE_INTERVAL_NS = 1_000_000L;
    private static final int MESSAGE_LENGTH = 64;
    private static final long SEED = 42;

    private final ThroughputOptions options;
    private final List<Double> checksumRatios = new ArrayList<>();

    private PipelineThroughput(final ThroughputOptions options)
    {
        this.options = options;
    }

    public static void main(final String[] args)
    {
        HarnessCli.launch("throughput", ThroughputOptions.USAGE, args, ThroughputOptions::parse, options -> options.help,
            options -> new PipelineThroughput(options).run());
    }

    private void run()
    {
        printHeader();
        for (int i = 1; i <= options.warmupRuns; i++)
        {
            final RunResult warmup = measure(0);
            System.out.printf(Locale.ROOT, "warm-up %d: %s (not counted)%n", i, warmup.brief());
        }

        final List<RunResult> results = new ArrayList<>();
        System.out.println();
        System.out.println(RunResult.TABLE_HEADER);
        for (int run = 1; run <= options.runs; run++)
        {
            final RunResult result = measure(run);
            results.add(result);
            System.out.println(result.row());
        }
        final RunResult median = RunResult.median(results);
        System.out.println(median.row());
        System.out.println();
        if (options.compareChecksums)
        {
            System.out.println(checksumCostReport());
        }
        System.out.println(allocationReport(results, median));
        System.out.println(tradingReport(results));

        if (options.jsonFile != null)
        {
            writeJson(results, median);
            System.out.println("results written to " + options.jsonFile.toAbsolutePath());
        }
    }

    private RunResult measure(final int run)
    {
        final double disruptor = rawDisruptor();
        final double chronicle = rawChronicle();
        if (!options.compareChecksums || run == 0)
        {
            return pipeline(run, disruptor, chronicle, true);
        }
        // alternate which goes first, so that neither always gets the warmer (or the more starved) moment
        final RunResult unchecked;
        final RunResult checked;
        if (run % 2 == 1)
        {
            checked = pipeline(run, disruptor, chronicle, true);
            unchecked = pipeline(run, disruptor, chronicle, false);
        }
        else
        {
            unchecked = pipeline(run, disruptor, chronicle, false);
            checked = pipeline(run, disruptor, chronicle, true);
        }
        checksumRatios.add(checked.pipeline / unchecked.pipeline);
        System.out.printf(Locale.ROOT, "run %d: pipeline with checksums %s, without %s events/s%n", run,
            RunResult.rate(checked.pipeline), RunResult.rate(unchecked.pipeline));
        return checked;
    }

    /** Pipeline with checksums over without, per run and the median: 1.00 costs nothing, 0.95 is 5 % slower. */
    private String checksumCostReport()
    {
        final double[] sorted = checksumRatios.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        final double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2] :
            (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
        final StringBuilder text = new StringBuilder("checksum cost: pipeline throughput with record checksums / without, per run:");
        for (final double ratio : checksumRatios)
        {
            text.append(String.format(Locale.ROOT, " %.3f", ratio));
        }
        return text.append(String.format(Locale.ROOT, "; median %.3f (%.1f %% %s)", median, Math.abs(1 - median) * 100,
            median <= 1 ? "slower" : "faster")).toString();
    }

    // ------------------------------------------------------------------------------------------------
    // (a) raw Disruptor: one producer, one consumer, long events

    /** The raw ring's slot: just a long. */
    static final class LongEvent
    {
        long value;
    }

    /** Sums what it sees, so the run can check every event arrived once (and nothing is optimised away). */
    static final class SummingHandler implements EventHandler<LongEvent>
    {
        long sum;

        @Override
        public void onEvent(final LongEvent event, final long sequence, final boolean endOfBatch)
        {
            sum += event.value;
        }
    }

    private double rawDisruptor()
    {
        final RingBuffer<LongEvent> ring = RingBuffer.createSingleProducer(LongEvent::new,
            options.ringSize, options.waitMode.waitStrategy());
        final SummingHandler handler = new SummingHandler();
        final BatchEventProcessor<LongEvent> consumer = new BatchEventProcessorBuilder()
            .build(ring, ring.newBarrier(), handler);
        ring.addGatingSequences(consumer.getSequence());
        final Thread thread = new Thread(consumer, "raw-disruptor-consumer");
        thread.setDaemon(true);
        thread.start();

        final long events = options.events;
        final IdleStrategy idle = options.waitMode.idleStrategy();
        final long startNs = System.nanoTime();
        for (long i = 0; i < events; i++)
        {
            final long slot = claim(ring, idle);
            ring.get(slot).value = i;
            ring.publish(slot);
        }
        final long last = events - 1;
        idle.reset();
        while (consumer.getSequence().get() < last)
        {
            idle.idle();
        }
        final long elapsedNs = System.nanoTime() - startNs;

        consumer.halt();
        join(thread);
        if (handler.sum != events * (events - 1) / 2)
        {
            throw new IllegalStateException("raw Disruptor lost events: sum " + handler.sum);
        }
        return perSecond(events, elapsedNs);
    }

    /**
     * Claims like the pipeline's producers (RingClaimer): try, and idle while the ring is full.
     */
    private static long claim(final RingBuffer<LongEvent> ring, final IdleStrategy idle)
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
                idle.idle(); // the exception is a preallocated singleton: no allocation here
            }
        }
    }

    // ------------------------------------------------------------------------------------------------
    // (b) raw Chronicle Queue: one appender, one 64-byte message per document

    private double rawChronicle()
    {
        final Path directory = ScratchDirectories.create(options.scratchRoot, "raw-chronicle-");
        try
        {
            return appendAll(directory);
        }
        finally
        {
            ScratchDirectories.delete(directory);
        }
    }

    private double appendAll(final Path directory)
    {
        final byte[] message = new byte[MESSAGE_LENGTH - Long.BYTES];
        Arrays.fill(message, (byte)'x');
        final long events = options.events;
        try (ChronicleQueue queue = SingleChronicleQueueBuilder.binary(directory).rollCycle(RollCycles.FAST_DAILY).build();
            ExcerptAppender appender = queue.createAppender())
        {
            final long startNs = System.nanoTime();
            for (long i = 0; i < events; i++)
            {
                try (DocumentContext document = appender.writingDocument())
                {
                    final Bytes<?> bytes = document.wire().bytes();
                    bytes.writeLong(i);
                    bytes.write(message);
                }
            }
            return perSecond(events, System.nanoTime() - startNs);
        }
    }

    // ------------------------------------------------------------------------------------------------
    // (c) the pipeline: journal-in, logic, journal-out, simulated venue

    private RunResult pipeline(final int run, final double rawDisruptor, final double rawChronicle,
        final boolean checksums)
    {
        final Path directory = ScratchDirectories.create(options.scratchRoot, "pipeline-");
        try (JournalDirectory journals = JournalDirectory.open(directory))
        {
            if (!checksums)
            {
                journals.writeWithoutChecksums();
            }
            final JournalWriter inputJournal = journals.inputWriter();
            final JournalWriter outputJournal = journals.outputWriter();
            try
            {
                return runPipeline(run, rawDisruptor, rawChronicle, inputJournal, outputJournal);
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

    private RunResult runPipeline(final int run, final double rawDisruptor, final double rawChronicle,
        final JournalWriter inputJournal, final JournalWriter outputJournal)
    {
        final LogicConfig logicConfig = BenchmarkConfigs.allChecksOn(List.of(options.strategy));
        final StageLatencies latencies = new StageLatencies();
        // Wired like Engine: logic on the outbound ring's sink, the simulated venue as the gateway.
        final Pipeline pipeline = new Pipeline(RingConfig.ofSize(options.ringSize, options.waitMode).withThreading(options.threading)
            .withBatching(options.batching()), inputJournal,
            outputJournal, latencies, sink -> BusinessLogic.create(logicConfig, sink),
            publisher -> new SimulatedVenue(publisher, logicConfig, ClockMode.DATA, latencies));
        pipeline.start();
        final long elapsedNs;
        final double[] allocatedPerEvent;
        final double[] cpuPerEvent;
        try
        {
            final ThreadAllocation allocation = ThreadAllocation.of(STAGE_THREADS);
            final ThreadAllocation cpu = ThreadAllocation.of(CPU_THREADS);
            final long[] before = allocation.sample();
            final long[] cpuBefore = cpu.sampleCpu();
            elapsedNs = publishTrades(pipeline);
            final long[] cpuAfter = cpu.sampleCpu();
            final long[] after = allocation.sample();
            allocatedPerEvent = ThreadAllocation.perEvent(before, after, options.events);
            cpuPerEvent = ThreadAllocation.perEvent(cpuBefore, cpuAfter, options.events);
            System.out.println(cpuReport(run, cpuPerEvent, elapsedNs / (double)options.events) +
                String.format(Locale.ROOT, "; records per document: in %.1f, out %.1f",
                    inputJournal.lastSequence() / (double)Math.max(1, inputJournal.documentsWritten()),
                    outputJournal.lastSequence() / (double)Math.max(1, outputJournal.documentsWritten())));
        }
        finally
        {
            pipeline.stop();
        }
        if (pipeline.failure().isSet())
        {
            throw new IllegalStateException("pipeline failed: " + pipeline.failure().message());
        }
        final EngineCounters counters = pipeline.logic().counters();
        if (counters.marketDataInputs != options.events)
        {
            throw new IllegalStateException("pipeline lost trades: logic saw " + counters.marketDataInputs);
        }
        final Histogram tickToOrderNs = latencies.intervalHistogram(LatencyStage.TICK_TO_ORDER, null);
        return new RunResult(run, rawDisruptor, rawChronicle, perSecond(options.events, elapsedNs),
            allocatedPerEvent, counters.inputs, counters.ordersSent, counters.fills,
            tickToOrderNs.getValueAtPercentile(50), tickToOrderNs.getValueAtPercentile(99));
    }

    /**
     * Publishes the random walk as fast as the ring takes it (no lock-step) and waits for quiescence.
     *
     * @return nanoseconds from the first publish to quiescence.
     */
    private long publishTrades(final Pipeline pipeline)
    {
        final InboundPublisher publisher = pipeline.newPublisher();
        final SplittableRandom random = new SplittableRandom(SEED);
        final long events = options.events;
        long price = 1000 * Fixed.PRICE_SCALE;
        final long startNs = System.nanoTime();
        for (long i = 0; i < events; i++)
        {
            // The SyntheticTradeSource walk: +-5 bps steps, never below 1.0.
            price = Math.max(Fixed.PRICE_SCALE, price + (price / 20_000) * (random.nextInt(3) - 1));
            final long quantity = (1 + random.nextInt(100)) * (Fixed.QUANTITY_SCALE / 100);
            final long timeNs = START_TIME_NS + i * TRADE_INTERVAL_NS;
            // As MarketDataFeed does: the venue sees its own print before the engine does.
            publisher.trade(timeNs, INSTRUMENT_ID, i + 1, price, quantity, timeNs);
        }
        pipeline.awaitQuiescent(options.waitMode.idleStrategy());
        return System.nanoTime() - startNs;
    }

    // ------------------------------------------------------------------------------------------------
    // reporting

    private void printHeader()
    {
        System.out.printf(Locale.ROOT, "Ringwall throughput: %,d events per measurement, wait %s, %s stage threads, %d run(s) " +
            "after %d warm-up run(s)%n", options.events, options.waitMode.cliName(), options.threading.cliName(),
            options.runs, options.warmupRuns);
        System.out.printf(Locale.ROOT, "journal documents of at most %,d bytes, %s%n", options.batchBytes,
            options.batchDelayNs == 0 ? "no time bound" : String.format(Locale.ROOT, "spanning at most %,d us of ingress",
                options.batchDelayNs / 1_000));
        System.out.printf(Locale.ROOT, "strategy %s; Java %s; %d CPU(s)%n", options.strategy,
            System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "journals under %s (deleted after each measurement)%n",
            options.scratchRoot.toAbsolutePath());
    }

    private static String allocationReport(final List<RunResult> results, final RunResult median)
    {
        final StringBuilder text = new StringBuilder("bytes allocated per input event by each stage thread " +
            "(timed part; -1: not measurable):\n");
        for (final RunResult result : results)
        {
            text.append(String.format(Locale.ROOT, "  run %d:", result.run));
            appendAllocation(text, result);
        }
        text.append("  median:");
        appendAllocation(text, median);
        return text.toString().stripTrailing();
    }

    private static void appendAllocation(final StringBuilder text, final RunResult result)
    {
        for (int i = 0; i < STAGE_THREADS.length; i++)
        {
            text.append(String.format(Locale.ROOT, "  %s %.3f", STAGE_THREADS[i].substring("ringwall-".length()),
                result.allocatedPerEvent[i]));
        }
        text.append('\n');
    }

    /**
     * Where the 2 x wall time went: on a machine with fewer cores than stage threads, a stage that spins
     * while idle takes CPU from the busy ones, and this line shows it.
     */
    private static String cpuReport(final int run, final double[] cpuPerEvent, final double wallPerEvent)
    {
        final StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%s: CPU ns per trade by thread:",
            run == 0 ? "warm-up" : "run " + run));
        for (int i = 0; i < CPU_THREADS.length; i++)
        {
            text.append(String.format(Locale.ROOT, " %s %.0f", CPU_THREADS[i].replace("ringwall-", ""), cpuPerEvent[i]));
        }
        return text.append(String.format(Locale.ROOT, "; wall %.0f ns per trade", wallPerEvent)).toString();
    }

    private static String tradingReport(final List<RunResult> results)
    {
        final StringBuilder text = new StringBuilder("what the logic did (sanity: the strategy trades):\n");
        for (final RunResult result : results)
        {
            text.append(String.format(Locale.ROOT,
                "  run %d: inputs %,d (trades + venue answers), orders %,d, fills %,d; " +
                "tick-to-order p50 %,d ns, p99 %,d ns (free-running, queueing included)%n",
                result.run, result.inputs, result.ordersSent, result.fills, result.tickToOrderP50Ns,
                result.tickToOrderP99Ns));
        }
        return text.toString().stripTrailing();
    }

    private void writeJson(final List<RunResult> results, final RunResult median)
    {
        final StringBuilder settings = new StringBuilder(256);
        settings.append("  \"events\": ").append(options.events).append(",\n");
        settings.append("  \"runs\": ").append(options.runs).append(",\n");
        settings.append("  \"warmupRuns\": ").append(options.warmupRuns).append(",\n");
        settings.append("  \"wait\": \"").append(options.waitMode.cliName()).append("\",\n");
        settings.append("  \"strategy\": \"").append(options.strategy.replace("\"", "\\\"")).append("\",\n");
        HarnessCli.writeResults(options.jsonFile, settings.toString(),
            results.stream().map(RunResult::json).toList(), median.json());
    }

    private static double perSecond(final long events, final long elapsedNs)
    {
        return events * 1e9 / Math.max(1, elapsedNs);
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

    // ------------------------------------------------------------------------------------------------

    /**
     * One run's figures; also the median row (run 0 in the table).
     */
    static final class RunResult
    {
        static final String TABLE_HEADER = String.format(Locale.ROOT, "%-7s %16s %16s %16s %11s %11s %10s",
            "run", "raw disruptor/s", "raw chronicle/s", "pipeline/s", "pipe/disr", "pipe/chron", "logic B/ev");

        final int run;
        final double rawDisruptor;
        final double rawChronicle;
        final double pipeline;
        final double[] allocatedPerEvent;
        final long inputs;
        final long ordersSent;
        final long fills;
        final long tickToOrderP50Ns;
        final long tickToOrderP99Ns;
        private final double pipelineOverDisruptor;
        private final double pipelineOverChronicle;
        private final boolean isMedian;

        RunResult(final int run, final double rawDisruptor, final double rawChronicle, final double pipeline,
            final double[] allocatedPerEvent, final long inputs, final long ordersSent, final long fills,
            final long tickToOrderP50Ns, final long tickToOrderP99Ns)
        {
            this(run, rawDisruptor, rawChronicle, pipeline, pipeline / rawDisruptor, pipeline / rawChronicle,
                allocatedPerEvent, inputs, ordersSent, fills, tickToOrderP50Ns, tickToOrderP99Ns, false);
        }

        private RunResult(final int run, final double rawDisruptor, final double rawChronicle, final double pipeline,
            final double pipelineOverDisruptor, final double pipelineOverChronicle, final double[] allocatedPerEvent,
            final long inputs, final long ordersSent, final long fills, final long tickToOrderP50Ns,
            final long tickToOrderP99Ns, final boolean isMedian)
        {
            this.run = run;
            this.rawDisruptor = rawDisruptor;
            this.rawChronicle = rawChronicle;
            this.pipeline = pipeline;
            this.pipelineOverDisruptor = pipelineOverDisruptor;
            this.pipelineOverChronicle = pipelineOverChronicle;
            this.allocatedPerEvent = allocatedPerEvent;
            this.inputs = inputs;
            this.ordersSent = ordersSent;
            this.fills = fills;
            this.tickToOrderP50Ns = tickToOrderP50Ns;
            this.tickToOrderP99Ns = tickToOrderP99Ns;
            this.isMedian = isMedian;
        }

        /**
         * The median of each column on its own; the ratios are medians of the per-run ratios (each run's
         * ratio compares figures taken moments apart under the same machine load).
         */
        static RunResult median(final List<RunResult> results)
        {
            final double[] allocated = new double[STAGE_THREADS.length];
            for (int i = 0; i < allocated.length; i++)
            {
                final int stage = i;
                allocated[i] = median(results, r -> r.allocatedPerEvent[stage]);
            }
            return new RunResult(0, median(results, r -> r.rawDisruptor), median(results, r -> r.rawChronicle),
                median(results, r -> r.pipeline), median(results, r -> r.pipelineOverDisruptor),
                median(results, r -> r.pipelineOverChronicle), allocated, (long)median(results, r -> r.inputs),
                (long)median(results, r -> r.ordersSent), (long)median(results, r -> r.fills),
                (long)median(results, r -> r.tickToOrderP50Ns), (long)median(results, r -> r.tickToOrderP99Ns), true);
        }

        private static double median(final List<RunResult> results, final ToDoubleFunction<RunResult> column)
        {
            final double[] values = results.stream().mapToDouble(column).sorted().toArray();
            final int mid = values.length / 2;
            return values.length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
        }

        String row()
        {
            return String.format(Locale.ROOT, "%-7s %16s %16s %16s %11.4f %11.4f %10.3f",
                isMedian ? "median" : Integer.toString(run), rate(rawDisruptor), rate(rawChronicle), rate(pipeline),
                pipelineOverDisruptor, pipelineOverChronicle, allocatedPerEvent[1]);
        }

        String brief()
        {
            return String.format(Locale.ROOT, "raw disruptor %s/s, raw chronicle %s/s, pipeline %s/s",
                rate(rawDisruptor), rate(rawChronicle), rate(pipeline));
        }

        String json()
        {
            final StringBuilder allocation = new StringBuilder("{");
            for (int i = 0; i < STAGE_THREADS.length; i++)
            {
                allocation.append(i == 0 ? "" : ", ").append('"').append(STAGE_THREADS[i]).append("\": ")
                    .append(String.format(Locale.ROOT, "%.4f", allocatedPerEvent[i]));
            }
            allocation.append('}');
            return String.format(Locale.ROOT, "{\"run\": %s, \"rawDisruptorPerSec\": %.0f, " +
                "\"rawChroniclePerSec\": %.0f, \"pipelinePerSec\": %.0f, \"pipelineOverRawDisruptor\": %.5f, " +
                "\"pipelineOverRawChronicle\": %.5f, \"allocatedBytesPerEvent\": %s, \"inputs\": %d, " +
                "\"ordersSent\": %d, \"fills\": %d, \"tickToOrderP50Ns\": %d, \"tickToOrderP99Ns\": %d}",
                isMedian ? "\"median\"" : Integer.toString(run), rawDisruptor, rawChronicle, pipeline,
                pipelineOverDisruptor, pipelineOverChronicle, allocation, inputs, ordersSent, fills,
                tickToOrderP50Ns, tickToOrderP99Ns);
        }

        static String rate(final double perSecond)
        {
            return String.format(Locale.ROOT, "%.2f M", perSecond / 1e6);
        }
    }

}
