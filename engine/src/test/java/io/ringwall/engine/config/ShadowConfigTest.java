package io.ringwall.engine.config;

import java.util.List;
import java.util.Map;

import io.ringwall.engine.logic.LogicConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The shadow.* keys (issue 20): defaults from the bundled ringwall.yaml, overrides, refusals, and the manifest, which
 * holds them only for a shadow session.
 */
class ShadowConfigTest
{
    @Test
    void theBundledDefaultsAreTheIssuesAndTheShadowIsOff()
    {
        final ShadowSettings shadow = ConfigLoader.load(ConfigLoader.DEFAULT_LOCATION, "production", Map.of()).shadow();

        assertThat(shadow.enabled()).isFalse();
        assertThat(shadow.signalTolerancePpm()).isEqualTo(50_000);
        assertThat(shadow.maxMisalignments()).isEqualTo(3);
        assertThat(shadow.minExecutionQualityPpm()).isEqualTo(900_000);
        assertThat(shadow.executionWindow()).isEqualTo(20);
    }

    @Test
    void overridesApplyAndBadValuesAreRefusedNamingTheKey()
    {
        final ShadowSettings shadow = ConfigLoader.load(ConfigLoader.DEFAULT_LOCATION, "development",
            Map.of("RINGWALL_SHADOW_SIGNAL_TOLERANCE", "0.1", "RINGWALL_SHADOW_MAX_MISALIGNMENTS", "5",
                "RINGWALL_SHADOW_MIN_EXECUTION_QUALITY", "0.8", "RINGWALL_SHADOW_EXECUTION_WINDOW", "50")).shadow();
        assertThat(shadow.signalTolerancePpm()).isEqualTo(100_000);
        assertThat(shadow.maxMisalignments()).isEqualTo(5);
        assertThat(shadow.minExecutionQualityPpm()).isEqualTo(800_000);
        assertThat(shadow.executionWindow()).isEqualTo(50);

        assertThatThrownBy(() -> ConfigLoader.load(ConfigLoader.DEFAULT_LOCATION, "development",
            Map.of("RINGWALL_SHADOW_SIGNAL_TOLERANCE", "1.5")))
            .isInstanceOf(ConfigException.class).hasMessageContaining("shadow.signal-tolerance");
        assertThatThrownBy(() -> ConfigLoader.load(ConfigLoader.DEFAULT_LOCATION, "development",
            Map.of("RINGWALL_SHADOW_MAX_MISALIGNMENTS", "0")))
            .isInstanceOf(ConfigException.class).hasMessageContaining("shadow.max-misalignments");
        assertThatThrownBy(() -> ConfigLoader.load(ConfigLoader.DEFAULT_LOCATION, "development",
            Map.of("RINGWALL_SHADOW_MAX_MISALIGNEMENTS", "2")))
            .isInstanceOf(ConfigException.class).hasMessageContaining("RINGWALL_SHADOW_MAX_MISALIGNEMENTS");
    }

    @Test
    void aShadowSessionsManifestRebuildsItsSettingsAndAPlainOneNamesNone()
    {
        final LogicConfig plain = LogicConfig.unrestricted(List.of("BTCUSD"), List.of("ma-crossover"), 1, 8);
        final LogicConfig shadow = plain.withShadow(new ShadowSettings(true, 70_000, 4, 850_000, 30,
            List.of("ma-crossover:fast=10")));

        assertThat(plain.toManifest()).allSatisfy((key, value) -> assertThat(key).doesNotStartWith("logic.shadow"));
        assertThat(LogicConfig.fromManifest(plain.toManifest()).shadow()).isEqualTo(ShadowSettings.OFF);
        assertThat(LogicConfig.fromManifest(shadow.toManifest()).shadow()).isEqualTo(shadow.shadow());
        assertThat(LogicConfig.fromManifest(shadow.toManifest()).twinStrategySpecs())
            .containsExactly("ma-crossover:fast=10");
        assertThatThrownBy(() -> plain.withShadow(ShadowSettings.OFF.on(List.of("a", "b"))))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 twin strategies for 1 strategies");
    }
}
