package io.ringwall.tools.validation;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WalkForwardWindowsTest
{
    @Test
    void rollingWindowsTrainOnTheSliceRightBeforeTheirTest()
    {
        // data [100, 200): train 30, test 20, 3 windows: tests [130,150) [150,170) [170,190)
        final List<WalkForwardWindows.Window> windows = WalkForwardWindows.of(100, 200, 3, 30, 20, false);

        assertThat(windows).containsExactly(
            new WalkForwardWindows.Window(0, 100, 130, 150),
            new WalkForwardWindows.Window(1, 120, 150, 170),
            new WalkForwardWindows.Window(2, 140, 170, 190));
    }

    @Test
    void anchoredWindowsTrainFromTheStartOfTheData()
    {
        final List<WalkForwardWindows.Window> windows = WalkForwardWindows.of(100, 200, 3, 30, 20, true);

        assertThat(windows).containsExactly(
            new WalkForwardWindows.Window(0, 100, 130, 150),
            new WalkForwardWindows.Window(1, 100, 150, 170),
            new WalkForwardWindows.Window(2, 100, 170, 190));
        assertThat(windows.get(2).testFromNs()).isEqualTo(170);
    }

    @Test
    void windowsThatDoNotFitAreRefused()
    {
        assertThat(WalkForwardWindows.of(0, 100, 4, 20, 20, false)).hasSize(4);
        assertThatThrownBy(() -> WalkForwardWindows.of(0, 100, 5, 20, 20, false)).hasMessageContaining("need");
        assertThatThrownBy(() -> WalkForwardWindows.of(0, 100, 0, 20, 20, false)).hasMessageContaining("at least 1");
    }
}
