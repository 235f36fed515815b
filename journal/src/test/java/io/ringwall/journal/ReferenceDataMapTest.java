package io.ringwall.journal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReferenceDataMapTest
{
    @TempDir
    Path dir;

    @Test
    void committedEntriesReadBackInAnotherInstanceAndAReplacementLeavesOpenReadersIntact()
    {
        final Path file = dir.resolve("reference-data.cmap");
        publish(file, Map.of("BTCUSD", "frame of btc", "AAPL", "frame of apple, a little longer than the other"));

        try (ReferenceDataMap reader = ReferenceDataMap.openReadOnly(file))
        {
            assertThat(reader.size()).isEqualTo(2);
            assertThat(contents(reader)).containsExactly(Map.entry("AAPL", "frame of apple, a little longer than the other"),
                Map.entry("BTCUSD", "frame of btc"));

            publish(file, Map.of("ETHUSD", "frame of eth"));

            assertThat(contents(reader)).containsOnlyKeys("AAPL", "BTCUSD");
        }
        // Reopened after the old instance closed: Chronicle shares one handle per path within a JVM.
        try (ReferenceDataMap reader = ReferenceDataMap.openReadOnly(file))
        {
            assertThat(contents(reader)).containsExactly(Map.entry("ETHUSD", "frame of eth"));
        }
        assertThat(dir.resolve("reference-data.cmap.tmp")).doesNotExist();
    }

    @Test
    void anUncommittedMapIsDiscardedAndTheOldOneStays()
    {
        final Path file = dir.resolve("ref.cmap");
        publish(file, Map.of("BTCUSD", "old"));
        try (ReferenceDataMap writer = ReferenceDataMap.createOrReplace(file, 4))
        {
            put(writer, "BTCUSD", "new, but the writer fails before committing");
        }
        assertThat(dir.resolve("ref.cmap.tmp")).doesNotExist();
        try (ReferenceDataMap reader = ReferenceDataMap.openReadOnly(file))
        {
            assertThat(contents(reader)).containsExactly(Map.entry("BTCUSD", "old"));
        }
    }

    @Test
    void misuseIsRefusedWithTheFileNamed() throws Exception
    {
        final Path file = dir.resolve("ref.cmap");
        try (ReferenceDataMap writer = ReferenceDataMap.createOrReplace(file, 2))
        {
            put(writer, "A", "a");
            put(writer, "B", "b");
            put(writer, "B", "b again: a replacement does not grow the map");
            assertThatThrownBy(() -> put(writer, "C", "c")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is full: 2 entries");
            assertThatThrownBy(() -> writer.put("D", new UnsafeBuffer(new byte[2000]), 0, 2000))
                .hasMessageContaining("frame of D is 2000 bytes");
            writer.commit();
            assertThatThrownBy(() -> put(writer, "E", "e")).hasMessageContaining("is closed");
        }
        try (ReferenceDataMap reader = ReferenceDataMap.openReadOnly(file))
        {
            assertThatThrownBy(() -> put(reader, "A", "a")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is read-only");
        }
        assertThatThrownBy(() -> ReferenceDataMap.openReadOnly(dir.resolve("missing.cmap")))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no reference-data map at");

        final Path garbage = Files.writeString(dir.resolve("garbage.cmap"), "not a chronicle map");
        assertThatThrownBy(() -> ReferenceDataMap.openReadOnly(garbage))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot open reference-data map");
    }

    private static void publish(final Path file, final Map<String, String> entries)
    {
        try (ReferenceDataMap writer = ReferenceDataMap.createOrReplace(file, entries.size()))
        {
            entries.forEach((symbol, text) -> put(writer, symbol, text));
            writer.commit();
        }
    }

    private static void put(final ReferenceDataMap map, final String symbol, final String text)
    {
        final byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[bytes.length + 10]);
        buffer.putBytes(5, bytes);
        map.put(symbol, buffer, 5, bytes.length);
    }

    private static Map<String, String> contents(final ReferenceDataMap map)
    {
        final Map<String, String> entries = new TreeMap<>();
        map.forEach((symbol, frame) -> entries.put(symbol, frame.getStringWithoutLengthUtf8(0, frame.capacity())));
        return entries;
    }
}
