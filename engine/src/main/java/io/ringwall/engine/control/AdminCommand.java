package io.ringwall.engine.control;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import io.ringwall.codecs.BreakerType;
import io.ringwall.codecs.OperatorCommandType;

/**
 * The operator commands the admin endpoint takes ({@code POST /commands/NAME}) and what each needs.
 */
public enum AdminCommand
{
    HALT("halt", OperatorCommandType.HALT),
    RESUME("resume", OperatorCommandType.RESUME),
    RESET_BREAKER("reset-breaker", OperatorCommandType.RESET_BREAKER),
    SET_CAPITAL_SCALE("set-capital-scale", OperatorCommandType.SET_CAPITAL_SCALE),
    FLATTEN("flatten", OperatorCommandType.FLATTEN),
    CANCEL_ALL("cancel-all", OperatorCommandType.CANCEL_ALL),
    SNAPSHOT_NOW("snapshot-now", OperatorCommandType.SNAPSHOT_NOW),
    SHUTDOWN("shutdown", OperatorCommandType.SHUTDOWN);

    /** Operator names and reasons longer than this are refused rather than cut short in the journal. */
    public static final int MAX_TEXT_BYTES = io.ringwall.engine.frames.InputEncoder.MAX_TEXT_BYTES;

    private final String path;
    private final OperatorCommandType type;

    AdminCommand(final String path, final OperatorCommandType type)
    {
        this.path = path;
        this.type = type;
    }

    /** @return the name in the URL and in {@code ringwall ctl}'s messages. */
    public String path()
    {
        return path;
    }

    public OperatorCommandType type()
    {
        return type;
    }

    /** @return the command named {@code path}, or null. */
    public static AdminCommand byPath(final String path)
    {
        for (final AdminCommand command : values())
        {
            if (command.path.equals(path))
            {
                return command;
            }
        }
        return null;
    }

    /** @return "halt, resume, ..." */
    public static String names()
    {
        return Arrays.stream(values()).map(AdminCommand::path).collect(Collectors.joining(", "));
    }

    /**
     * @return the breaker a reset names: DRAWDOWN, drawdown and daily-loss style all work.
     * @throws IllegalArgumentException naming the breakers there are.
     */
    public static BreakerType breaker(final String name)
    {
        final String valid = Arrays.stream(BreakerType.values()).filter(t -> t != BreakerType.NULL_VAL)
            .map(Enum::name).collect(Collectors.joining(", "));
        if (name == null || name.isBlank())
        {
            throw new IllegalArgumentException("reset-breaker needs \"breaker\": one of " + valid);
        }
        try
        {
            final BreakerType type = BreakerType.valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
            if (type != BreakerType.NULL_VAL)
            {
                return type;
            }
        }
        catch (final IllegalArgumentException ignore)
        {
            // answered below with the valid names
        }
        throw new IllegalArgumentException("breaker \"" + name + "\" is not one of " + valid);
    }

    /**
     * @return a capital scale in 1/10000 of normal size, from a decimal in (0, 1] with at most 4 decimals.
     * @throws IllegalArgumentException otherwise.
     */
    public static long capitalScale(final Object value)
    {
        final String rule = "set-capital-scale needs \"value\": a decimal in (0, 1] with at most 4 decimals, e.g. 0.35";
        if (value == null)
        {
            throw new IllegalArgumentException(rule);
        }
        final BigDecimal scale;
        try
        {
            scale = new BigDecimal(value.toString().trim());
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException(rule + "; got \"" + value + "\"");
        }
        if (scale.signum() <= 0 || scale.compareTo(BigDecimal.ONE) > 0 || scale.stripTrailingZeros().scale() > 4)
        {
            throw new IllegalArgumentException(rule + "; got " + value);
        }
        return scale.movePointRight(4).longValueExact();
    }
}
