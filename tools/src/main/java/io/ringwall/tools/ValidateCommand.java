package io.ringwall.tools;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ringwall validate}: the strategy validation commands, many in-memory backtests each. */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Validate a strategy with many in-memory backtests of the same engine: walk-forward, Monte Carlo, " +
        "parameter sensitivity, and a benchmark of the batch runner.",
    subcommands = {WalkForwardCommand.class, MonteCarloCommand.class, SensitivityCommand.class, ValidateBenchCommand.class})
final class ValidateCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Override
    public Integer call()
    {
        spec.commandLine().usage(spec.commandLine().getErr());
        return RingwallCli.EXIT_FAILURE;
    }
}
