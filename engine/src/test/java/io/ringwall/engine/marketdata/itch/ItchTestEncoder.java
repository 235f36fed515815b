package io.ringwall.engine.marketdata.itch;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Test side: writes a TotalView-ITCH 5.0 message field after field in the specification's order (big-endian,
 * alpha fields right-padded with spaces), independently of the decoder's offset constants, so a decoder offset
 * that disagrees with the specification's layout fails the tests.
 */
public final class ItchTestEncoder
{
    private final ByteBuffer out = ByteBuffer.allocate(128).order(ByteOrder.BIG_ENDIAN);

    private ItchTestEncoder()
    {
    }

    /** Starts a message: type, stock locate, tracking number, 6-byte timestamp in nanoseconds since midnight. */
    public static ItchTestEncoder message(final char type, final int stockLocate, final int trackingNumber,
        final long timestampNs)
    {
        final ItchTestEncoder encoder = new ItchTestEncoder();
        encoder.out.put((byte)type);
        encoder.u16(stockLocate).u16(trackingNumber).u48(timestampNs);
        return encoder;
    }

    public ItchTestEncoder u16(final int value)
    {
        out.putShort((short)value);
        return this;
    }

    public ItchTestEncoder u32(final long value)
    {
        out.putInt((int)value);
        return this;
    }

    public ItchTestEncoder u48(final long value)
    {
        out.putShort((short)(value >>> 32));
        out.putInt((int)value);
        return this;
    }

    public ItchTestEncoder u64(final long value)
    {
        out.putLong(value);
        return this;
    }

    /** One-byte alpha field. */
    public ItchTestEncoder alpha(final char value)
    {
        out.put((byte)value);
        return this;
    }

    /** Alpha field of {@code width} bytes, right-padded with spaces. */
    public ItchTestEncoder alpha(final String value, final int width)
    {
        final byte[] padded = new byte[width];
        Arrays.fill(padded, (byte)' ');
        final byte[] text = value.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(text, 0, padded, 0, text.length);
        out.put(padded);
        return this;
    }

    public byte[] bytes()
    {
        return Arrays.copyOf(out.array(), out.position());
    }
}
