package io.ringwall.tools.cluster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

import io.ringwall.cluster.ClusterNodeConfig;
import io.ringwall.cluster.ClusterTopology;
import io.ringwall.engine.Fixed;
import io.ringwall.engine.config.ConfigLoader;
import io.ringwall.engine.config.InstrumentSpec;
import io.ringwall.engine.config.LoadedConfig;
import io.ringwall.engine.logic.LogicConfig;
import picocli.CommandLine.Option;

/**
 * What the cluster's nodes and its gateway must agree on: where the members are, and the logic's configuration
 * (every node runs the same logic; the gateway's paper venue uses the same market model and instruments).
 */
final class ClusterOptions
{
    @Option(names = "--members", paramLabel = "HOST,HOST,HOST", description = "Every member's host " +
        "or address, by member id (0, 1, 2), comma-separated; the same list on every node and the gateway.")
    String members;

    @Option(names = "--port-base", description = "First port; member N listens on PORT_BASE+10N .. +4 (archive, " +
        "ingress, consensus, log, catch-up). Default: ${DEFAULT-VALUE}.")
    int portBase = 20_000;

    @Option(names = "--term-length-kb", description = "Term buffer of the log and the streams, KiB (power of two, " +
        "at least 64). Default: ${DEFAULT-VALUE}.")
    int termLengthKb = ClusterNodeConfig.DEFAULT_TERM_LENGTH / 1024;

    @Option(names = "--config", paramLabel = "LOCATION", description = "Directory with ringwall.yaml, instruments.yaml " +
        "and market.yaml (default: the bundled ${DEFAULT-VALUE}); the same on every node.")
    String config = ConfigLoader.DEFAULT_LOCATION;

    @Option(names = "--env", description = "Configuration overlay (default: ${DEFAULT-VALUE}).")
    String environment = "development";

    @Option(names = "--strategy", paramLabel = "SPEC", description = "Strategy, repeatable (as ringwall run). " +
        "Default: ma-crossover on --symbol.")
    List<String> strategies = new ArrayList<>();

    @Option(names = "--symbol", description = "Instrument of the market data (default: ${DEFAULT-VALUE}).")
    String symbol = "BTCUSD";

    @Option(names = "--cash", description = "Starting cash (default: ${DEFAULT-VALUE}).")
    String cash = "1000000";

    ClusterTopology topology()
    {
        if (members == null)
        {
            throw new IllegalArgumentException("--members HOST,HOST,HOST is required");
        }
        return ClusterTopology.parse(members, portBase);
    }

    int termLength()
    {
        return termLengthKb * 1024;
    }

    LoadedConfig limits()
    {
        return ConfigLoader.load(config, environment, new HashMap<>(System.getenv()));
    }

    int instrumentId(final LoadedConfig limits)
    {
        final int id = limits.instruments().stream().map(InstrumentSpec::symbol).toList().indexOf(symbol);
        if (id < 0)
        {
            throw new IllegalArgumentException("--symbol " + symbol + " is not in the reference data");
        }
        return id;
    }

    LogicConfig logic(final LoadedConfig limits)
    {
        instrumentId(limits);
        final long cashUnits = Fixed.parse(cash, 0, cash.length(), Fixed.PRICE_DECIMALS);
        if (cashUnits == Long.MIN_VALUE || cashUnits < 0)
        {
            throw new IllegalArgumentException("--cash " + cash + " is not a non-negative amount");
        }
        final List<String> specs = strategies.isEmpty() ? List.of("ma-crossover:symbol=" + symbol) : strategies;
        return new LogicConfig(limits.instruments(), specs, cashUnits, LogicConfig.DEFAULT_MAX_WORKING_ORDERS,
            limits.risk(), limits.breakers(), limits.market());
    }
}
