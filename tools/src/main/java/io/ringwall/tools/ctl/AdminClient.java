package io.ringwall.tools.ctl;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import io.ringwall.engine.control.Json;

/**
 * The admin endpoint's client ({@code java.net.http}): sends one command or check with the bearer token and
 * returns the status and the JSON answer. The token goes only into the Authorization header.
 */
public final class AdminClient
{
    /** An answer: HTTP status and its JSON object. */
    public record Response(int status, Map<String, Object> body)
    {
        public String text(final String field)
        {
            final Object value = body.get(field);
            return value == null ? null : value.toString();
        }
    }

    private final HttpClient http;
    private final URI base;
    private final String token;
    private final Duration timeout;

    public AdminClient(final String host, final int port, final String token, final Duration timeout)
    {
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        this.base = URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port);
        this.token = token;
        this.timeout = timeout;
    }

    public URI base()
    {
        return base;
    }

    /** {@code POST /commands/NAME} with a JSON body. */
    public Response command(final String name, final Map<String, ?> body) throws IOException, InterruptedException
    {
        return send(HttpRequest.newBuilder(base.resolve("/commands/" + name))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(Json.write(body))));
    }

    /** {@code GET /checks?operator=NAME}. */
    public Response checks(final String operator) throws IOException, InterruptedException
    {
        return send(HttpRequest.newBuilder(base.resolve("/checks?operator=" +
            URLEncoder.encode(operator, StandardCharsets.UTF_8))).GET());
    }

    private Response send(final HttpRequest.Builder request) throws IOException, InterruptedException
    {
        final HttpResponse<String> response = http.send(request.timeout(timeout)
            .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        Map<String, Object> body;
        try
        {
            body = Json.read(response.body());
        }
        catch (final IllegalArgumentException ex)
        {
            body = Map.of("error", "the endpoint answered " + response.statusCode() + " without JSON: " +
                response.body().strip());
        }
        return new Response(response.statusCode(), body);
    }
}
