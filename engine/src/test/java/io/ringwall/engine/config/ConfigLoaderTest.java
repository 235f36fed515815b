package io.ringwall.engine.config;

import io.ringwall.codecs.BreakerState;
import io.ringwall.engine.Fixed;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigLoaderTest
{
    private static final Map<String, String> NO_VARIABLES = Map.of();

    @TempDir
    Path dir;

    @Test
    void shippedDevelopmentConfigIsTheRecordDefaults()
    {
        final LoadedConfig config = ConfigLoader.load(ConfigLoader.DEFAULT_LOCATION, "development", NO_VARIABLES);

        assertThat(config.risk()).isEqualTo(RiskLimits.defaults());
        assertThat(config.breakers()).isEqualTo(BreakerLimits.defaults());
        assertThat(config.environment()).isEqualTo("development");
        assertThat(config.sources()).containsExactly(
            "classpath:ringwall/config/ringwall.yaml",
            "classpath:ringwall/config/ringwall-development.yaml",
            "classpath:ringwall/config/instruments.yaml",
            "classpath:ringwall/config/market.yaml");
        assertThat(config.market().sessionCalendar()).isEqualTo("crypto");
        assertThat(config.market().market("AAPL").calendar()).isEqualTo("us-equity");
        assertThat(config.market().venue().volumeLimitPpm()).isEqualTo(25_000);
    }

    @Test
    void shippedInstrumentsAreExact()
    {
        final List<InstrumentSpec> instruments =
            ConfigLoader.load(ConfigLoader.DEFAULT_LOCATION, "development", NO_VARIABLES).instruments();

        final long satoshi = 1;
        final long cent = Fixed.PRICE_SCALE / 100;
        assertThat(instruments).containsExactly(
            new InstrumentSpec("BTCUSD", "crypto", satoshi, cent, 20_000 * Fixed.QUANTITY_SCALE, 100_000),
            new InstrumentSpec("ETHUSD", "crypto", satoshi, cent, 200_000 * Fixed.QUANTITY_SCALE, 100_000),
            new InstrumentSpec("AAPL", "technology", Fixed.QUANTITY_SCALE, cent, 80_000_000 * Fixed.QUANTITY_SCALE,
                100_000),
            new InstrumentSpec("SYN", "synthetic", satoshi, 1, 1_000_000_000 * Fixed.QUANTITY_SCALE, 100_000));
    }

    @ParameterizedTest
    @ValueSource(strings = {"development", "staging", "production"})
    void everyShippedEnvironmentLoads(final String environment)
    {
        final LoadedConfig config = ConfigLoader.load(ConfigLoader.DEFAULT_LOCATION, environment, NO_VARIABLES);

        assertThat(config.environment()).isEqualTo(environment);
        assertThat(config.sources()).contains("classpath:ringwall/config/ringwall-" + environment + ".yaml");
        assertThat(config.instruments()).hasSize(4);
    }

    @Test
    void productionOverlayReplacesOnlyTheValuesItSets()
    {
        final LoadedConfig config = ConfigLoader.load(ConfigLoader.DEFAULT_LOCATION, "production", NO_VARIABLES);

        assertThat(config.risk().capitalScalePpm()).isEqualTo(100_000);
        assertThat(config.risk().maxOrdersPerSecond()).isEqualTo(5);
        assertThat(config.breakers().orderRateCount()).isEqualTo(25);
        // Everything else is the base's.
        assertThat(config.risk().maxOrderNotional()).isEqualTo(RiskLimits.defaults().maxOrderNotional());
        assertThat(config.breakers().drawdown()).isEqualTo(BreakerRule.halting());
        assertThat(config.breakers().marketMoveWindowNs()).isEqualTo(60_000_000_000L);
    }

    @Test
    void overlayInADirectoryOverridesTheBaseDeepInsideAMap() throws IOException
    {
        writeShippedFiles();
        write("ringwall-staging.yaml", """
            risk:
              max-order-notional: 2500.5
            breakers:
              stale-data:
                trip-to: halted
                feed-max-age: 250ms
            """);

        final LoadedConfig config = ConfigLoader.load(dir.toString(), "staging", NO_VARIABLES);

        assertThat(config.risk().maxOrderNotional()).isEqualTo(25_005_000L);
        assertThat(config.breakers().staleData()).isEqualTo(new BreakerRule(true, BreakerState.HALTED, true));
        assertThat(config.breakers().feedStaleNs()).isEqualTo(250_000_000L);
        assertThat(config.breakers().instrumentStaleNs()).isEqualTo(1_800_000_000_000L);
        assertThat(config.sources()).contains(dir.resolve("ringwall-staging.yaml").toString());
    }

    @Test
    void anEmptyOverlayIsAllowedButAMissingOneIsNot() throws IOException
    {
        writeShippedFiles();
        write("ringwall-production.yaml", "");

        assertThat(ConfigLoader.load(dir.toString(), "production", NO_VARIABLES).risk())
            .isEqualTo(RiskLimits.defaults());

        Files.delete(dir.resolve("ringwall-production.yaml"));
        assertThatThrownBy(() -> ConfigLoader.load(dir.toString(), "production", NO_VARIABLES))
            .isInstanceOf(ConfigException.class)
            .hasMessageStartingWith(dir.resolve("ringwall-production.yaml") + ": is missing");
    }

    @Test
    void aMissingBaseIsAnError() throws IOException
    {
        writeShippedFiles();
        Files.delete(dir.resolve("ringwall.yaml"));

        assertThatThrownBy(() -> ConfigLoader.load(dir.toString(), "development", NO_VARIABLES))
            .isInstanceOf(ConfigException.class)
            .hasMessageStartingWith(dir.resolve("ringwall.yaml") + ": is missing");
    }

    @Test
    void anEnvironmentVariableWinsOverTheFilesAndIsListedInTheSources()
    {
        final LoadedConfig config = ConfigLoader.load(ConfigLoader.DEFAULT_LOCATION, "production", Map.of(
            "RINGWALL_RISK_MAX_ORDER_NOTIONAL", "5000",
            "RINGWALL_BREAKERS_DRAWDOWN_THRESHOLD", "0.05",
            "RINGWALL_RISK_CAPITAL_SCALE", " 0.35 ",
            "RINGWALL_HOME", "/opt/ringwall",
            "PATH", "/usr/bin"));

        assertThat(config.risk().maxOrderNotional()).isEqualTo(5000 * Fixed.PRICE_SCALE);
        assertThat(config.risk().capitalScalePpm()).isEqualTo(350_000);
        assertThat(config.breakers().drawdownPpm()).isEqualTo(50_000);
        assertThat(config.sources()).endsWith(
            "RINGWALL_BREAKERS_DRAWDOWN_THRESHOLD=0.05",
            "RINGWALL_RISK_CAPITAL_SCALE=0.35",
            "RINGWALL_RISK_MAX_ORDER_NOTIONAL=5000");
    }

    @Test
    void aMisspeltOverrideVariableIsAnError()
    {
        assertThatThrownBy(() -> ConfigLoader.load(ConfigLoader.DEFAULT_LOCATION, "development",
            Map.of("RINGWALL_RISK_MAX_ORDER_NOTIONL", "5000")))
            .isInstanceOf(ConfigException.class)
            .hasMessageStartingWith("environment variable RINGWALL_RISK_MAX_ORDER_NOTIONL is not a configuration key");
    }

    @Test
    void aBadOverrideValueNamesTheVariable()
    {
        assertThatThrownBy(() -> ConfigLoader.load(ConfigLoader.DEFAULT_LOCATION, "development",
            Map.of("RINGWALL_BREAKERS_ORDER_RATE_WINDOW", "1 second")))
            .isInstanceOf(ConfigException.class)
            .hasMessageStartingWith("environment variable RINGWALL_BREAKERS_ORDER_RATE_WINDOW: " +
                "breakers.order-rate.window = 1 second is not a duration");
    }

    @Test
    void anUnknownEnvironmentIsAnError()
    {
        assertThatThrownBy(() -> ConfigLoader.load(ConfigLoader.DEFAULT_LOCATION, "prod", NO_VARIABLES))
            .isInstanceOf(ConfigException.class)
            .hasMessage("environment 'prod' is not one of development, staging, production");
    }

    @Test
    void aNegativeLimitInAnOverlayNamesFileKeyValueAndRange() throws IOException
    {
        writeShippedFiles();
        write("ringwall-production.yaml", "risk:\n  max-order-notional: -5\n");

        assertLoadFails("production",
            dir.resolve("ringwall-production.yaml") + ": risk.max-order-notional = -5 is not allowed: money >= 0");
    }

    @Test
    void aValueOutOfTheRecordsRangeIsRefusedWithItsYamlKey() throws IOException
    {
        writeShippedFiles();
        write("ringwall-development.yaml", "risk:\n  capital-scale: 1.5\n");

        assertLoadFails("development", dir.resolve("ringwall-development.yaml") +
            ": risk.capital-scale = 1.5 is not allowed: fraction, 0.000001..1");
    }

    @Test
    void anUnknownKeyIsAnError() throws IOException
    {
        writeShippedFiles();
        replaceInBase("max-order-notional:", "max-order-notionl:");

        assertLoadFails("development", dir.resolve("ringwall.yaml") + ": unknown key risk.max-order-notionl");
    }

    @Test
    void anUnknownSectionIsAnError() throws IOException
    {
        writeShippedFiles();
        write("ringwall-development.yaml", "breakers:\n  drawdwn:\n    enabled: false\n");

        assertLoadFails("development", dir.resolve("ringwall-development.yaml") + ": unknown key breakers.drawdwn");
    }

    @Test
    void aKeyMissingFromEveryLayerIsNamedWithItsRange() throws IOException
    {
        writeShippedFiles();
        replaceInBase("  max-position-fraction: 0.10 ", "  # max-position-fraction: 0.10 ");

        assertLoadFails("development", dir.resolve("ringwall.yaml") +
            ": risk.max-position-fraction is missing (fraction of equity, 0..100)");
    }

    @Test
    void theBaseMustDefineEveryKeyEvenIfTheOverlaySetsIt() throws IOException
    {
        writeShippedFiles();
        replaceInBase("  fee-estimate-bps: 10 ", "  # fee-estimate-bps: 10 ");
        write("ringwall-development.yaml", "risk:\n  fee-estimate-bps: 10\n");

        assertLoadFails("development", dir.resolve("ringwall.yaml") +
            ": risk.fee-estimate-bps is missing (basis points of notional, 0..10000)");
    }

    @Test
    void aKeyWithoutAValueIsAnError() throws IOException
    {
        writeShippedFiles();
        write("ringwall-development.yaml", "risk:\n  max-orders-per-day:\n");

        assertLoadFails("development", dir.resolve("ringwall-development.yaml") +
            ": risk.max-orders-per-day has no value (orders per UTC day, 0..2147483647)");
    }

    @Test
    void aBadDurationIsAnError() throws IOException
    {
        writeShippedFiles();
        replaceInBase("duplicate-window: 1s", "duplicate-window: 5 minutes");

        assertLoadFails("development", dir.resolve("ringwall.yaml") + ": risk.duplicate-window = 5 minutes " +
            "is not a duration: a whole number and one of ns, us, ms, s, m, h, like 250ms (duration, 0s..24h)");
    }

    @Test
    void moreDecimalsThanTheScaleHoldsIsAnError() throws IOException
    {
        writeShippedFiles();
        write("ringwall-development.yaml", "risk:\n  max-order-notional: 10000.00001\n");

        assertLoadFails("development", dir.resolve("ringwall-development.yaml") +
            ": risk.max-order-notional = 10000.00001 has more than 4 decimals (money >= 0)");
    }

    @Test
    void trailingZerosBeyondTheScaleAreExactAndAllowed() throws IOException
    {
        writeShippedFiles();
        write("ringwall-development.yaml", "risk:\n  max-order-notional: 10000.000000\n");

        assertThat(ConfigLoader.load(dir.toString(), "development", NO_VARIABLES).risk())
            .isEqualTo(RiskLimits.defaults());
    }

    @Test
    void aBadEnumValueIsAnError() throws IOException
    {
        writeShippedFiles();
        write("ringwall-development.yaml", "breakers:\n  drawdown:\n    trip-to: active\n");

        assertLoadFails("development", dir.resolve("ringwall-development.yaml") +
            ": breakers.drawdown.trip-to = active is not one of reducing | halted");
    }

    @Test
    void yaml11BooleansAreNotBooleans() throws IOException
    {
        writeShippedFiles();
        write("ringwall-development.yaml", "risk:\n  check-buying-power: yes\n");

        assertLoadFails("development", dir.resolve("ringwall-development.yaml") +
            ": risk.check-buying-power = yes is not one of false | true");
    }

    @Test
    void maxOrderQuantityBelowMinIsAnErrorNamingBoth() throws IOException
    {
        writeShippedFiles();
        write("ringwall-development.yaml", "risk:\n  min-order-quantity: 5\n  max-order-quantity: 1\n");

        assertLoadFails("development", dir.resolve("ringwall-development.yaml") +
            ": risk.max-order-quantity = 1 is not allowed: at least risk.min-order-quantity = 5 (from " +
            dir.resolve("ringwall-development.yaml") + ")");
    }

    @Test
    void yamlNestedThousandsDeepIsAConfigErrorNotAStackOverflow() throws IOException
    {
        writeShippedFiles();
        write("ringwall-development.yaml", "risk: " + "[".repeat(20_000) + "]".repeat(20_000) + "\n");

        assertThatThrownBy(() -> ConfigLoader.load(dir.toString(), "development", NO_VARIABLES))
            .isInstanceOf(ConfigException.class)
            .hasMessageStartingWith(dir.resolve("ringwall-development.yaml") +
                ": the document is nested too deeply (more than 8 levels) at line 1, column ");
    }

    @Test
    void malformedYamlGivesTheFileLineAndColumn() throws IOException
    {
        writeShippedFiles();
        write("ringwall-development.yaml", "risk:\n  max-orders-per-day: 5\n bad-indent: 3\n");

        assertThatThrownBy(() -> ConfigLoader.load(dir.toString(), "development", NO_VARIABLES))
            .isInstanceOf(ConfigException.class)
            .hasMessageStartingWith(dir.resolve("ringwall-development.yaml") + ": malformed YAML at line 3, column 2: ");
    }

    @Test
    void aDuplicateKeyIsAnError() throws IOException
    {
        writeShippedFiles();
        write("ringwall-development.yaml", "risk:\n  max-orders-per-day: 5\n  max-orders-per-day: 6\n");

        assertLoadFails("development", dir.resolve("ringwall-development.yaml") +
            ": risk.max-orders-per-day appears twice at line 3, column 3");
    }

    @Test
    void aMapWhereAValueBelongsIsAnError() throws IOException
    {
        writeShippedFiles();
        write("ringwall-development.yaml", "risk:\n  capital-scale:\n    value: 1\n");

        assertLoadFails("development", dir.resolve("ringwall-development.yaml") +
            ": risk.capital-scale is not a single value (fraction, 0.000001..1)");
    }

    @Test
    void anInstrumentWithoutSectorIsAnError() throws IOException
    {
        writeShippedFiles();
        write("instruments.yaml", """
            instruments:
              - {symbol: A, sector: s, lot-size: 1, tick-size: 0.01, average-daily-volume: 0, price-band: 0}
              - {symbol: B, lot-size: 1, tick-size: 0.01, average-daily-volume: 0, price-band: 0}
            """);

        assertLoadFails("development", dir.resolve("instruments.yaml") + ": instruments[1].sector is missing (text)");
    }

    @Test
    void instrumentFieldsAreCheckedLikeLimits() throws IOException
    {
        writeShippedFiles();
        write("instruments.yaml", """
            instruments:
              - {symbol: A, sector: s, lot-size: 0, tick-size: 0.01, average-daily-volume: 0, price-band: 0}
            """);

        assertLoadFails("development", dir.resolve("instruments.yaml") +
            ": instruments[0].lot-size = 0 is not allowed: quantity >= 0.00000001");
    }

    @Test
    void instrumentSymbolsAreUnique() throws IOException
    {
        writeShippedFiles();
        write("instruments.yaml", """
            instruments:
              - {symbol: A, sector: s, lot-size: 1, tick-size: 0.01, average-daily-volume: 0, price-band: 0}
              - {symbol: A, sector: t, lot-size: 1, tick-size: 0.01, average-daily-volume: 0, price-band: 0}
            """);

        assertLoadFails("development", dir.resolve("instruments.yaml") +
            ": instruments[1].symbol = A is not allowed: the symbol of instruments[0].symbol already");
    }

    @Test
    void anUnknownInstrumentFieldIsAnError() throws IOException
    {
        writeShippedFiles();
        write("instruments.yaml", """
            instruments:
              - {symbol: A, sector: s, lot: 1, tick-size: 0.01, average-daily-volume: 0, price-band: 0}
            """);

        assertThatThrownBy(() -> ConfigLoader.load(dir.toString(), "development", NO_VARIABLES))
            .isInstanceOf(ConfigException.class)
            .hasMessageStartingWith(dir.resolve("instruments.yaml") + ": unknown key instruments[0].lot ");
    }

    private void assertLoadFails(final String environment, final String message)
    {
        assertThatThrownBy(() -> ConfigLoader.load(dir.toString(), environment, NO_VARIABLES))
            .isInstanceOf(ConfigException.class)
            .hasMessage(message);
    }

    private void writeShippedFiles() throws IOException
    {
        for (final String name : List.of("ringwall.yaml", "ringwall-development.yaml", "ringwall-staging.yaml",
            "ringwall-production.yaml", "instruments.yaml"))
        {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream("ringwall/config/" + name))
            {
                assertThat(in).as(name).isNotNull();
                Files.write(dir.resolve(name), in.readAllBytes());
            }
        }
    }

    private void replaceInBase(final String from, final String to) throws IOException
    {
        final Path base = dir.resolve("ringwall.yaml");
        final String text = Files.readString(base);
        assertThat(text).contains(from);
        Files.writeString(base, text.replace(from, to));
    }

    private void write(final String name, final String text) throws IOException
    {
        Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }
}
