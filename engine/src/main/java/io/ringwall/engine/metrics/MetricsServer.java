package io.ringwall.engine.metrics;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.prometheus.metrics.exporter.common.PrometheusHttpExchange;
import io.prometheus.metrics.exporter.common.PrometheusHttpRequest;
import io.prometheus.metrics.exporter.common.PrometheusHttpResponse;
import io.prometheus.metrics.exporter.common.PrometheusScrapeHandler;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.ringwall.engine.http.BoundedHttpServer;
import io.ringwall.engine.http.BoundedHttpServer.Request;
import io.ringwall.engine.http.BoundedHttpServer.Response;

/**
 * The monitoring HTTP endpoint, off the hot path: {@code /metrics} (Prometheus text format, or what the scraper's
 * Accept header asks for, via the official client's scrape handler), {@code /health/live} (200 while the process
 * answers) and {@code /health/ready} (200 READY or 503 NOT_READY with the reasons), both with a JSON body.
 * Connections are read by a {@link BoundedHttpServer} (a client that connects and stalls is closed after the read
 * timeout and holds up no one); requests are answered on one daemon thread.
 */
public final class MetricsServer implements AutoCloseable
{
    private static final String JSON = "application/json; charset=utf-8";

    private final BoundedHttpServer server;
    private final ExecutorService executor;

    private MetricsServer(final BoundedHttpServer server, final ExecutorService executor)
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
        return start(address, registry, health, BoundedHttpServer.Limits.DEFAULT_READ_TIMEOUT_MS);
    }

    /**
     * @param readTimeoutMs a connection's time to send its request (and again to take the answer).
     */
    public static MetricsServer start(final InetSocketAddress address, final PrometheusRegistry registry,
        final HealthCheck health, final long readTimeoutMs)
    {
        final ExecutorService executor = Executors.newSingleThreadExecutor(runnable ->
        {
            final Thread thread = new Thread(runnable, "ringwall-metrics");
            thread.setDaemon(true);
            return thread;
        });
        final PrometheusScrapeHandler scrape = new PrometheusScrapeHandler(registry);
        final BoundedHttpServer.Handler handler = new BoundedHttpServer.Handler()
        {
            @Override
            public Response handle(final Request request) throws IOException
            {
                final String path = request.uri().getPath();
                if (path.equals("/health/live"))
                {
                    return Response.of(200, JSON, "{\"status\":\"UP\"}");
                }
                if (path.equals("/health/ready"))
                {
                    final HealthCheck.Status status = health.ready();
                    return Response.of(status.ready() ? 200 : 503, JSON, status.json());
                }
                if (path.equals("/metrics") || path.startsWith("/metrics/"))
                {
                    return metrics(scrape, request);
                }
                return Response.of(404, "text/plain; charset=utf-8", "no such endpoint " + path +
                    ": /metrics, /health/live, /health/ready\n");
            }

            @Override
            public Response refused(final Request partial, final int status, final String message)
            {
                return Response.of(status, "text/plain; charset=utf-8", message + "\n");
            }
        };
        try
        {
            return new MetricsServer(BoundedHttpServer.start("metrics", address,
                BoundedHttpServer.Limits.of(readTimeoutMs, 0), handler, executor), executor);
        }
        catch (final IOException ex)
        {
            executor.shutdownNow();
            throw new UncheckedIOException("cannot listen for metrics on " + address + ": " + ex.getMessage(), ex);
        }
    }

    /** @return the port listened on. */
    public int port()
    {
        return server.port();
    }

    public InetSocketAddress address()
    {
        return server.address();
    }

    @Override
    public void close()
    {
        server.close();
        executor.shutdownNow();
    }

    /** The client library's scrape (name filters, content negotiation, gzip) into one buffered answer. */
    private static Response metrics(final PrometheusScrapeHandler scrape, final Request request) throws IOException
    {
        final ByteArrayOutputStream body = new ByteArrayOutputStream(8 * 1024);
        final Map<String, String> headers = new LinkedHashMap<>();
        final int[] status = {500};
        final IOException[] failure = {null};
        scrape.handleRequest(new PrometheusHttpExchange()
        {
            @Override
            public PrometheusHttpRequest getRequest()
            {
                return new PrometheusHttpRequest()
                {
                    @Override
                    public String getQueryString()
                    {
                        return request.uri().getRawQuery();
                    }

                    @Override
                    public Enumeration<String> getHeaders(final String name)
                    {
                        final List<String> values = request.headers().get(name.toLowerCase(java.util.Locale.ROOT));
                        return values == null ? null : Collections.enumeration(values);
                    }

                    @Override
                    public String getMethod()
                    {
                        return request.method();
                    }

                    @Override
                    public String getRequestPath()
                    {
                        return request.uri().getPath();
                    }
                };
            }

            @Override
            public PrometheusHttpResponse getResponse()
            {
                return new PrometheusHttpResponse()
                {
                    @Override
                    public void setHeader(final String name, final String value)
                    {
                        headers.put(name, value);
                    }

                    @Override
                    public OutputStream sendHeadersAndGetBody(final int statusCode, final int contentLength)
                    {
                        status[0] = statusCode;
                        return body;
                    }
                };
            }

            @Override
            public void handleException(final IOException ex)
            {
                failure[0] = ex;
            }

            @Override
            public void handleException(final RuntimeException ex)
            {
                throw ex;
            }

            @Override
            public void close()
            {
                // the answer is buffered; the server writes it
            }
        });
        if (failure[0] != null)
        {
            throw failure[0];
        }
        final String type = headers.remove("Content-Type");
        return new Response(status[0], type, body.toByteArray(), headers);
    }
}
