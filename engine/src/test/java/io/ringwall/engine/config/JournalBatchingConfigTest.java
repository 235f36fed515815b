package io.ringwall.engine.config;

import java.util.Map;

import io.ringwall.engine.ring.JournalBatching;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 25: {@code journal.batch-bytes} and {@code journal.batch-delay} bound a journal document; keys of the base
 * file like any other, kept out of the session manifest (grouping records into documents changes no record).
 */
class JournalBatchingConfigTest
{
    @Test
    void theBaseFileHoldsTheDefaultsAndOverridesChangeThem()
    {
        assertThat(ConfigLoader.load(ConfigLoader.DEFAULT_LOCATION, "development", Map.of()).journalBatching())
            .isEqualTo(JournalBatching.DEFAULTS);
        assertThat(ConfigLoader.load(ConfigLoader.DEFAULT_LOCATION, "production",
            Map.of("RINGWALL_JOURNAL_BATCH_BYTES", "1", "RINGWALL_JOURNAL_BATCH_DELAY", "20us")).journalBatching())
            .isEqualTo(new JournalBatching(1, 20_000));
        final LoadedConfig config = ConfigLoader.load(ConfigLoader.DEFAULT_LOCATION, "development", Map.of());
        assertThat(ConfigManifest.toProperties(config.risk(), config.breakers(), config.instruments()).keySet())
            .noneMatch(key -> key.startsWith("journal."));
    }

    @Test
    void boundsOutsideTheirRangesAreRefusedNamingTheKey()
    {
        assertThatThrownBy(() -> ConfigLoader.load(ConfigLoader.DEFAULT_LOCATION, "development",
            Map.of("RINGWALL_JOURNAL_BATCH_BYTES", "0")))
            .isInstanceOf(ConfigException.class)
            .hasMessageContaining("journal.batch-bytes").hasMessageContaining("1..262144");
        assertThatThrownBy(() -> ConfigLoader.load(ConfigLoader.DEFAULT_LOCATION, "development",
            Map.of("RINGWALL_JOURNAL_BATCH_DELAY", "2s")))
            .isInstanceOf(ConfigException.class)
            .hasMessageContaining("journal.batch-delay");
    }
}
