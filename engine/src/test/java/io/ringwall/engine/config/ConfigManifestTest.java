package io.ringwall.engine.config;

import io.ringwall.codecs.BreakerState;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigManifestTest
{
    @Test
    void defaultsRoundTripExactly()
    {
        final LoadedConfig shipped = ConfigLoader.load(ConfigLoader.DEFAULT_LOCATION, "development", Map.of());

        assertRoundTrip(shipped.risk(), shipped.breakers(), shipped.instruments());
    }

    @Test
    void aNonDefaultConfigRoundTripsExactly()
    {
        final LoadedConfig production = ConfigLoader.load(ConfigLoader.DEFAULT_LOCATION, "production", Map.of(
            "RINGWALL_RISK_MAX_ORDER_NOTIONAL", "1234.5678",
            "RINGWALL_RISK_PARTICIPATION_MODE", "split",
            "RINGWALL_RISK_DUPLICATE_WINDOW", "0s",
            "RINGWALL_BREAKERS_STALE_DATA_FEED_MAX_AGE", "1500us",
            "RINGWALL_BREAKERS_MARKET_MOVE_ENABLED", "false"));
        assertThat(production.risk()).isNotEqualTo(RiskLimits.defaults());

        assertRoundTrip(production.risk(), production.breakers(), production.instruments());
    }

    @Test
    void extremeRecordsRoundTripExactly()
    {
        final BreakerRule odd = new BreakerRule(true, BreakerState.REDUCING, false);
        final BreakerLimits breakers = new BreakerLimits(odd, 1, BreakerRule.off(), Long.MAX_VALUE, 1_000_000,
            odd, BreakerLimits.MAX_RATE_COUNT, 1, odd, 1, 86_400_000_000_000L, odd, 7 * 86_400_000_000_000L, 1,
            BreakerLimits.MAX_BAR_INTERVAL_NS, BreakerLimits.MAX_STALE_BAR_INTERVALS, odd, 100_000_000, 123_456_789);

        assertRoundTrip(RiskLimits.permissive(), breakers,
            List.of(InstrumentSpec.unrestricted("X"), InstrumentSpec.unrestricted("Y.Z")));
        assertRoundTrip(RiskLimits.defaults().withCapitalScalePpm(1), BreakerLimits.off(), List.of());
    }

    @Test
    void theManifestHoldsExactlyTheCatalogueKeysAndTheInstruments()
    {
        final Map<String, String> properties = ConfigManifest.toProperties(RiskLimits.defaults(),
            BreakerLimits.defaults(), List.of(InstrumentSpec.unrestricted("X")));

        final List<String> expected = new ArrayList<>();
        ConfigCatalogue.KEYS.forEach(key -> expected.add(key.name));
        // trade data: the bar keys hold what an absent key means, and are left out (sessions from before them)
        expected.remove("breakers.stale-data.bar-interval");
        expected.remove("breakers.stale-data.bar-intervals");
        expected.add("instruments");
        InstrumentFields.NAMES.forEach(field -> expected.add("instrument.0." + field));
        assertThat(properties.keySet()).containsExactlyElementsOf(expected);
        assertThat(properties).containsEntry("risk.max-order-notional", "10000")
            .containsEntry("risk.capital-scale", "1")
            .containsEntry("risk.price-collar", "0.1")
            .containsEntry("risk.min-order-quantity", "0.00000001")
            .containsEntry("breakers.venue-rejects.window", "1m")
            .containsEntry("breakers.drawdown.trip-to", "halted");
    }

    @Test
    void everyCatalogueKeyHasAnOverrideVariable()
    {
        for (final ConfigKey key : ConfigCatalogue.KEYS)
        {
            assertThat(ConfigCatalogue.byEnvironmentVariable(key.environmentVariable())).isSameAs(key);
        }
        assertThat(ConfigCatalogue.MAX_ORDER_NOTIONAL.environmentVariable())
            .isEqualTo("RINGWALL_RISK_MAX_ORDER_NOTIONAL");
        assertThat(ConfigCatalogue.DRAWDOWN_THRESHOLD.environmentVariable())
            .isEqualTo("RINGWALL_BREAKERS_DRAWDOWN_THRESHOLD");
    }

    @Test
    void unknownAndMissingManifestKeysAreErrors()
    {
        final Map<String, String> properties = defaultProperties();
        properties.put("risk.max-order-notionl", "1");
        assertThatThrownBy(() -> ConfigManifest.fromProperties(properties))
            .isInstanceOf(ConfigException.class)
            .hasMessage("manifest: unknown key risk.max-order-notionl");

        properties.remove("risk.max-order-notionl");
        properties.remove("breakers.market-move.window");
        assertThatThrownBy(() -> ConfigManifest.fromProperties(properties))
            .isInstanceOf(ConfigException.class)
            .hasMessage("manifest: breakers.market-move.window is missing (duration, 1ns..24h)");
    }

    /**
     * Issue 24: a session journaled before bar intervals existed measured staleness by the two ages; its manifest
     * lacks the bar keys and rebuilds exactly that (no interval, the default multiple), so it still replays.
     */
    @Test
    void aManifestFromBeforeBarIntervalsRebuildsTradeDataStaleness()
    {
        final Map<String, String> properties = defaultProperties();
        properties.remove("breakers.stale-data.bar-interval");
        properties.remove("breakers.stale-data.bar-intervals");
        final BreakerLimits breakers = ConfigManifest.fromProperties(properties).breakers();
        assertThat(breakers).isEqualTo(BreakerLimits.defaults());
        assertThat(breakers.staleByBars()).isFalse();

        properties.put("breakers.stale-data.bar-interval", "24h");
        properties.put("breakers.stale-data.bar-intervals", "5");
        final BreakerLimits bars = ConfigManifest.fromProperties(properties).breakers();
        assertThat(bars.barIntervalNs()).isEqualTo(86_400_000_000_000L);
        assertThat(bars.staleBarIntervals()).isEqualTo(5);
    }

    @Test
    void aTradeDataManifestIsTheOneWrittenBeforeBarIntervalsSoOldSessionsResume()
    {
        final Map<String, String> trades = ConfigManifest.toProperties(RiskLimits.defaults(), BreakerLimits.defaults(),
            List.of(InstrumentSpec.unrestricted("X")));
        assertThat(trades).doesNotContainKeys("breakers.stale-data.bar-interval", "breakers.stale-data.bar-intervals");

        final Map<String, String> bars = ConfigManifest.toProperties(RiskLimits.defaults(),
            BreakerLimits.defaults().withBarInterval(86_400_000_000_000L), List.of(InstrumentSpec.unrestricted("X")));
        assertThat(bars).containsEntry("breakers.stale-data.bar-interval", "24h");
        assertThat(ConfigManifest.fromProperties(bars).breakers().barIntervalNs()).isEqualTo(86_400_000_000_000L);
    }

    @Test
    void manifestInstrumentsMustBeCompleteAndWithinTheCount()
    {
        final Map<String, String> properties = ConfigManifest.toProperties(RiskLimits.defaults(),
            BreakerLimits.defaults(), List.of(InstrumentSpec.unrestricted("X")));
        properties.put("instrument.1.symbol", "Y");
        assertThatThrownBy(() -> ConfigManifest.fromProperties(properties))
            .isInstanceOf(ConfigException.class)
            .hasMessageStartingWith("manifest: unknown key instrument.1.symbol");

        properties.remove("instrument.1.symbol");
        properties.remove("instrument.0.tick-size");
        assertThatThrownBy(() -> ConfigManifest.fromProperties(properties))
            .isInstanceOf(ConfigException.class)
            .hasMessage("manifest: instrument.0.tick-size is missing (price >= 0.0001)");
    }

    /**
     * The catalogue's ranges are copies of the records' requireRange calls: each bound must build a record, and
     * one unit past it must be refused by the catalogue and by the record alike.
     */
    @Test
    void catalogueRangesAreTheRecordsRanges()
    {
        for (final ConfigKey key : ConfigCatalogue.KEYS)
        {
            assertThatCode(() -> build(key, key.min)).as("%s at its minimum", key).doesNotThrowAnyException();
            assertThatCode(() -> build(key, key.max)).as("%s at its maximum", key).doesNotThrowAnyException();
            if (!key.kind.isNumeric())
            {
                continue;
            }
            if (key.min > Long.MIN_VALUE)
            {
                assertThatThrownBy(() -> key.parse("test", key.format(key.min - 1))).as("%s below", key)
                    .isInstanceOf(ConfigException.class);
                assertThatThrownBy(() -> build(key, key.min - 1)).as("record of %s below", key)
                    .isInstanceOf(ConfigException.class);
            }
            if (key.max < Long.MAX_VALUE)
            {
                assertThatThrownBy(() -> key.parse("test", key.format(key.max + 1))).as("%s above", key)
                    .isInstanceOf(ConfigException.class);
                assertThatThrownBy(() -> build(key, key.max + 1)).as("record of %s above", key)
                    .isInstanceOf(ConfigException.class);
            }
        }
    }

    /** Builds both records from the defaults with one value replaced, unchecked by the catalogue. */
    private static void build(final ConfigKey key, final long value)
    {
        final ConfigValues values = new ConfigValues();
        for (final ConfigKey other : ConfigCatalogue.KEYS)
        {
            values.setParsed(other, "test", other.read(RiskLimits.defaults(), BreakerLimits.defaults()));
        }
        // The min/max order quantity pair must stay ordered; only the bound itself is under test.
        if (key == ConfigCatalogue.MIN_ORDER_QUANTITY && value > RiskLimits.defaults().maxOrderQuantity())
        {
            values.setParsed(ConfigCatalogue.MAX_ORDER_QUANTITY, "test", value);
        }
        if (key == ConfigCatalogue.MAX_ORDER_QUANTITY && value < RiskLimits.defaults().minOrderQuantity())
        {
            values.setParsed(ConfigCatalogue.MIN_ORDER_QUANTITY, "test", value);
        }
        values.setParsed(key, "test", value);
        values.risk("test");
        values.breakers("test");
    }

    private static Map<String, String> defaultProperties()
    {
        return new LinkedHashMap<>(ConfigManifest.toProperties(RiskLimits.defaults(), BreakerLimits.defaults(),
            List.of()));
    }

    private static void assertRoundTrip(final RiskLimits risk, final BreakerLimits breakers,
        final List<InstrumentSpec> instruments)
    {
        final Map<String, String> properties = ConfigManifest.toProperties(risk, breakers, instruments);
        final LoadedConfig replayed = ConfigManifest.fromProperties(properties);

        assertThat(replayed.risk()).isEqualTo(risk);
        assertThat(replayed.breakers()).isEqualTo(breakers);
        assertThat(replayed.instruments()).isEqualTo(instruments);
        assertThat(replayed.environment()).isEqualTo("manifest");
        assertThat(ConfigManifest.toProperties(replayed.risk(), replayed.breakers(), replayed.instruments()))
            .isEqualTo(properties);
    }
}
