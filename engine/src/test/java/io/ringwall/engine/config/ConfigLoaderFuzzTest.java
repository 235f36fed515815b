package io.ringwall.engine.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The YAML configuration loader ({@link ConfigLoader#load}) on arbitrary file contents. The shipped configuration
 * is copied to a directory; the fuzzer's first byte picks which of its files to replace (the base, the development
 * overlay, instruments.yaml or market.yaml) and the rest of its bytes are that file's new contents.
 *
 * <p>What is correct: the load returns a configuration, or throws a {@link ConfigException} whose message starts
 * with the file it is about (the operator must learn which file and key). Anything else out of the loader (a
 * ClassCastException, a StackOverflowError, the YAML library's own exceptions) is a finding. Seeds:
 * {@code ConfigLoaderFuzzTestInputs/load/}, a selector byte then a file.
 */
class ConfigLoaderFuzzTest
{
    private static final List<String> FILES = List.of(ConfigLoader.BASE_FILE, ConfigLoader.overlayFile("development"),
        ConfigLoader.INSTRUMENTS_FILE, MarketFile.FILE);
    private static final List<String> SHIPPED = List.of(ConfigLoader.BASE_FILE, "ringwall-development.yaml",
        "ringwall-staging.yaml", "ringwall-production.yaml", ConfigLoader.INSTRUMENTS_FILE, MarketFile.FILE);
    private static Path dir;
    private static byte[][] originals;

    @BeforeAll
    static void copyShippedConfiguration() throws IOException
    {
        dir = Files.createTempDirectory("config-fuzz");
        for (final String file : SHIPPED)
        {
            try (InputStream in = ConfigLoaderFuzzTest.class.getClassLoader().getResourceAsStream("ringwall/config/" + file))
            {
                Files.write(dir.resolve(file), in.readAllBytes());
            }
        }
        originals = new byte[FILES.size()][];
        for (int i = 0; i < FILES.size(); i++)
        {
            originals[i] = Files.readAllBytes(dir.resolve(FILES.get(i)));
        }
        // The copy loads as shipped: a refusal below is the fuzzed file's doing.
        ConfigLoader.load(dir.toString(), "development", Map.of());
    }

    @AfterAll
    static void deleteDirectory() throws IOException
    {
        for (final String file : SHIPPED)
        {
            Files.deleteIfExists(dir.resolve(file));
        }
        Files.delete(dir);
    }

    @FuzzTest
    void load(final FuzzedDataProvider data) throws IOException
    {
        final byte[] bytes = data.consumeRemainingAsBytes();
        if (bytes.length == 0)
        {
            return;
        }
        final int which = (bytes[0] & 0xFF) % FILES.size();
        final Path file = dir.resolve(FILES.get(which));
        Files.write(file, Arrays.copyOfRange(bytes, 1, bytes.length));
        try
        {
            final LoadedConfig config = ConfigLoader.load(dir.toString(), "development", Map.of());
            assertThat(config.instruments()).isNotEmpty();
            assertThat(config.sources()).contains(dir.resolve(ConfigLoader.BASE_FILE).toString());
        }
        catch (final ConfigException ex)
        {
            assertThat(ex.getMessage()).isNotBlank();
            if (FILES.stream().noneMatch(name -> ex.getMessage().startsWith(dir.resolve(name) + ":")))
            {
                fail("the refusal does not start with the file it is about: " + ex.getMessage(), ex);
            }
        }
        finally
        {
            Files.write(file, originals[which]);
        }
    }
}
