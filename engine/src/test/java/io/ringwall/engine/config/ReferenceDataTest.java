package io.ringwall.engine.config;

import java.nio.file.Path;
import java.util.List;

import io.ringwall.engine.Fixed;
import io.ringwall.journal.ReferenceDataMap;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReferenceDataTest
{
    /** Ids 0..n-1 by position; the map's hash order is not this order. */
    static final List<InstrumentSpec> INSTRUMENTS = List.of(
        new InstrumentSpec("BTCUSD", "crypto", 1_000_000, 100, 12_000 * Fixed.QUANTITY_SCALE, 50_000),
        new InstrumentSpec("AAPL", "technology", Fixed.QUANTITY_SCALE, 100, 55_000_000 * Fixed.QUANTITY_SCALE, 0),
        new InstrumentSpec("ETHUSD", "crypto", 10_000_000, 1, 0, 100_000),
        InstrumentSpec.unrestricted("ES-2026Z"));

    @TempDir
    Path dir;

    @Test
    void publishedInstrumentsReadBackFromAFreshMapInIdOrder()
    {
        final Path file = dir.resolve("reference-data.cmap");
        ReferenceData.publish(file, INSTRUMENTS);

        assertThat(ReferenceData.read(file)).containsExactlyElementsOf(INSTRUMENTS);

        ReferenceData.publish(file, INSTRUMENTS.subList(0, 1));
        assertThat(ReferenceData.read(file)).containsExactly(INSTRUMENTS.get(0));
    }

    @Test
    void aDuplicateSymbolOrAForeignEntryIsRefused()
    {
        final Path file = dir.resolve("reference-data.cmap");
        assertThatThrownBy(() -> ReferenceData.publish(file, List.of(INSTRUMENTS.get(0), INSTRUMENTS.get(0))))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BTCUSD is listed twice");

        try (ReferenceDataMap map = ReferenceDataMap.createOrReplace(file, 1))
        {
            map.put("BTCUSD", new UnsafeBuffer(new byte[16]), 0, 16);
            map.commit();
        }
        assertThatThrownBy(() -> ReferenceData.read(file)).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("the entry of BTCUSD is not an InstrumentReference frame");
    }
}
