package io.ringwall.engine.config;

/**
 * A configuration that must not be traded with. The message is for an operator: it names the file or
 * environment variable, the key, the offending value and what is allowed, e.g.
 * {@code ringwall-production.yaml: risk.max-order-notional = -5 is not allowed: money >= 0}.
 */
public final class ConfigException extends IllegalArgumentException
{
    private static final long serialVersionUID = 1L;

    public ConfigException(final String message)
    {
        super(message);
    }

    public ConfigException(final String message, final Throwable cause)
    {
        super(message, cause);
    }
}
