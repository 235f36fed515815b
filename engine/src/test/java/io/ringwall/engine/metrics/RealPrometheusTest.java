package io.ringwall.engine.metrics;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.ringwall.engine.Engine;
import io.ringwall.engine.EngineConfig;
import io.ringwall.engine.EngineFixtures;
import io.ringwall.engine.Fixed;
import io.ringwall.engine.RunSummary;
import io.ringwall.engine.marketdata.MarketDataSink;
import io.ringwall.engine.marketdata.MarketDataSource;
import io.ringwall.engine.marketdata.SourceStats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * End to end with a REAL Prometheus server (Debian's binary): a paper session runs with monitoring on, a
 * Prometheus started on 127.0.0.1 scrapes its /metrics every second, and the test reads the engine's
 * market-data counter back through Prometheus' HTTP API. CI installs the binary first
 * (scripts/install-monitoring-tools), so a missing binary fails the test instead of skipping it.
 */
class RealPrometheusTest
{
    private static final Pattern VALUE = Pattern.compile("\"value\":\\[[0-9.]+,\"([0-9.eE+-]+)\"\\]");

    @TempDir
    Path dir;

    @Test
    void prometheusScrapesTheEngineAndAnswersAQuery() throws Exception
    {
        final Path prometheus = findPrometheus();
        final EngineConfig config = EngineFixtures.freeRunning(dir.resolve("journal"), EngineFixtures.MA);
        final TradesUntilStopped source = new TradesUntilStopped();
        final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Process server = null;
        try (Engine engine = new Engine(config);
             EngineMonitoring monitoring = EngineMonitoring.attach(engine,
                 EngineMonitoring.Settings.onPort("127.0.0.1", 0).withLatencies(engine.latencyLog())))
        {
            final Thread session = new Thread(() -> source.summary = engine.run(source), "paper-session");
            session.start();

            final int webPort = freePort();
            final Path promConfig = dir.resolve("prometheus.yml");
            Files.writeString(promConfig, """
                global:
                  scrape_interval: 1s
                scrape_configs:
                  - job_name: ringwall
                    static_configs:
                      - targets: ['127.0.0.1:%d']
                """.formatted(monitoring.port()));
            server = new ProcessBuilder(prometheus.toString(), "--config.file=" + promConfig,
                "--storage.tsdb.path=" + dir.resolve("tsdb"), "--web.listen-address=127.0.0.1:" + webPort)
                .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();

            final String query = "http://127.0.0.1:" + webPort + "/api/v1/query?query=" +
                URLEncoder.encode("ringwall_market_data_inputs_total{job=\"ringwall\"}", StandardCharsets.UTF_8);
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            double seen = 0;
            String lastBody = "(no answer)";
            while (seen <= 0 && System.nanoTime() < deadline)
            {
                if (!server.isAlive())
                {
                    fail("prometheus exited with " + server.exitValue() + ":\n" + Files.readString(dir.resolve("prometheus.log")));
                }
                try
                {
                    lastBody = http.send(HttpRequest.newBuilder(URI.create(query)).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                    final Matcher value = VALUE.matcher(lastBody);
                    if (value.find())
                    {
                        seen = Double.parseDouble(value.group(1));
                    }
                }
                catch (final IOException notUpYet)
                {
                    lastBody = notUpYet.toString();
                }
                if (seen <= 0)
                {
                    Thread.sleep(250);
                }
            }
            source.stop.set(true);
            session.join(30_000);

            assertThat(seen).as("market-data inputs read back through Prometheus; last answer: %s", lastBody)
                .isPositive();
            assertThat(source.summary).isNotNull();
            assertThat(source.summary.failure()).isNull();
            assertThat((double)source.trades).as("Prometheus cannot have seen more than was sent").isGreaterThanOrEqualTo(seen);
        }
        finally
        {
            source.stop.set(true);
            if (server != null)
            {
                server.destroy();
                if (!server.waitFor(10, TimeUnit.SECONDS))
                {
                    server.destroyForcibly();
                }
            }
        }
    }

    /** The binary from PATH or /usr/bin; fails (not skips) when absent, as CI installs it first. */
    private static Path findPrometheus()
    {
        final String path = System.getenv().getOrDefault("PATH", "");
        for (final String entry : path.split(java.io.File.pathSeparator))
        {
            final Path candidate = Path.of(entry.isEmpty() ? "." : entry, "prometheus");
            if (Files.isExecutable(candidate))
            {
                return candidate;
            }
        }
        final Path debian = Path.of("/usr/bin/prometheus");
        if (Files.isExecutable(debian))
        {
            return debian;
        }
        return fail("the prometheus binary is not on the PATH nor at /usr/bin/prometheus: this test runs a real " +
            "Prometheus server. Install it with scripts/install-monitoring-tools (Debian package 'prometheus').");
    }

    private static int freePort() throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress()))
        {
            return socket.getLocalPort();
        }
    }

    /** Trades every 2 ms (a gently moving price) until told to stop. */
    private static final class TradesUntilStopped implements MarketDataSource
    {
        final AtomicBoolean stop = new AtomicBoolean();
        volatile RunSummary summary;
        volatile long trades;

        @Override
        public SourceStats run(final MarketDataSink sink)
        {
            long price = 100 * Fixed.PRICE_SCALE;
            long count = 0;
            while (!stop.get() && count < 200_000)
            {
                count++;
                price += (count / 50) % 2 == 0 ? Fixed.PRICE_SCALE / 10 : -Fixed.PRICE_SCALE / 10;
                sink.trade(0, count, price, Fixed.QUANTITY_SCALE / 10, System.currentTimeMillis() * 1_000_000L);
                trades = count;
                LockSupport.parkNanos(2_000_000);
            }
            return new SourceStats(count, count, 0);
        }

        @Override
        public String describe()
        {
            return "trades until stopped";
        }
    }
}
