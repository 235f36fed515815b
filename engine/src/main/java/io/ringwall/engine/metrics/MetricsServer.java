package io.ringwall.engine.metrics;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.prometheus.metrics.exporter.httpserver.MetricsHandler;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * The monitoring HTTP endpoint on the JDK's HTTP server, one daemon thread, off the hot path:
 * {@code /metrics} (Prometheus text format, via the official client's handler), {@code /health/live}
 * (200 while the process answers) and {@code /health/ready} (200 READY or 503 NOT_READY with the reasons),
 * both with a JSON body.
 */
public final class MetricsServer implements AutoCloseable
{
    private final HttpServer server;
    private final ExecutorService executor;

    private MetricsServer(final HttpServer server, final ExecutorService executor)
    {
        this.server = server;
        this.executor = executor;
    }

    /**
     * @param address where to listen; port 0 picks a free port (see {@link #port()}).
     */
    public static MetricsServer start(final InetSocketAddress address, final PrometheusRegistry registry,
        final HealthCheck health)
    {
        final HttpServer server;
        try
        {
            server = HttpServer.create(address, 16);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot listen for metrics on " + address + ": " + ex.getMessage(), ex);
        }
        final ExecutorService executor = Executors.newSingleThreadExecutor(runnable ->
        {
            final Thread thread = new Thread(runnable, "ringwall-metrics-http");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/metrics", new MetricsHandler(registry));
        server.createContext("/health/live", exchange -> respond(exchange, 200, "{\"status\":\"UP\"}"));
        server.createContext("/health/ready", exchange ->
        {
            final HealthCheck.Status status = health.ready();
            respond(exchange, status.ready() ? 200 : 503, status.json());
        });
        server.start();
        return new MetricsServer(server, executor);
    }

    /** @return the port listened on. */
    public int port()
    {
        return server.getAddress().getPort();
    }

    public InetSocketAddress address()
    {
        return server.getAddress();
    }

    @Override
    public void close()
    {
        server.stop(0);
        executor.shutdownNow();
    }

    private static void respond(final HttpExchange exchange, final int status, final String json) throws IOException
    {
        final byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody())
        {
            out.write(body);
        }
    }
}
