package io.ringwall.engine.control;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;

import io.ringwall.codecs.BreakerType;
import io.ringwall.codecs.CommandResult;
import io.ringwall.engine.http.BoundedHttpServer;
import io.ringwall.engine.http.BoundedHttpServer.Request;
import io.ringwall.engine.http.BoundedHttpServer.Response;
import io.ringwall.engine.logic.PreMarketCheck;
import io.ringwall.engine.ring.EngineHaltedException;

/**
 * The admin endpoint. Connections are read by a {@link BoundedHttpServer}: a client that connects and sends
 * nothing, or stalls mid-request, costs no thread and is closed after the read timeout, so it never holds up
 * another's request; only complete requests (at most a few at a time) are handled, on the control thread, so
 * commands are serialised:
 *
 * <ul>
 *   <li>{@code POST /commands/NAME} with a JSON body {@code {"operator": "...", "reason": "...",
 *       "breaker": "DRAWDOWN", "value": "0.5"}}: one of {@link AdminCommand}. Operator and reason are
 *       required for every command.</li>
 *   <li>{@code GET /checks?operator=NAME}: runs the pre-market checks (journaled, report only).</li>
 * </ul>
 *
 * Every request needs {@code Authorization: Bearer TOKEN} ({@link AdminToken}). An accepted command is a
 * journaled OperatorCommand input; the answer (200) carries its input sequence and the logic's
 * OperatorCommandResult, found in journal "out" (202 when the result did not appear in time). A refusal
 * is a JSON error with a 4xx status (401 token, 404 unknown command, 405 method, 400 arguments or a malformed
 * request, 411 chunked body, 413 body too large, 431 headers too large), 503 when the engine has halted or
 * too many requests are waiting, and 504 when the command was not journaled in time. Every request that
 * arrives whole, or far enough to be refused, is recorded in the {@link AdminAudit}.
 */
public final class AdminServer implements AutoCloseable
{
    private static final int MAX_BODY_BYTES = 16 * 1024;
    private static final Set<String> FIELDS = Set.of("operator", "reason", "breaker", "value");

    private final BoundedHttpServer server;
    private final AdminToken token;
    private final AdminAudit audit;
    private final ControlPlane control;

    AdminServer(final String host, final int port, final AdminToken token, final AdminAudit audit,
        final ControlPlane control, final Executor controlThread, final long readTimeoutMillis) throws IOException
    {
        this.token = token;
        this.audit = audit;
        this.control = control;
        this.server = BoundedHttpServer.start("admin", new InetSocketAddress(host, port),
            BoundedHttpServer.Limits.of(readTimeoutMillis, MAX_BODY_BYTES), new BoundedHttpServer.Handler()
            {
                @Override
                public Response handle(final Request request)
                {
                    return AdminServer.this.handle(request);
                }

                @Override
                public Response refused(final Request partial, final int status, final String message)
                {
                    return refuse(record(partial), status, message);
                }
            }, controlThread);
    }

    /** @return the bound port (useful with port 0). */
    public int port()
    {
        return server.port();
    }

    public AdminAudit audit()
    {
        return audit;
    }

    @Override
    public void close()
    {
        server.close();
    }

    /** A refusal: status and message. */
    private static final class Refusal extends Exception
    {
        private static final long serialVersionUID = 1L;
        private final int status;

        Refusal(final int status, final String message)
        {
            super(message, null, false, false);
            this.status = status;
        }
    }

    private static Map<String, Object> record(final Request request)
    {
        final Map<String, Object> record = new LinkedHashMap<>();
        record.put("time", Instant.now().toString());
        record.put("remote", String.valueOf(request.remote()));
        record.put("method", request.method());
        record.put("path", request.uri() == null ? null : request.uri().getRawPath());
        return record;
    }

    /** On the control thread. */
    private Response handle(final Request request)
    {
        final Map<String, Object> record = record(request);
        try
        {
            if (!token.matches(bearer(request)))
            {
                throw new Refusal(401, "missing or wrong bearer token (send Authorization: Bearer $" +
                    AdminToken.ENVIRONMENT_VARIABLE + ")");
            }
            final Map<String, Object> answer = route(request, record);
            final int status = answer.get("result") == null && answer.containsKey("result") ? 202 : 200;
            record.put("outcome", "accepted");
            record.put("status", status);
            audit.record(true, record);
            return respond(status, answer);
        }
        catch (final Refusal refusal)
        {
            return refuse(record, refusal.status, refusal.getMessage());
        }
        catch (final EngineHaltedException ex)
        {
            return refuse(record, 503, "the engine is not trading: " + ex.getMessage());
        }
        catch (final RuntimeException ex)
        {
            return refuse(record, 500, "the admin endpoint failed: " + ex);
        }
    }

    private Map<String, Object> route(final Request request, final Map<String, Object> record) throws Refusal
    {
        final String path = request.uri().getPath();
        final String method = request.method();
        if (path.equals("/checks"))
        {
            record.put("command", "checks");
            requireMethod(method, "GET");
            final String operator = text(query(request).get("operator"), "operator", "?operator=NAME");
            record.put("operator", operator);
            return checks(control.runChecks(operator), record);
        }
        if (!path.startsWith("/commands/"))
        {
            throw new Refusal(404, "no such endpoint " + path + ": use POST /commands/NAME (" + AdminCommand.names() +
                ") or GET /checks");
        }
        final String name = path.substring("/commands/".length());
        record.put("command", name);
        final AdminCommand command = AdminCommand.byPath(name);
        if (command == null)
        {
            throw new Refusal(404, "unknown command \"" + name + "\": one of " + AdminCommand.names());
        }
        requireMethod(method, "POST");
        final Map<String, Object> body = body(request);
        final String operator = text(body.get("operator"), "operator", "\"operator\"");
        record.put("operator", operator);
        final String reason = text(body.get("reason"), "reason", "\"reason\" (why, for the journal)");
        record.put("reason", reason);
        BreakerType breaker = null;
        long value = 0;
        try
        {
            if (command == AdminCommand.RESET_BREAKER)
            {
                breaker = AdminCommand.breaker(stringOrNull(body.get("breaker")));
                record.put("breaker", breaker.name());
            }
            if (command == AdminCommand.SET_CAPITAL_SCALE)
            {
                value = AdminCommand.capitalScale(body.get("value"));
                record.put("value", value);
            }
        }
        catch (final IllegalArgumentException ex)
        {
            throw new Refusal(400, ex.getMessage());
        }
        final ControlPlane.CommandAnswer answer = control.command(command, breaker, value, operator, reason);
        if (!answer.outcome().journaled())
        {
            throw new Refusal(504, "the command was published but not journaled within " +
                control.timeoutMillis() + " ms; the engine may be stopping (see ringwall journal --type OperatorCommand)");
        }
        final Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", "accepted");
        out.put("command", command.path());
        out.put("operator", operator);
        out.put("sequence", answer.outcome().sequence());
        final CommandResult result = answer.outcome().result();
        out.put("result", result == null ? null : result.name());
        if (result == null)
        {
            out.put("note", "the logic's result did not appear in journal \"out\" within " + control.timeoutMillis() +
                " ms; see ringwall risk-events");
        }
        if (answer.action() != null)
        {
            out.put("action", answer.action());
        }
        record.put("sequence", answer.outcome().sequence());
        record.put("result", out.get("result"));
        return out;
    }

    private static Map<String, Object> checks(final PreMarketReport report, final Map<String, Object> record)
        throws Refusal
    {
        if (report.inputSequence() == 0)
        {
            throw new Refusal(504, "the pre-market check was not journaled in time; the engine may be stopping");
        }
        final Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", "accepted");
        out.put("command", "checks");
        out.put("sequence", report.inputSequence());
        out.put("result", report.failedChecks() == -1 ? null : report.passed() ? "PASSED" : "FAILED");
        out.put("gateOpen", report.gateOpen());
        final List<Map<String, Object>> checks = new java.util.ArrayList<>();
        for (final PreMarketCheck check : PreMarketCheck.values())
        {
            final Map<String, Object> line = new LinkedHashMap<>();
            line.put("name", check.label());
            final boolean failed = report.failedChecks() != -1 && check.failedIn(report.failedChecks());
            line.put("ok", report.failedChecks() != -1 && !failed);
            if (failed)
            {
                line.put("why", report.why(check));
            }
            checks.add(line);
        }
        out.put("checks", checks);
        record.put("sequence", report.inputSequence());
        record.put("result", out.get("result"));
        return out;
    }

    private Response refuse(final Map<String, Object> record, final int status, final String message)
    {
        record.put("outcome", "refused");
        record.put("status", status);
        record.put("error", message);
        audit.record(false, record);
        final Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", "refused");
        answer.put("error", token.containedIn(message) ? "[redacted]" : message);
        return respond(status, answer);
    }

    private static Response respond(final int status, final Map<String, ?> answer)
    {
        return Response.of(status, "application/json; charset=utf-8", Json.write(answer) + "\n");
    }

    private static String bearer(final Request request)
    {
        final String header = request.header("Authorization");
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : null;
    }

    private static void requireMethod(final String method, final String expected) throws Refusal
    {
        if (!expected.equals(method))
        {
            throw new Refusal(405, "use " + expected + ", not " + method);
        }
    }

    /** The body is at most {@link #MAX_BODY_BYTES}: the server refused a larger one with 413. */
    private Map<String, Object> body(final Request request) throws Refusal
    {
        final byte[] bytes = request.body();
        final Map<String, Object> body;
        try
        {
            body = bytes.length == 0 ? Map.of() : Json.read(new String(bytes, StandardCharsets.UTF_8));
        }
        catch (final IllegalArgumentException ex)
        {
            throw new Refusal(400, ex.getMessage());
        }
        for (final String field : body.keySet())
        {
            if (!FIELDS.contains(field))
            {
                throw new Refusal(400, "unknown field \"" + field + "\"; the fields are " + FIELDS);
            }
        }
        return body;
    }

    /** Operator names and reasons: required, one line, within the journal's limit, never the token. */
    private String text(final Object value, final String name, final String how) throws Refusal
    {
        final String text = stringOrNull(value);
        if (text == null || text.isBlank())
        {
            throw new Refusal(400, name + " is required: give " + how);
        }
        if (token.containedIn(text))
        {
            throw new Refusal(400, name + " contains the admin token; refused so that it is never journaled");
        }
        if (text.getBytes(StandardCharsets.UTF_8).length > AdminCommand.MAX_TEXT_BYTES)
        {
            throw new Refusal(400, name + " is longer than " + AdminCommand.MAX_TEXT_BYTES + " bytes");
        }
        if (text.chars().anyMatch(c -> c < 0x20))
        {
            throw new Refusal(400, name + " has a control character (one line, please)");
        }
        return text.trim();
    }

    private static String stringOrNull(final Object value)
    {
        return value == null ? null : value.toString();
    }

    private static Map<String, String> query(final Request request)
    {
        final Map<String, String> query = new LinkedHashMap<>();
        final String raw = request.uri().getRawQuery();
        if (raw != null)
        {
            for (final String pair : raw.split("&"))
            {
                final int equals = pair.indexOf('=');
                if (equals > 0)
                {
                    query.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return query;
    }
}
