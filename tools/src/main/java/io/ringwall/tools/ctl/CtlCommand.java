package io.ringwall.tools.ctl;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.ringwall.engine.control.AdminToken;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ringwall ctl}: sends operator commands to a running engine's admin endpoint.
 */
@Command(name = "ctl", mixinStandardHelpOptions = true,
    description = {"Send an operator command to a running engine (ringwall run --admin-port PORT).",
        "The token comes from $" + AdminToken.ENVIRONMENT_VARIABLE + ", as the engine's does.",
        "Exit: 0 applied (or no change; checks passed), 1 the engine refused it or a check failed, " +
            "2 usage, 3 cannot connect, 4 unauthorized, 5 bad request, 6 engine unavailable."},
    subcommands = {CtlCommand.Halt.class, CtlCommand.Resume.class, CtlCommand.ResetBreaker.class,
        CtlCommand.Scale.class, CtlCommand.Flatten.class, CtlCommand.CancelAll.class, CtlCommand.Snapshot.class,
        CtlCommand.Shutdown.class, CtlCommand.Checks.class})
public final class CtlCommand
{
    public static final int DEFAULT_PORT = 7420;
    public static final int EXIT_REFUSED_BY_ENGINE = 1;
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_CANNOT_CONNECT = 3;
    public static final int EXIT_UNAUTHORIZED = 4;
    public static final int EXIT_BAD_REQUEST = 5;
    public static final int EXIT_UNAVAILABLE = 6;

    /** Where and as whom. */
    static final class Target
    {
        @Option(names = "--host", description = "Admin endpoint host (default: ${DEFAULT-VALUE}).")
        String host = "127.0.0.1";

        @Option(names = "--port", description = "Admin endpoint port (default: ${DEFAULT-VALUE}).")
        int port = DEFAULT_PORT;

        @Option(names = "--operator", paramLabel = "NAME", description = "Who sends it, for the journal " +
            "(default: the login name).")
        String operator = System.getProperty("user.name", "operator");

        @Option(names = "--timeout", paramLabel = "SECONDS", description = "How long to wait for the answer " +
            "(default: ${DEFAULT-VALUE}).")
        long timeoutSeconds = 15;
    }

    /** A command that changes state: needs a reason. */
    abstract static class Base implements Callable<Integer>
    {
        @Spec
        CommandSpec spec;

        @Mixin
        Target target;

        /** The environment the token is read from; tests replace it. */
        static Map<String, String> environment = System.getenv();

        final int send(final String command, final Map<String, Object> body)
        {
            return exchange(client -> client.command(command, body), answer -> printCommand(command, answer));
        }

        interface Call
        {
            AdminClient.Response call(AdminClient client) throws IOException, InterruptedException;
        }

        interface Printer
        {
            int print(AdminClient.Response answer);
        }

        final int exchange(final Call call, final Printer printer)
        {
            final PrintWriter err = spec.commandLine().getErr();
            final String token = environment.get(AdminToken.ENVIRONMENT_VARIABLE);
            if (token == null || token.isBlank())
            {
                err.println("ringwall ctl: " + AdminToken.ENVIRONMENT_VARIABLE + " is not set; export the engine's " +
                    "admin token first");
                return EXIT_USAGE;
            }
            final AdminClient client = new AdminClient(target.host, target.port, token,
                Duration.ofSeconds(target.timeoutSeconds));
            final AdminClient.Response answer;
            try
            {
                answer = call.call(client);
            }
            catch (final ConnectException | HttpConnectTimeoutException ex)
            {
                err.println("ringwall ctl: cannot connect to the admin endpoint at " + client.base() +
                    " (connection refused): is the engine running with --admin-port " + target.port + "?");
                return EXIT_CANNOT_CONNECT;
            }
            catch (final HttpTimeoutException ex)
            {
                err.println("ringwall ctl: no answer from " + client.base() + " within " + target.timeoutSeconds + " s");
                return EXIT_UNAVAILABLE;
            }
            catch (final IOException ex)
            {
                err.println("ringwall ctl: talking to " + client.base() + " failed: " + ex);
                return EXIT_CANNOT_CONNECT;
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                return EXIT_UNAVAILABLE;
            }
            return switch (answer.status())
            {
                case 200, 202 -> printer.print(answer);
                case 401 ->
                {
                    err.println("ringwall ctl: unauthorized (401): the endpoint refused the token in $" +
                        AdminToken.ENVIRONMENT_VARIABLE + "; the refusal is recorded in its audit log");
                    yield EXIT_UNAUTHORIZED;
                }
                case 400, 404, 405, 413 ->
                {
                    err.println("ringwall ctl: refused (" + answer.status() + "): " + answer.text("error"));
                    yield EXIT_BAD_REQUEST;
                }
                default ->
                {
                    err.println("ringwall ctl: the engine could not take it (" + answer.status() + "): " +
                        answer.text("error"));
                    yield EXIT_UNAVAILABLE;
                }
            };
        }

        private int printCommand(final String command, final AdminClient.Response answer)
        {
            final PrintWriter out = spec.commandLine().getOut();
            final String result = answer.text("result");
            out.println(command + " accepted at input " + answer.text("sequence") + ": " +
                (result == null ? "result not seen yet (" + answer.text("note") + ")" : result));
            if (answer.text("action") != null)
            {
                out.println("  " + answer.text("action"));
            }
            out.flush();
            return "APPLIED".equals(result) || "NO_CHANGE".equals(result) ? 0 : EXIT_REFUSED_BY_ENGINE;
        }

        final Map<String, Object> body(final String reason)
        {
            final Map<String, Object> body = new LinkedHashMap<>();
            body.put("operator", target.operator);
            body.put("reason", reason);
            return body;
        }
    }

    /** A command whose only argument is the reason. */
    abstract static class Simple extends Base
    {
        @Option(names = "--reason", required = true, description = "Why, for the journal.")
        String reason;

        abstract String command();

        @Override
        public Integer call()
        {
            return send(command(), body(reason));
        }
    }

    @Command(name = "halt", mixinStandardHelpOptions = true, description = "Work the kill switch: no new orders.")
    static final class Halt extends Simple
    {
        @Override
        String command()
        {
            return "halt";
        }
    }

    @Command(name = "resume", mixinStandardHelpOptions = true, description = "Release the kill switch.")
    static final class Resume extends Simple
    {
        @Override
        String command()
        {
            return "resume";
        }
    }

    @Command(name = "flatten", mixinStandardHelpOptions = true,
        description = "Close every position with market orders, through the normal risk checks.")
    static final class Flatten extends Simple
    {
        @Override
        String command()
        {
            return "flatten";
        }
    }

    @Command(name = "cancel-all", mixinStandardHelpOptions = true, description = "Cancel every working order.")
    static final class CancelAll extends Simple
    {
        @Override
        String command()
        {
            return "cancel-all";
        }
    }

    @Command(name = "snapshot", mixinStandardHelpOptions = true, description = "Ask for a checkpoint now.")
    static final class Snapshot extends Simple
    {
        @Override
        String command()
        {
            return "snapshot-now";
        }
    }

    @Command(name = "shutdown", mixinStandardHelpOptions = true,
        description = "Stop the engine: intake stops, the rings drain, the journals close, the run exits 0.")
    static final class Shutdown extends Simple
    {
        @Override
        String command()
        {
            return "shutdown";
        }
    }

    @Command(name = "reset-breaker", mixinStandardHelpOptions = true,
        description = "Return a tripped breaker to ACTIVE (DRAWDOWN, DAILY_LOSS, ORDER_RATE, VENUE_REJECT_RATE, " +
            "STALE_DATA, MARKET_MOVE, RECONCILIATION, KILL_SWITCH, PRE_MARKET, OVERFILL, VENUE).")
    static final class ResetBreaker extends Simple
    {
        @Parameters(index = "0", paramLabel = "BREAKER")
        String breaker;

        @Override
        String command()
        {
            return "reset-breaker";
        }

        @Override
        public Integer call()
        {
            final Map<String, Object> body = body(reason);
            body.put("breaker", breaker);
            return send(command(), body);
        }
    }

    @Command(name = "scale", mixinStandardHelpOptions = true,
        description = "Set the capital scale applied to strategy targets: a decimal in (0, 1], e.g. 0.35.")
    static final class Scale extends Simple
    {
        @Parameters(index = "0", paramLabel = "VALUE")
        String value;

        @Override
        String command()
        {
            return "set-capital-scale";
        }

        @Override
        public Integer call()
        {
            final Map<String, Object> body = body(reason);
            body.put("value", value);
            return send(command(), body);
        }
    }

    @Command(name = "checks", mixinStandardHelpOptions = true,
        description = "Run the pre-market checks now (journaled) and print each one.")
    static final class Checks extends Base
    {
        @Override
        public Integer call()
        {
            return exchange(client -> client.checks(target.operator), this::print);
        }

        @SuppressWarnings("unchecked")
        private int print(final AdminClient.Response answer)
        {
            final PrintWriter out = spec.commandLine().getOut();
            final String result = answer.text("result");
            out.println("pre-market checks at input " + answer.text("sequence") + ": " +
                (result == null ? "result not seen yet" : result) + ", trading gate " +
                (Boolean.TRUE.equals(answer.body().get("gateOpen")) ? "open" : "closed"));
            final Object checks = answer.body().get("checks");
            if (checks instanceof List<?> list)
            {
                for (final Object item : list)
                {
                    final Map<String, Object> check = (Map<String, Object>)item;
                    final boolean ok = Boolean.TRUE.equals(check.get("ok"));
                    out.println("  " + (ok ? "ok   " : "FAIL ") + check.get("name") +
                        (check.get("why") == null ? "" : ": " + check.get("why")));
                }
            }
            out.flush();
            return "PASSED".equals(result) ? 0 : EXIT_REFUSED_BY_ENGINE;
        }
    }
}
