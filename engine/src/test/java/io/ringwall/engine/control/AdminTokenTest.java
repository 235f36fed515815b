package io.ringwall.engine.control;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The endpoint refuses to start without a usable token, and no message or string form shows the token.
 */
class AdminTokenTest
{
    private static final String VARIABLE = AdminToken.ENVIRONMENT_VARIABLE;

    @Test
    void refusesToStartWithoutATokenOrWithAShortOne()
    {
        assertThatThrownBy(() -> AdminToken.fromEnvironment(Map.of()))
            .hasMessageContaining("set " + VARIABLE).hasMessageContaining("never read from a file");
        assertThatThrownBy(() -> AdminToken.fromEnvironment(Map.of(VARIABLE, "   ")))
            .hasMessageContaining("set " + VARIABLE);
        assertThatThrownBy(() -> AdminToken.fromEnvironment(Map.of(VARIABLE, "short-secret")))
            .hasMessageContaining("shorter than 16").hasMessageNotContaining("short-secret");
        assertThatThrownBy(() -> new ControlPlane.Settings("127.0.0.1", 0, null, false, 1_000))
            .hasMessageContaining(VARIABLE);
    }

    @Test
    void matchesOnlyTheExactTokenAndNeverPrintsIt()
    {
        final String secret = "0123456789abcdef-secret";
        final AdminToken token = AdminToken.fromEnvironment(Map.of(VARIABLE, secret));
        assertThat(token.matches(secret)).isTrue();
        assertThat(token.matches(secret + "x")).isFalse();
        assertThat(token.matches(secret.substring(1))).isFalse();
        assertThat(token.matches("")).isFalse();
        assertThat(token.matches(null)).isFalse();
        assertThat(token.containedIn("reason: " + secret + " oops")).isTrue();
        assertThat(token.toString()).doesNotContain(secret);
    }

    @Test
    void capitalScaleAndBreakerArgumentsAreCheckedBeforeAnythingIsJournaled()
    {
        assertThat(AdminCommand.capitalScale("0.35")).isEqualTo(3_500);
        assertThat(AdminCommand.capitalScale("1")).isEqualTo(10_000);
        assertThat(AdminCommand.capitalScale(new java.math.BigDecimal("0.1000"))).isEqualTo(1_000);
        for (final String bad : new String[] {"0", "-0.5", "1.0001", "0.00001", "half"})
        {
            assertThatThrownBy(() -> AdminCommand.capitalScale(bad)).hasMessageContaining("(0, 1]");
        }
        assertThat(AdminCommand.breaker("daily-loss")).isEqualTo(io.ringwall.codecs.BreakerType.DAILY_LOSS);
        assertThatThrownBy(() -> AdminCommand.breaker("NULL_VAL")).hasMessageContaining("is not one of");
        assertThatThrownBy(() -> AdminCommand.breaker(null)).hasMessageContaining("needs \"breaker\"");
    }
}
