package io.ringwall.tools.validation;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SensitivityTest
{
    @Test
    void aNeighbourLosingMoreThanTheShareIsACliff()
    {
        // a=1,2,3 (rows) x b=1,2 (columns), Sharpe:
        //   a=1: 1.0  0.9
        //   a=2: 1.0  0.4     a=2,b=1 -> a=2,b=2 loses 60 %; a=1,b=2 -> a=2,b=2 loses 56 %
        //   a=3: 0.0  0.45    a=2,b=1 -> a=3,b=1 and a=3,b=2 -> a=3,b=1 lose 100 %; a=3,b=1 (0) is never a start
        final StrategyGrid grid = StrategyGrid.parse("s", List.of("a=1,2,3", "b=1,2"));
        final double[] sharpes = {1.0, 0.9, 1.0, 0.4, 0.0, 0.45};

        final List<Sensitivity.Cliff> cliffs = Sensitivity.cliffs(grid, sharpes, 0.5);

        assertThat(cliffs).extracting(c -> grid.describe(c.fromPoint()) + " -> " + grid.describe(c.toPoint()))
            .containsExactly("a=1 b=2 -> a=2 b=2", "a=2 b=1 -> a=3 b=1", "a=2 b=1 -> a=2 b=2", "a=3 b=2 -> a=3 b=1");
        assertThat(cliffs.get(2).drop()).isCloseTo(0.6, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(Sensitivity.cliffs(grid, sharpes, 0.99)).hasSize(2);
    }

    @Test
    void aNegativeSharpeFallingFurtherIsADropToo()
    {
        final StrategyGrid grid = StrategyGrid.parse("s", List.of("a=1,2"));

        // from -1 to -2: (-1 - -2) / 1 = -1, a rise; from -2 to -1: (-2 - -1) / 2 = -0.5, a rise in Sharpe, no cliff
        assertThat(Sensitivity.cliffs(grid, new double[] {-1.0, -2.0}, 0.5)).extracting(Sensitivity.Cliff::fromPoint)
            .containsExactly(0);
    }
}
