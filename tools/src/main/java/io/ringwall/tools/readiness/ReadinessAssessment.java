package io.ringwall.tools.readiness;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Checks every readiness gate against the reports and sessions and recommends: DEPLOY when every gate passes;
 * DON'T DEPLOY when a [stop] gate fails (the evidence says the strategy loses, or its costs eat its edge);
 * otherwise NEEDS WORK, naming what to run or fix (a missing input, too little evidence, a paper session that is
 * costlier than modelled but not ruinous).
 */
public final class ReadinessAssessment
{
    /** The three answers and their exit codes. */
    public enum Recommendation
    {
        DEPLOY(0, "DEPLOY"), DONT_DEPLOY(1, "DON'T DEPLOY"), NEEDS_WORK(2, "NEEDS WORK");

        public final int exitCode;
        public final String text;

        Recommendation(final int exitCode, final String text)
        {
            this.exitCode = exitCode;
            this.text = text;
        }
    }

    /** How one gate came out. */
    public enum Status
    {
        PASS, FAIL, MISSING
    }

    /**
     * One gate.
     *
     * @param section  the template's section it belongs to.
     * @param name     what is measured.
     * @param figure   the figure, as text ("n/a" when missing).
     * @param limit    the gate, as text ("≥ 1.0").
     * @param status   pass, fail or missing.
     * @param stop     whether a failure means DON'T DEPLOY (else NEEDS WORK).
     * @param todo     what to do when it does not pass.
     */
    public record Check(String section, String name, String figure, String limit, Status status, boolean stop,
        String todo)
    {
    }

    private final List<Check> checks;
    private final Recommendation recommendation;

    private ReadinessAssessment(final List<Check> checks)
    {
        this.checks = List.copyOf(checks);
        Recommendation answer = Recommendation.DEPLOY;
        for (final Check check : checks)
        {
            if (check.status() == Status.FAIL && check.stop())
            {
                answer = Recommendation.DONT_DEPLOY;
            }
            else if (check.status() != Status.PASS && answer == Recommendation.DEPLOY)
            {
                answer = Recommendation.NEEDS_WORK;
            }
        }
        this.recommendation = answer;
    }

    public List<Check> checks()
    {
        return checks;
    }

    public Recommendation recommendation()
    {
        return recommendation;
    }

    public static ReadinessAssessment assess(final ReadinessGates gates, final ReadinessInputs in)
    {
        final List<Check> checks = new ArrayList<>();
        final String runBacktest = "run ringwall backtest and pass its backtest-report.json as --backtest";
        checks.add(atLeast("testing", "backtest Sharpe", in.backtest() == null ? null :
            in.backtest().number("returns.sharpe"), gates.minBacktestSharpe(), true, runBacktest, false));
        checks.add(below("testing", "backtest max drawdown", in.backtest() == null ? null :
            in.backtest().number("drawdown.maxFraction"), gates.maxBacktestDrawdown(), true, runBacktest, true));
        checks.add(atLeast("testing", "Monte Carlo runs", in.monteCarlo() == null ? null :
            in.monteCarlo().number("runs"), gates.minMonteCarloRuns(), false,
            "run ringwall validate monte-carlo --runs " + gates.minMonteCarloRuns() + " and pass its monte-carlo.json " +
                "as --monte-carlo", false));
        final String runWalkForward = "run ringwall validate walk-forward --windows " + gates.minWalkForwardWindows() +
            " and pass its walk-forward.json as --walk-forward";
        checks.add(atLeast("oos", "walk-forward windows", in.walkForward() == null ? null :
            in.walkForward().number("windowCount"), gates.minWalkForwardWindows(), false, runWalkForward, false));
        checks.add(atLeast("oos", "average OOS Sharpe", in.walkForward() == null ? null :
            in.walkForward().number("averageOutOfSampleSharpe"), gates.minAverageOosSharpe(), true, runWalkForward,
            false));
        checks.add(below("oos", "degradation (1 - OOS/IS)", in.walkForward() == null ? null :
            in.walkForward().number("degradation"), gates.maxDegradation(), true, in.walkForward() == null ?
            runWalkForward : "the in-sample Sharpe is not positive, so nothing out of sample holds it up", true));
        checks.addAll(paper(gates, in));
        checks.addAll(shadow(gates, in));
        checks.add(new Check("monitoring", "monitoring confirmed", Boolean.toString(gates.monitoringConfirmed()),
            "true", gates.monitoringConfirmed() ? Status.PASS : Status.FAIL, false,
            "run scripts/check-monitoring, make sure the alerts reach someone, then set monitoring.confirmed: true"));
        return new ReadinessAssessment(checks);
    }

    private static List<Check> paper(final ReadinessGates gates, final ReadinessInputs in)
    {
        final String runPaper = "run a paper session (ringwall run --journal DIR) and pass DIR as --paper";
        final Double paperBps = in.paper() == null ? null : in.paper().costBps();
        final Double modelBps = in.backtest() == null ? null : in.backtest().number("trading.costBps");
        final Double ratio = paperBps == null || modelBps == null || modelBps <= 0 ? null : paperBps / modelBps;
        final List<Check> checks = new ArrayList<>();
        final String costTodo = in.paper() == null ? runPaper : modelBps == null ?
            "the backtest report has no costs (no fills): " + (in.backtest() == null ? "pass --backtest" :
                "backtest a strategy that trades") : paperBps == null ? "the paper session has no fills yet" :
            "paper costs are above the model's: recalibrate the cost model (market.yaml costs) and backtest again";
        final Check cost = new Check("paper", "costs vs model", ratio == null ? "n/a" :
            String.format(Locale.ROOT, "%.2f x (%.2f bps vs %.2f bps)", ratio, paperBps, modelBps),
            String.format(Locale.ROOT, "<= %.2f x (stop at %.2f x)", gates.maxPaperCostRatio(), gates.stopPaperCostRatio()),
            ratio == null ? Status.MISSING : ratio <= gates.maxPaperCostRatio() ? Status.PASS : Status.FAIL,
            ratio != null && ratio >= gates.stopPaperCostRatio(), costTodo);
        checks.add(cost);
        checks.add(above("paper", "fill rate", in.paper() == null ? null : in.paper().fillRate(),
            gates.minPaperFillRate(), in.paper() == null ? runPaper : in.paper().ordersSent() == 0 ?
                "the paper session sent no orders yet" :
                "orders are not filling: check limit prices, volume limits and venue rejects in the paper session"));
        return checks;
    }

    private static List<Check> shadow(final ReadinessGates gates, final ReadinessInputs in)
    {
        final String runShadow = "run a shadow session (ringwall run --shadow --journal S, then ringwall shadow-report"
            + " --journal S) and pass it as --shadow S";
        final ReadinessInputs.ShadowFigures shadow = in.shadow();
        final Check alignment = atLeast("shadow", "alignment", shadow == null ? null : shadow.alignment(),
            gates.minShadowAlignment(), false, runShadow, true);
        final Check quality = atLeast("shadow", "execution quality", shadow == null ? null : shadow.executionQuality(),
            gates.minShadowExecutionQuality(), false, runShadow, true);
        return List.of(shadow == null ? alignment : withTodo(alignment,
            "the shadow twin diverges from the live strategy: find why first"), shadow == null ? quality :
            withTodo(quality, "live execution is worse than the simulated venue's: review the execution"));
    }

    private static Check atLeast(final String section, final String name, final Double figure, final double limit,
        final boolean stop, final String todo, final boolean percent)
    {
        return new Check(section, name, format(figure, percent), ">= " + format(limit, percent),
            figure == null ? Status.MISSING : figure >= limit ? Status.PASS : Status.FAIL, stop,
            figure == null ? todo : failed(stop));
    }

    /** What a failed gate asks for, when the input was there. */
    private static String failed(final boolean stop)
    {
        return stop ? "the evidence fails the gate: rework the strategy, then validate again" :
            "not enough evidence yet: run more, then assess again";
    }

    private static Check withTodo(final Check check, final String todo)
    {
        return new Check(check.section(), check.name(), check.figure(), check.limit(), check.status(), check.stop(), todo);
    }

    private static Check above(final String section, final String name, final Double figure, final double limit,
        final String todo)
    {
        return new Check(section, name, format(figure, true), "> " + format(limit, true),
            figure == null ? Status.MISSING : figure > limit ? Status.PASS : Status.FAIL, false, todo);
    }

    private static Check below(final String section, final String name, final Double figure, final double limit,
        final boolean stop, final String todo, final boolean percent)
    {
        return new Check(section, name, format(figure, percent), "< " + format(limit, percent),
            figure == null ? Status.MISSING : figure < limit ? Status.PASS : Status.FAIL, stop,
            figure == null ? todo : failed(stop));
    }

    static String format(final Double value, final boolean percent)
    {
        if (value == null)
        {
            return "n/a";
        }
        return percent ? String.format(Locale.ROOT, "%.2f %%", value * 100) :
            value == Math.rint(value) && Math.abs(value) >= 2 ? String.format(Locale.ROOT, "%,d", value.longValue()) :
            String.format(Locale.ROOT, "%.3f", value);
    }
}
