package io.ringwall.tools.validation;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StrategyGridTest
{
    @Test
    void everyCombinationTheFirstAxisVaryingSlowest()
    {
        final StrategyGrid grid = StrategyGrid.parse("ma-crossover:symbol=BTCUSD,fast=5,qty=0.5",
            List.of("fast=10,20", "slow=100,200,400"));

        assertThat(grid.size()).isEqualTo(6);
        assertThat(List.of(grid.spec(0), grid.spec(1), grid.spec(2), grid.spec(3), grid.spec(5))).containsExactly(
            "ma-crossover:symbol=BTCUSD,fast=10,qty=0.5,slow=100",
            "ma-crossover:symbol=BTCUSD,fast=10,qty=0.5,slow=200",
            "ma-crossover:symbol=BTCUSD,fast=10,qty=0.5,slow=400",
            "ma-crossover:symbol=BTCUSD,fast=20,qty=0.5,slow=100",
            "ma-crossover:symbol=BTCUSD,fast=20,qty=0.5,slow=400");
        assertThat(grid.parameters(4)).isEqualTo(Map.of("fast", "20", "slow", "200"));
        assertThat(grid.describe(4)).isEqualTo("fast=20 slow=200");
    }

    @Test
    void coordinatesAndPointsAreInverse()
    {
        final StrategyGrid grid = StrategyGrid.parse("s", List.of("a=1,2,3", "b=1,2", "c=1,2,3,4"));

        assertThat(grid.size()).isEqualTo(24);
        assertThat(grid.coordinates(23)).containsExactly(2, 1, 3);
        assertThat(grid.coordinates(5)).containsExactly(0, 1, 1);
        for (int point = 0; point < grid.size(); point++)
        {
            assertThat(grid.point(grid.coordinates(point))).isEqualTo(point);
        }
    }

    @Test
    void noAxesIsTheBaseSpecAlone()
    {
        final StrategyGrid grid = StrategyGrid.parse("mean-reversion:symbol=BTCUSD,window=200", List.of());

        assertThat(grid.size()).isEqualTo(1);
        assertThat(grid.spec(0)).isEqualTo("mean-reversion:symbol=BTCUSD,window=200");
        assertThat(grid.describe(0)).isEqualTo("(base)");
    }

    @Test
    void malformedAxesAreRefused()
    {
        assertThatThrownBy(() -> StrategyGrid.parse("s", List.of("fast"))).hasMessageContaining("param=a,b,c");
        assertThatThrownBy(() -> StrategyGrid.parse("s", List.of("fast=1,,2"))).hasMessageContaining("empty value");
        assertThatThrownBy(() -> StrategyGrid.parse("s", List.of("fast=1", "fast=2"))).hasMessageContaining("twice");
        assertThatThrownBy(() -> StrategyGrid.parse("s:fast", List.of())).hasMessageContaining("key=value");
    }
}
