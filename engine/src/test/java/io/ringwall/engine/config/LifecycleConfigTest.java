package io.ringwall.engine.config;

import java.util.Map;

import io.ringwall.engine.checkpoint.CheckpointSettings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The checkpoint and shutdown keys: defined in the base file, overridable like any key, range-checked, and
 * kept out of the session manifest.
 */
class LifecycleConfigTest
{
    @Test
    void theBaseFileDefinesTheDefaults()
    {
        final CheckpointSettings settings = ConfigLoader.load(ConfigLoader.DEFAULT_LOCATION, "development", Map.of())
            .lifecycle();
        assertThat(settings).isEqualTo(CheckpointSettings.DEFAULTS);
    }

    @Test
    void environmentVariablesOverrideThem()
    {
        final CheckpointSettings settings = ConfigLoader.load(ConfigLoader.DEFAULT_LOCATION, "production",
            Map.of("RINGWALL_CHECKPOINT_EVERY_INPUTS", "5000", "RINGWALL_CHECKPOINT_EVERY", "30s",
                "RINGWALL_SHUTDOWN_CANCEL_OPEN_ORDERS", "false", "RINGWALL_CHECKPOINT_RETAIN", "7")).lifecycle();
        assertThat(settings.everyInputs()).isEqualTo(5_000);
        assertThat(settings.everyEventTimeNs()).isEqualTo(30_000_000_000L);
        assertThat(settings.retain()).isEqualTo(7);
        assertThat(settings.cancelOnShutdown()).isFalse();
    }

    @Test
    void aBadValueIsRefusedWithItsKey()
    {
        assertThatThrownBy(() -> ConfigLoader.load(ConfigLoader.DEFAULT_LOCATION, "development",
            Map.of("RINGWALL_CHECKPOINT_RETAIN", "0")))
            .isInstanceOf(ConfigException.class).hasMessageContaining("checkpoint.retain");
    }

    @Test
    void theyStayOutOfTheManifest()
    {
        final LoadedConfig config = ConfigLoader.load(ConfigLoader.DEFAULT_LOCATION, "development", Map.of());
        assertThat(ConfigManifest.toProperties(config.risk(), config.breakers(), config.instruments()).keySet())
            .noneMatch(key -> key.startsWith("checkpoint.") || key.startsWith("shutdown."));
    }

    @Test
    void theMalformedShareOfMarketDataIsAProcessKeyToo()
    {
        assertThat(ConfigLoader.load(ConfigLoader.DEFAULT_LOCATION, "development", Map.of()).maxMalformedPpm())
            .isEqualTo(LoadedConfig.DEFAULT_MAX_MALFORMED_PPM).isEqualTo(10_000);
        assertThat(ConfigLoader.load(ConfigLoader.DEFAULT_LOCATION, "production",
            Map.of("RINGWALL_MARKET_DATA_MAX_MALFORMED_FRACTION", "0.05")).maxMalformedPpm()).isEqualTo(50_000);
        assertThatThrownBy(() -> ConfigLoader.load(ConfigLoader.DEFAULT_LOCATION, "development",
            Map.of("RINGWALL_MARKET_DATA_MAX_MALFORMED_FRACTION", "1.5")))
            .isInstanceOf(ConfigException.class).hasMessageContaining("market-data.max-malformed-fraction");
        final LoadedConfig config = ConfigLoader.load(ConfigLoader.DEFAULT_LOCATION, "development", Map.of());
        assertThat(ConfigManifest.toProperties(config.risk(), config.breakers(), config.instruments()).keySet())
            .noneMatch(key -> key.startsWith("market-data."));
    }

    @Test
    void retentionKeepDaysDefaultsToForeverIsOverridableAndStaysOutOfTheManifest()
    {
        final LoadedConfig defaults = ConfigLoader.load(ConfigLoader.DEFAULT_LOCATION, "development", Map.of());
        assertThat(defaults.retentionKeepDays()).isZero();
        assertThat(ConfigLoader.load(ConfigLoader.DEFAULT_LOCATION, "production",
            Map.of("RINGWALL_RETENTION_KEEP_DAYS", "30")).retentionKeepDays()).isEqualTo(30);
        assertThatThrownBy(() -> ConfigLoader.load(ConfigLoader.DEFAULT_LOCATION, "development",
            Map.of("RINGWALL_RETENTION_KEEP_DAYS", "-1")))
            .isInstanceOf(ConfigException.class).hasMessageContaining("retention.keep-days");
        assertThatThrownBy(() -> ConfigLoader.load(ConfigLoader.DEFAULT_LOCATION, "development",
            Map.of("RINGWALL_RETENTION_KEEP_DAYZ", "3")))
            .isInstanceOf(ConfigException.class).hasMessageContaining("RINGWALL_RETENTION_KEEP_DAYZ");
        // a process key: a session resumes whatever it is set to, and its manifest never names it
        final LoadedConfig set = ConfigLoader.load(ConfigLoader.DEFAULT_LOCATION, "development",
            Map.of("RINGWALL_RETENTION_KEEP_DAYS", "7"));
        assertThat(ConfigManifest.toProperties(set.risk(), set.breakers(), set.instruments()))
            .isEqualTo(ConfigManifest.toProperties(defaults.risk(), defaults.breakers(), defaults.instruments()))
            .allSatisfy((key, value) -> assertThat(key).doesNotStartWith("retention."));
    }
}
