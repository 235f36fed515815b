package io.ringwall.engine.marketdata.itch;

import java.nio.ByteOrder;

import org.agrona.DirectBuffer;

/**
 * Reads the field types of TotalView-ITCH 5.0: big-endian unsigned integers of 2, 4, 6 and 8 bytes and
 * space-padded ASCII ("alpha") fields. Static and allocation-free, shared by every message flyweight.
 */
public final class ItchFields
{
    /** Implied decimals of a Price(4) field. */
    public static final int PRICE4_DECIMALS = 4;
    /** Implied decimals of a Price(8) field (the MWCB decline levels). */
    public static final int PRICE8_DECIMALS = 8;
    /** Nanoseconds in a day: a timestamp at or past this is not a time of day. */
    public static final long NANOS_PER_DAY = 86_400_000_000_000L;

    private static final ByteOrder BIG_ENDIAN = ByteOrder.BIG_ENDIAN;

    private ItchFields()
    {
    }

    /** Unsigned 2-byte integer. */
    public static int uint16(final DirectBuffer buffer, final int index)
    {
        return buffer.getShort(index, BIG_ENDIAN) & 0xFFFF;
    }

    /** Unsigned 4-byte integer, in a long so values past 2^31 stay positive. */
    public static long uint32(final DirectBuffer buffer, final int index)
    {
        return buffer.getInt(index, BIG_ENDIAN) & 0xFFFF_FFFFL;
    }

    /** Unsigned 6-byte integer (the timestamp). */
    public static long uint48(final DirectBuffer buffer, final int index)
    {
        return ((long)uint16(buffer, index) << 32) | uint32(buffer, index + 2);
    }

    /** 8-byte integer; ITCH's are unsigned but none reaches 2^63 (shares, reference numbers, nanoseconds). */
    public static long int64(final DirectBuffer buffer, final int index)
    {
        return buffer.getLong(index, BIG_ENDIAN);
    }

    /** An 8-byte alpha field as one big-endian number (the raw bytes, padding included). */
    public static long alpha8(final DirectBuffer buffer, final int index)
    {
        return buffer.getLong(index, BIG_ENDIAN);
    }

    /** A 4-byte alpha field as one big-endian number. */
    public static int alpha4(final DirectBuffer buffer, final int index)
    {
        return buffer.getInt(index, BIG_ENDIAN);
    }

    /** A 2-byte alpha field as one big-endian number. */
    public static int alpha2(final DirectBuffer buffer, final int index)
    {
        return uint16(buffer, index);
    }

    /**
     * The number an alpha field of {@code width} bytes holding {@code text} reads as: the text's ASCII bytes,
     * right-padded with spaces, big-endian. For filters built once, off the hot path.
     *
     * @throws IllegalArgumentException when the text is longer than the field or not printable ASCII.
     */
    public static long alphaCode(final CharSequence text, final int width)
    {
        if (width < 1 || width > 8 || text.length() > width)
        {
            throw new IllegalArgumentException("'" + text + "' does not fit an ITCH alpha field of " + width + " bytes");
        }
        long code = 0;
        for (int i = 0; i < width; i++)
        {
            final char c = i < text.length() ? text.charAt(i) : ' ';
            if (c < 0x20 || c > 0x7E)
            {
                throw new IllegalArgumentException("'" + text + "' is not printable ASCII (ITCH alpha fields are)");
            }
            code = (code << 8) | c;
        }
        return code;
    }

    /** Appends an alpha field of {@code width} bytes without its trailing spaces. */
    public static StringBuilder appendAlpha(
        final DirectBuffer buffer, final int index, final int width, final StringBuilder destination)
    {
        int end = width;
        while (end > 0 && buffer.getByte(index + end - 1) == ' ')
        {
            end--;
        }
        for (int i = 0; i < end; i++)
        {
            destination.append((char)(buffer.getByte(index + i) & 0xFF));
        }
        return destination;
    }

    /** Appends an 8-byte alpha code (from {@link #alpha8} or {@link #alphaCode}) without its trailing spaces. */
    public static StringBuilder appendAlphaCode(final long code, final StringBuilder destination)
    {
        int end = 8;
        while (end > 0 && ((code >>> ((8 - end) * 8)) & 0xFF) == ' ')
        {
            end--;
        }
        for (int i = 0; i < end; i++)
        {
            destination.append((char)((code >>> ((7 - i) * 8)) & 0xFF));
        }
        return destination;
    }
}
