package io.ringwall.engine.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 18, point 7: {@code reconciliation.mode: full | orders-only | off}, a key of the base file like any other,
 * kept out of the session manifest; {@code off} is a start-up error in production that names where it came from.
 */
class ReconciliationModeConfigTest
{
    @TempDir
    Path dir;

    @Test
    void theBaseFileSaysFullAndAnOverrideChangesIt()
    {
        assertThat(ConfigLoader.load(ConfigLoader.DEFAULT_LOCATION, "development", Map.of()).reconciliationMode())
            .isEqualTo(ReconciliationMode.FULL);
        assertThat(ConfigLoader.load(ConfigLoader.DEFAULT_LOCATION, "production",
            Map.of("RINGWALL_RECONCILIATION_MODE", "orders-only")).reconciliationMode())
            .isEqualTo(ReconciliationMode.ORDERS_ONLY);
        assertThat(ConfigLoader.load(ConfigLoader.DEFAULT_LOCATION, "development",
            Map.of("RINGWALL_RECONCILIATION_MODE", "off")).reconciliationMode()).isEqualTo(ReconciliationMode.OFF);
        final LoadedConfig config = ConfigLoader.load(ConfigLoader.DEFAULT_LOCATION, "development", Map.of());
        assertThat(ConfigManifest.toProperties(config.risk(), config.breakers(), config.instruments()).keySet())
            .noneMatch(key -> key.startsWith("reconciliation."));
    }

    @Test
    void anUnknownModeIsRefusedWithTheAllowedOnes()
    {
        assertThatThrownBy(() -> ConfigLoader.load(ConfigLoader.DEFAULT_LOCATION, "development",
            Map.of("RINGWALL_RECONCILIATION_MODE", "positions")))
            .isInstanceOf(ConfigException.class)
            .hasMessageContaining("reconciliation.mode").hasMessageContaining("full | orders-only | off");
    }

    @Test
    void offIsRefusedInProductionNamingTheVariable()
    {
        assertThatThrownBy(() -> ConfigLoader.load(ConfigLoader.DEFAULT_LOCATION, "production",
            Map.of("RINGWALL_RECONCILIATION_MODE", "off")))
            .isInstanceOf(ConfigException.class)
            .hasMessage("environment variable RINGWALL_RECONCILIATION_MODE: reconciliation.mode = off is not allowed " +
                "in production: the venue's positions and open orders must be reconciled (full or orders-only)");
        // staging may rehearse without it
        assertThat(ConfigLoader.load(ConfigLoader.DEFAULT_LOCATION, "staging",
            Map.of("RINGWALL_RECONCILIATION_MODE", "off")).reconciliationMode()).isEqualTo(ReconciliationMode.OFF);
    }

    @Test
    void offIsRefusedInProductionNamingTheFile() throws IOException
    {
        for (final String name : List.of("ringwall.yaml", "ringwall-production.yaml", "instruments.yaml"))
        {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream("ringwall/config/" + name))
            {
                Files.write(dir.resolve(name), in.readAllBytes());
            }
        }
        Files.writeString(dir.resolve("ringwall-production.yaml"), "reconciliation:\n  mode: off\n");
        assertThatThrownBy(() -> ConfigLoader.load(dir.toString(), "production", Map.of()))
            .isInstanceOf(ConfigException.class)
            .hasMessageStartingWith(dir.resolve("ringwall-production.yaml") + ": reconciliation.mode = off is not " +
                "allowed in production");
    }
}
