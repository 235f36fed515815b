package io.ringwall.tools;

import java.util.Arrays;
import java.util.Set;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ringwall.engine.frames.FrameShapes;
import org.agrona.concurrent.UnsafeBuffer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The journal printer's frame decoding ({@link FrameCatalog#describe}, what {@code ringwall journal} and the replay
 * verifier print) on arbitrary frames. The fuzzer's bytes are one frame, placed inside a larger record buffer
 * filled with other bytes, as a journal reader hands it over.
 *
 * <p>What is correct: {@code describe} returns for every frame. A well-formed frame of any template of the schema
 * ({@code FrameShapes}) is printed by its name and fields; one of another schema or template is "unknown frame
 * (...)", and any other malformed one "malformed frame (...)". The text depends on the frame's bytes alone: the
 * same frame in a buffer of exactly its length prints the same. Seeds: {@code FrameCatalogFuzzTestInputs/describe/}.
 */
class FrameCatalogFuzzTest
{
    private static final Set<Integer> TEMPLATES = FrameShapes.allTemplates();
    private final FrameCatalog catalog = new FrameCatalog();

    @FuzzTest
    void describe(final FuzzedDataProvider data)
    {
        final byte[] frame = data.consumeRemainingAsBytes();
        final byte[] record = new byte[frame.length + 96];
        Arrays.fill(record, (byte)0x5A);
        System.arraycopy(frame, 0, record, 32, frame.length);

        final String text = catalog.describe(new UnsafeBuffer(record), 32, frame.length);

        assertThat(catalog.describe(new UnsafeBuffer(frame), 0, frame.length)).isEqualTo(text);
        final String problem = FrameShapes.problem(frame, TEMPLATES);
        if (problem == null)
        {
            final int templateId = (frame[2] & 0xFF) | (frame[3] & 0xFF) << 8;
            assertThat(text).startsWith(catalog.name(templateId) + " ").doesNotContain("Unknown value");
        }
        else if (problem.equals("not a frame of this schema"))
        {
            assertThat(text).startsWith("unknown frame (");
        }
        else
        {
            assertThat(text).as("malformed: %s", problem).startsWith("malformed frame (");
        }
    }
}
