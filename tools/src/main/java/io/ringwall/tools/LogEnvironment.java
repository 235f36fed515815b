package io.ringwall.tools;

import java.util.Locale;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;

/**
 * The log level of an environment: development DEBUG, staging INFO, production WARN (anything else:
 * INFO). Sets the system properties the Log4j configuration reads ({@code ringwall.env},
 * {@code ringwall.log.level}, {@code ringwall.log.level.chronicle}) and re-reads the configuration, in
 * case a logger was made before the environment was known.
 */
final class LogEnvironment
{
    static final String ENV_PROPERTY = "ringwall.env";
    static final String LEVEL_PROPERTY = "ringwall.log.level";
    static final String CHRONICLE_LEVEL_PROPERTY = "ringwall.log.level.chronicle";

    private LogEnvironment()
    {
    }

    /**
     * @return the level name for {@code environment}.
     */
    static String level(final String environment)
    {
        return switch (environment.toLowerCase(Locale.ROOT))
        {
            case "development" -> "DEBUG";
            case "staging" -> "INFO";
            case "production" -> "WARN";
            default -> "INFO";
        };
    }

    /**
     * Applies {@code environment}'s level to every logger of the process.
     */
    static void apply(final String environment)
    {
        final String level = level(environment);
        System.setProperty(ENV_PROPERTY, environment);
        System.setProperty(LEVEL_PROPERTY, level);
        // Chronicle's DEBUG is its internals (file rolls, mappings): never below INFO for it.
        System.setProperty(CHRONICLE_LEVEL_PROPERTY, "DEBUG".equals(level) ? "INFO" : level);
        if (LogManager.getContext(false) instanceof LoggerContext context)
        {
            context.reconfigure();
        }
    }
}
