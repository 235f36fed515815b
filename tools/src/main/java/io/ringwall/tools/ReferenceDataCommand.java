package io.ringwall.tools;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import io.ringwall.engine.Fixed;
import io.ringwall.engine.config.InstrumentSpec;
import io.ringwall.engine.config.ReferenceData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ringwall reference-data}: the instruments of a reference-data map, read from outside the engine.
 */
@Command(name = "reference-data", mixinStandardHelpOptions = true,
    description = {"Print the instruments of a reference-data Chronicle Map, by instrument id: symbol, sector, " +
        "lot size, tick size, average daily volume and price band (collar).",
        "Reads the map the engine publishes; it need not be running. Exit status 2 when the map is missing or " +
        "unreadable."})
final class ReferenceDataCommand implements Callable<Integer>
{
    private static final String ROW = "%-4s %-12s %-14s %14s %10s %22s %8s%n";

    @Spec
    private CommandSpec spec;

    @Option(names = "--map", paramLabel = "FILE", required = true, description = "The reference-data map file.")
    private Path map;

    @Override
    public Integer call()
    {
        final List<InstrumentSpec> instruments = ReferenceData.read(map);
        final PrintWriter out = spec.commandLine().getOut();
        out.printf(ROW, "id", "symbol", "sector", "lot", "tick", "ADV", "band");
        for (int id = 0; id < instruments.size(); id++)
        {
            final InstrumentSpec instrument = instruments.get(id);
            out.printf(ROW, id, instrument.symbol(), instrument.sector(),
                Fixed.format(instrument.lotSize(), Fixed.QUANTITY_DECIMALS),
                Fixed.format(instrument.tickSize(), Fixed.PRICE_DECIMALS),
                instrument.averageDailyVolume() == 0 ? "unknown" :
                    Fixed.format(instrument.averageDailyVolume(), Fixed.QUANTITY_DECIMALS),
                instrument.priceBandPpm() == 0 ? "default" : RiskFigures.percent(instrument.priceBandPpm()));
        }
        out.println(instruments.size() + (instruments.size() == 1 ? " instrument" : " instruments"));
        out.flush();
        return 0;
    }
}
