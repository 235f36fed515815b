package io.ringwall.tools;

import java.time.Instant;
import java.util.Map;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.Layout;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.async.AsyncLoggerContext;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.message.SimpleMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped Log4j 2 configuration: async loggers, JSON lines, the level of the environment.
 */
class LogEnvironmentTest
{
    @AfterEach
    void backToTheDefaults()
    {
        System.clearProperty(LogEnvironment.ENV_PROPERTY);
        System.clearProperty(LogEnvironment.LEVEL_PROPERTY);
        System.clearProperty(LogEnvironment.CHRONICLE_LEVEL_PROPERTY);
        ThreadContext.clearMap();
        ((LoggerContext)LogManager.getContext(false)).reconfigure();
    }

    @Test
    void theLevelFollowsTheEnvironmentThroughSlf4j()
    {
        final org.slf4j.Logger logger = LoggerFactory.getLogger("io.ringwall.test");
        LogEnvironment.apply("development");
        assertThat(logger.isDebugEnabled()).isTrue();
        assertThat(LoggerFactory.getLogger("net.openhft.chronicle.queue").isDebugEnabled()).isFalse();
        assertThat(LoggerFactory.getLogger("net.openhft.chronicle.queue").isInfoEnabled()).isTrue();

        LogEnvironment.apply("staging");
        assertThat(logger.isDebugEnabled()).isFalse();
        assertThat(logger.isInfoEnabled()).isTrue();

        LogEnvironment.apply("production");
        assertThat(logger.isInfoEnabled()).isFalse();
        assertThat(logger.isWarnEnabled()).isTrue();
        assertThat(LoggerFactory.getLogger("net.openhft.chronicle.queue").isInfoEnabled()).isFalse();
    }

    @Test
    void loggersAreAsynchronous()
    {
        assertThat(LogManager.getContext(false)).isInstanceOf(AsyncLoggerContext.class);
    }

    @Test
    void aLogLineIsOneJsonObjectWithTimeLevelLoggerThreadMessageAndContext()
    {
        LogEnvironment.apply("staging");
        ThreadContext.put("session", "20261121-210000-000");
        final LoggerContext context = (LoggerContext)LogManager.getContext(false);
        final Layout<?> layout = context.getConfiguration().getAppender("Console").getLayout();
        final Log4jLogEvent event = Log4jLogEvent.newBuilder()
            .setLoggerName("io.ringwall.engine.Engine")
            .setLevel(Level.WARN)
            .setMessage(new SimpleMessage("journal \"in\" is 90% full"))
            .setThreadName("ringwall-main")
            .setTimeMillis(1_700_000_000_123L)
            .setContextData(org.apache.logging.log4j.core.impl.ContextDataFactory.createContextData(
                ThreadContext.getImmutableContext()))
            .build();
        final String line = new String(layout.toByteArray(event), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(line).endsWith("\n").hasLineCount(1);

        @SuppressWarnings("unchecked")
        final Map<String, Object> json = (Map<String, Object>)new Load(LoadSettings.builder().build())
            .loadFromString(line);
        assertThat(Instant.parse((String)json.get("time"))).isEqualTo(Instant.ofEpochMilli(1_700_000_000_123L));
        assertThat(json).containsEntry("level", "WARN").containsEntry("logger", "io.ringwall.engine.Engine")
            .containsEntry("thread", "ringwall-main").containsEntry("message", "journal \"in\" is 90% full")
            .containsEntry("env", "staging").containsEntry("context", Map.of("session", "20261121-210000-000"));
    }
}
