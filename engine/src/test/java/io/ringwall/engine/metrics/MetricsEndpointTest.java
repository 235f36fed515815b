package io.ringwall.engine.metrics;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.ringwall.codecs.BreakerType;
import io.ringwall.codecs.OperatorCommandType;
import io.ringwall.codecs.Side;
import io.ringwall.engine.Fixed;
import io.ringwall.engine.logic.LogicHarness;
import org.agrona.concurrent.EpochClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scrapes the real HTTP endpoint in-process and parses the Prometheus text lines.
 */
class MetricsEndpointTest
{
    private final LogicHarness harness = new LogicHarness(LogicHarness.config(), List.of());
    private final EngineStateSnapshot snapshot = new EngineStateSnapshot(List.of("BTCUSD", "ETHUSD"));
    private final AtomicLong wallMs = new AtomicLong(1_000_000);
    private final EpochClock clock = wallMs::get;
    private final StatePublisher publisher = new StatePublisher(harness.logic(), snapshot, clock, 1, 0);
    private final FakeRings rings = new FakeRings();
    private final HealthCheck health = new HealthCheck(snapshot, rings, clock, 30_000);
    private final HttpClient http = HttpClient.newHttpClient();
    private MetricsServer server;

    @AfterEach
    void stop()
    {
        if (server != null)
        {
            server.close();
        }
    }

    @Test
    void amendAndVenueRejectCountersAreExposed() throws Exception
    {
        harness.logic().counters().amendsSent = 5;
        harness.logic().counters().replaces = 3;
        harness.logic().counters().replaceRejects = 1;
        harness.logic().counters().amendsRefused = 2;
        harness.logic().counters().venueRejects = 7;
        harness.trade(0, 100 * Fixed.PRICE_SCALE, Fixed.QUANTITY_SCALE);
        publisher.afterInput(10_000_000_000L, true);
        start(latency -> latency.totals("logic", 0, 0));

        assertThat(scrape()).containsEntry("ringwall_amends_sent_total", 5.0)
            .containsEntry("ringwall_replaces_total", 3.0)
            .containsEntry("ringwall_replace_rejects_total", 1.0)
            .containsEntry("ringwall_amends_refused_total", 2.0)
            .containsEntry("ringwall_venue_rejects_total", 7.0);
    }

    @Test
    void metricsComeFromThePublishedSnapshotAndTheRings() throws Exception
    {
        harness.trade(0, 100 * Fixed.PRICE_SCALE, Fixed.QUANTITY_SCALE);
        publisher.afterInput(10_000_000_000L, true);
        harness.filled(3, 0, Side.BUY, 100 * Fixed.PRICE_SCALE, 3 * Fixed.QUANTITY_SCALE / 2, 0, 0);
        harness.trade(0, 90 * Fixed.PRICE_SCALE, Fixed.QUANTITY_SCALE);
        publisher.afterInput(12_000_000_000L, true);
        harness.command(OperatorCommandType.HALT, BreakerType.NULL_VAL, "test");
        publisher.afterInput(15_000_000_000L, true);
        wallMs.addAndGet(2_500);
        start(latency -> latency.totals("logic", 0, 0));

        final Map<String, Double> metrics = scrape();
        assertThat(metrics).containsEntry("ringwall_inputs_total", 4.0)
            .containsEntry("ringwall_market_data_inputs_total", 2.0)
            .containsEntry("ringwall_fills_total", 1.0)
            .containsEntry("ringwall_orders_sent_total", 0.0)
            .containsEntry("ringwall_risk_rejects_total{reason=\"MAX_ORDER_NOTIONAL\"}", 0.0)
            .containsEntry("ringwall_breaker_state{breaker=\"KILL_SWITCH\"}", 2.0)
            .containsEntry("ringwall_breaker_state{breaker=\"DRAWDOWN\"}", 0.0)
            .containsEntry("ringwall_breaker_trips_total{breaker=\"KILL_SWITCH\"}", 1.0)
            .containsEntry("ringwall_reconciliations_total{outcome=\"UNSUPPORTED\"}", 0.0)
            .containsEntry("ringwall_breaker_worst_state", 2.0)
            .containsEntry("ringwall_position{symbol=\"BTCUSD\"}", 1.5)
            .containsEntry("ringwall_position{symbol=\"ETHUSD\"}", 0.0)
            .containsEntry("ringwall_unrealized_pnl", -15.0)
            .containsEntry("ringwall_equity", 999_985.0)
            .containsEntry("ringwall_cash", 999_850.0)
            .containsEntry("ringwall_feed_staleness_seconds{clock=\"engine\"}", 3.0)
            .containsEntry("ringwall_feed_staleness_seconds{clock=\"wall\"}", 2.5)
            .containsEntry("ringwall_snapshot_age_seconds", 2.5)
            .containsEntry("ringwall_ring_remaining_capacity{ring=\"inbound\"}", 1000.0)
            .containsEntry("ringwall_ring_size{ring=\"inbound\"}", 1024.0)
            .containsEntry("ringwall_ring_position{ring=\"inbound\",stage=\"published\"}", 120.0)
            .containsEntry("ringwall_journal_lag_frames{ring=\"inbound\"}", 20.0)
            .containsEntry("ringwall_processing_lag_frames{ring=\"inbound\"}", 4.0)
            .containsEntry("ringwall_engine_failed", 0.0)
            .containsEntry("ringwall_ready", 0.0);
        assertThat(metrics.get("ringwall_drawdown_ratio")).isCloseTo(15.0 / 1_000_000, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(metrics).containsEntry("ringwall_stage_latency_seconds{stage=\"logic\",quantile=\"0.99\"}", 0.0000025)
            .containsEntry("ringwall_stage_latency_seconds_count{stage=\"logic\"}", 0.0);
    }

    @Test
    void readyNamesEveryReasonAndLiveAnswers() throws Exception
    {
        start(StageLatencySource.NONE);
        final HttpResponse<String> before = get("/health/ready");
        assertThat(before.statusCode()).isEqualTo(503);
        assertThat(before.body()).contains("\"status\":\"NOT_READY\"").contains("no engine state published yet");

        harness.trade(0, 100 * Fixed.PRICE_SCALE, Fixed.QUANTITY_SCALE);
        publisher.afterInput(1_000_000_000L, true);
        final HttpResponse<String> ready = get("/health/ready");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).isEqualTo("{\"status\":\"READY\",\"reasons\":[]}");
        assertThat(scrape()).containsEntry("ringwall_ready", 1.0);

        harness.command(OperatorCommandType.HALT, BreakerType.NULL_VAL, "test");
        publisher.afterInput(41_000_000_000L, true);
        rings.failure = "TRADING HALTED: the logic stage failed: \"boom\"";
        final HttpResponse<String> notReady = get("/health/ready");
        assertThat(notReady.statusCode()).isEqualTo(503);
        assertThat(notReady.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(notReady.body()).contains("\"status\":\"NOT_READY\"")
            .contains("engine failed: TRADING HALTED: the logic stage failed: \\\"boom\\\"")
            .contains("breaker KILL_SWITCH is HALTED")
            .contains("feed stale: 40.0 s of engine time");

        final HttpResponse<String> live = get("/health/live");
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(live.body()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void readinessTakesReasonsFromOtherPartsSuchAsThePreMarketChecks() throws Exception
    {
        start(StageLatencySource.NONE);
        harness.trade(0, 100 * Fixed.PRICE_SCALE, Fixed.QUANTITY_SCALE);
        publisher.afterInput(1_000_000_000L, true);
        final java.util.concurrent.atomic.AtomicBoolean gateOpen = new java.util.concurrent.atomic.AtomicBoolean();
        health.readinessAlsoFrom(reasons ->
        {
            if (!gateOpen.get())
            {
                reasons.add("pre-market check warm-up-complete: a strategy is not warmed up yet");
            }
        });

        final HttpResponse<String> held = get("/health/ready");
        assertThat(held.statusCode()).isEqualTo(503);
        assertThat(held.body()).contains("pre-market check warm-up-complete: a strategy is not warmed up yet");

        gateOpen.set(true);
        assertThat(get("/health/ready").statusCode()).isEqualTo(200);
    }

    /** The shipped dashboard and alert rules may only name metrics this endpoint exposes. */
    @Test
    void dashboardAndAlertRulesUseExposedMetricNames() throws Exception
    {
        harness.trade(0, 100 * Fixed.PRICE_SCALE, Fixed.QUANTITY_SCALE);
        publisher.afterInput(1_000_000_000L, true);
        start(StageLatencySource.NONE);
        final java.util.Set<String> exposed = new java.util.HashSet<>();
        for (final String series : scrape().keySet())
        {
            final int brace = series.indexOf('{');
            exposed.add(brace < 0 ? series : series.substring(0, brace));
        }
        final java.nio.file.Path monitoring = java.nio.file.Path.of("..", "scripts", "monitoring");
        for (final String file : List.of("ringwall-dashboard.json", "ringwall-alerts.yml", "ringwall-alerts.test.yml"))
        {
            final String text = java.nio.file.Files.readString(monitoring.resolve(file));
            final java.util.regex.Matcher names = java.util.regex.Pattern.compile("ringwall_[a-z0-9_]+").matcher(text);
            int count = 0;
            while (names.find())
            {
                count++;
                assertThat(exposed).as("%s names %s", file, names.group()).contains(names.group());
            }
            assertThat(count).as(file).isGreaterThan(5);
        }
    }

    @Test
    void fiftyStalledClientsHoldUpNeitherAScrapeNorAHealthCheck() throws Exception
    {
        start(StageLatencySource.NONE);
        final List<java.net.Socket> stalled = new java.util.ArrayList<>();
        try
        {
            for (int i = 0; i < 50; i++)
            {
                final java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port());
                if (i % 2 == 1)
                {
                    socket.getOutputStream().write("GET /metr".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                }
                stalled.add(socket);
            }
            final long startNs = System.nanoTime();
            assertThat(get("/health/live").statusCode()).isEqualTo(200);
            assertThat(scrape()).containsKey("ringwall_inputs_total");
            assertThat(java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNs))
                .as("ms for a health check and a scrape with 50 stalled clients").isLessThan(1_000);
        }
        finally
        {
            for (final java.net.Socket socket : stalled)
            {
                socket.close();
            }
        }
    }

    @Test
    void bindsToLoopbackByDefault()
    {
        start(StageLatencySource.NONE);
        assertThat(server.address().getAddress().isLoopbackAddress()).isTrue();
    }

    private void start(final StageLatencySource latencies)
    {
        final PrometheusRegistry registry = new PrometheusRegistry();
        registry.register(new EngineMetrics(snapshot, rings, health));
        registry.register(new StageLatencyCollector(report ->
        {
            latencies.reportTo(report);
            report.quantile("logic", 0.5, 1_000);
            report.quantile("logic", 0.99, 2_500);
        }));
        server = MetricsServer.start(new InetSocketAddress(EngineMonitoring.Settings.onPort("127.0.0.1", 0).host(), 0),
            registry, health);
    }

    private HttpResponse<String> get(final String path) throws IOException, InterruptedException
    {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
            HttpResponse.BodyHandlers.ofString());
    }

    /** Parses "name{labels} value" lines; comments skipped. */
    private Map<String, Double> scrape() throws IOException, InterruptedException
    {
        final HttpResponse<String> response = get("/metrics");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        final Map<String, Double> values = new HashMap<>();
        for (final String line : response.body().split("\n"))
        {
            if (line.isBlank() || line.startsWith("#"))
            {
                continue;
            }
            final int space = line.lastIndexOf(' ');
            values.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
        }
        return values;
    }

    private static final class FakeRings implements RingProbe
    {
        volatile String failure;

        public long inboundPublished()
        {
            return 120;
        }

        public long inboundJournaled()
        {
            return 100;
        }

        public long inboundProcessed()
        {
            return 96;
        }

        public long outboundPublished()
        {
            return 50;
        }

        public long outboundJournaled()
        {
            return 50;
        }

        public long outboundDelivered()
        {
            return 49;
        }

        public long inboundRemainingCapacity()
        {
            return 1000;
        }

        public long outboundRemainingCapacity()
        {
            return 1023;
        }

        public int inboundSize()
        {
            return 1024;
        }

        public int outboundSize()
        {
            return 1024;
        }

        public String failure()
        {
            return failure;
        }
    }
}
