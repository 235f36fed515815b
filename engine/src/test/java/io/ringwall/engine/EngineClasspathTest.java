package io.ringwall.engine;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What must never reach the engine's classpath: DuckDB (the tools' {@code ringwall audit}) is a large native jar the
 * trading process has no use for.
 */
class EngineClasspathTest
{
    @Test
    void duckDbIsNotOnTheEnginesClasspath()
    {
        assertThatThrownBy(() -> Class.forName("org.duckdb.DuckDBDriver")).isInstanceOf(ClassNotFoundException.class);
    }
}
