package io.ringwall.tools;

import java.util.Locale;
import java.util.function.Supplier;

import io.ringwall.codecs.BreakerState;
import io.ringwall.codecs.BreakerType;
import io.ringwall.codecs.RiskRejectReason;
import io.ringwall.engine.Fixed;
import io.ringwall.engine.logic.PreMarketCheck;

/**
 * The one table of the units in which the engine journals its risk and breaker figures (RiskReject
 * {@code limitValue}/{@code observedValue}, BreakerStateChange {@code observedValue}/{@code thresholdValue}),
 * and their text. The engine writes bare integers so that its hot path never formats; tools read them here.
 * The switches have no default: a reason or breaker added to the schema does not compile until it has a unit.
 */
public final class RiskFigures
{
    /** How a journaled figure reads. */
    enum Unit
    {
        /** The check or breaker journals no figure. */
        NONE,
        /** Quantity units, 8 implied decimals. */
        QUANTITY,
        /** Price units, 4 implied decimals. */
        PRICE,
        /** Money in price units, 4 implied decimals. */
        MONEY,
        /** A plain count (orders, rejects, instrument ids). */
        COUNT,
        /** A fraction in parts per million, shown as a percentage. */
        PPM,
        /** Nanoseconds, shown in seconds. */
        DURATION_NS,
        /** TRADING_HALTED: limit = the BreakerType value of the breaker that halts, observed = its BreakerState value. */
        BREAKER,
        /** INSTRUMENT_HALTED: observed = the instrument's InstrumentTradingState value at its exchange. */
        TRADING_STATE;

        String format(final long value)
        {
            return switch (this)
            {
                case NONE, COUNT, BREAKER -> Long.toString(value);
                case TRADING_STATE -> tradingStateName(value);
                case QUANTITY -> Fixed.format(value, Fixed.QUANTITY_DECIMALS);
                case PRICE, MONEY -> Fixed.format(value, Fixed.PRICE_DECIMALS);
                case PPM -> percent(value);
                case DURATION_NS -> Fixed.format(value, 9) + "s";
            };
        }
    }

    private RiskFigures()
    {
    }

    static Unit unitOf(final RiskRejectReason reason)
    {
        return switch (reason)
        {
            case TRADING_HALTED -> Unit.BREAKER;
            case INSTRUMENT_HALTED -> Unit.TRADING_STATE;
            case INVALID_QUANTITY, MIN_QUANTITY, MAX_QUANTITY, LOT_SIZE, POSITION_QUANTITY, PARTICIPATION,
                REDUCING_ONLY -> Unit.QUANTITY;
            case INVALID_PRICE, TICK_SIZE -> Unit.PRICE;
            case MAX_ORDER_NOTIONAL, POSITION_EQUITY, SECTOR_EXPOSURE, GROSS_LEVERAGE, NET_EXPOSURE,
                BUYING_POWER -> Unit.MONEY;
            case ORDERS_PER_DAY, ORDER_RATE, ORDER_TABLE_FULL, TOO_MANY_ORDERS_FOR_INPUT,
                UNKNOWN_INSTRUMENT -> Unit.COUNT;
            case PRICE_COLLAR -> Unit.PPM;
            case DUPLICATE_ORDER -> Unit.DURATION_NS;
            case NO_MARKET_PRICE, NO_INPUT, NULL_VAL -> Unit.NONE;
        };
    }

    /** The largest shadow.max-misalignments (ConfigCatalogue). */
    private static final long MAX_SHADOW_MISALIGNMENTS = 1_000;

    static Unit unitOf(final BreakerType type)
    {
        return switch (type)
        {
            case DRAWDOWN, MARKET_MOVE -> Unit.PPM;
            case DAILY_LOSS -> Unit.MONEY;
            case ORDER_RATE, VENUE_REJECT_RATE, VENUE -> Unit.COUNT;
            case STALE_DATA -> Unit.DURATION_NS;
            case OVERFILL -> Unit.QUANTITY;
            // two figures; breakerFigures tells them apart
            case SHADOW -> Unit.COUNT;
            case KILL_SWITCH, RECONCILIATION, PRE_MARKET, NULL_VAL -> Unit.NONE;
        };
    }

    /**
     * @return "limit L observed O" in the reason's unit, "halted by BREAKER" for TRADING_HALTED, "" for none.
     */
    static String rejectFigures(final RiskRejectReason reason, final long limitValue, final long observedValue)
    {
        final Unit unit = unitOf(reason);
        return switch (unit)
        {
            case NONE -> "";
            case BREAKER -> stateName(observedValue) + " by " + breakerName(limitValue);
            case TRADING_STATE -> "the exchange has it " + tradingStateName(observedValue);
            default -> "limit " + unit.format(limitValue) + " observed " + unit.format(observedValue);
        };
    }

    /**
     * @return "observed O threshold T" in the breaker's unit, "" for a breaker without figures.
     */
    static String breakerFigures(final BreakerType type, final long observedValue, final long thresholdValue)
    {
        if (type == BreakerType.PRE_MARKET)
        {
            return observedValue == 0 ? "" : "failed checks: " + PreMarketCheck.labels(observedValue);
        }
        if (type == BreakerType.SHADOW)
        {
            // shadow.max-misalignments is at most 1000 (a count); an execution-quality minimum is ppm, and one of 1000
            // ppm (0.1 %) or less would never be met by a quality that low anyway
            return thresholdValue > MAX_SHADOW_MISALIGNMENTS ?
                "execution quality " + percent(observedValue) + " under " + percent(thresholdValue) :
                "misaligned decisions in a row " + observedValue + " limit " + thresholdValue;
        }
        if (type == BreakerType.STALE_DATA && thresholdValue == 0)
        {
            // no age trip has a threshold of 0 (feed-max-age is at least 1 ns): the feed reported itself bad
            // (a FeedHealth input, which says whether it was a gap or silence)
            return "reported by the feed";
        }
        final Unit unit = unitOf(type);
        return unit == Unit.NONE ? "" :
            "observed " + unit.format(observedValue) + " threshold " + unit.format(thresholdValue);
    }

    /**
     * @return parts per million as a percentage: 125000 is "12.5%".
     */
    static String percent(final long ppm)
    {
        return Fixed.format(ppm, 4) + "%";
    }

    /** "halted", "paused", "quotation_only", "trading", or "state #n" for a value the schema does not name. */
    static String tradingStateName(final long value)
    {
        final io.ringwall.codecs.InstrumentTradingState state = isEnumValue(value) ?
            enumValue(() -> io.ringwall.codecs.InstrumentTradingState.get((short)value)) : null;
        return state == null ? "state #" + value : state.name().toLowerCase(Locale.ROOT);
    }

    /**
     * @return an exchange's reason code (4 ASCII bytes big-endian, as ITCH sends it) as text without its padding,
     *         e.g. "LUDP"; null for none (0 or blank).
     */
    public static String exchangeReason(final int code)
    {
        final StringBuilder text = new StringBuilder(4);
        for (int shift = 24; shift >= 0; shift -= 8)
        {
            final int c = (code >>> shift) & 0xFF;
            if (c != 0)
            {
                text.append(c >= 0x20 && c <= 0x7E ? (char)c : '?');
            }
        }
        final String reason = text.toString().strip();
        return reason.isEmpty() ? null : reason;
    }

    private static String breakerName(final long value)
    {
        final BreakerType type = isEnumValue(value) ? enumValue(() -> BreakerType.get((short)value)) : null;
        return type == null ? "breaker #" + value : type.name();
    }

    private static String stateName(final long value)
    {
        final BreakerState state = isEnumValue(value) ? enumValue(() -> BreakerState.get((short)value)) : null;
        return state == null ? "state #" + value : state.name().toLowerCase(Locale.ROOT);
    }

    /** A uint8 enum value; 255 is the schema's null value. */
    private static boolean isEnumValue(final long value)
    {
        return value >= 0 && value < 255;
    }

    /** The generated lookups throw on a value the schema does not name; a tool prints the number instead. */
    private static <E> E enumValue(final Supplier<E> lookup)
    {
        try
        {
            return lookup.get();
        }
        catch (final IllegalArgumentException ex)
        {
            return null;
        }
    }
}
