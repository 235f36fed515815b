package io.ringwall.tools.readiness;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The assessment in the operators' template: configuration, testing, OOS validation, paper trading, shadow,
 * monitoring, risks, recommendation; as text and as a self-contained HTML page.
 */
public final class ReadinessReport
{
    private static final String[][] SECTIONS = {{"testing", "Testing"}, {"oos", "OOS validation"},
        {"paper", "Paper trading"}, {"shadow", "Shadow"}, {"monitoring", "Monitoring ready"}};

    private ReadinessReport()
    {
    }

    public static String text(final ReadinessAssessment assessment, final ReadinessInputs in, final String gatesFile)
    {
        final StringBuilder out = new StringBuilder("DEPLOYMENT READINESS ASSESSMENT\n\nConfiguration\n");
        for (final String line : configuration(in, gatesFile))
        {
            out.append("  ").append(line).append('\n');
        }
        for (final String[] section : SECTIONS)
        {
            out.append('\n').append(section[1]).append('\n');
            if (section[0].equals("paper"))
            {
                out.append(String.format(Locale.ROOT, "  %-28s %-36s%n", "duration", in.paper() == null ? "n/a" :
                    String.format(Locale.ROOT, "%.2f days, %,d fills", in.paper().elapsedDays(), in.paper().fills())));
            }
            for (final ReadinessAssessment.Check check : assessment.checks())
            {
                if (check.section().equals(section[0]))
                {
                    out.append(String.format(Locale.ROOT, "  %-28s %-36s %-28s %s%n", check.name(), check.figure(),
                        check.limit(), check.status()));
                }
            }
        }
        out.append("\nRisks\n");
        final List<String> risks = risks(assessment, in);
        if (risks.isEmpty())
        {
            out.append("  none found by the gates\n");
        }
        for (final String risk : risks)
        {
            out.append("  - ").append(risk).append('\n');
        }
        out.append("\nRecommendation: ").append(assessment.recommendation().text).append('\n');
        for (final ReadinessAssessment.Check check : assessment.checks())
        {
            if (check.status() != ReadinessAssessment.Status.PASS)
            {
                out.append("  ").append(check.status() == ReadinessAssessment.Status.MISSING ? "missing" :
                    check.stop() ? "STOP" : "fix").append(": ").append(check.name()).append(" - ").append(check.todo())
                    .append('\n');
            }
        }
        return out.toString();
    }

    private static List<String> configuration(final ReadinessInputs in, final String gatesFile)
    {
        final List<String> lines = new ArrayList<>();
        final Object strategies = in.backtest() == null ? null : in.backtest().at("strategies");
        lines.add(String.format(Locale.ROOT, "%-28s %s", "strategy", strategies == null ? "n/a (no backtest report)" :
            strategies.toString()));
        lines.add(String.format(Locale.ROOT, "%-28s %s", "gates", gatesFile));
        lines.add(String.format(Locale.ROOT, "%-28s %s", "backtest report", in.backtest() == null ? "missing" :
            in.backtest().file()));
        lines.add(String.format(Locale.ROOT, "%-28s %s", "walk-forward report", in.walkForward() == null ? "missing" :
            in.walkForward().file()));
        lines.add(String.format(Locale.ROOT, "%-28s %s", "Monte Carlo report", in.monteCarlo() == null ? "missing" :
            in.monteCarlo().file()));
        lines.add(String.format(Locale.ROOT, "%-28s %s", "paper session", in.paperDir() == null ? "missing" :
            in.paperDir()));
        lines.add(String.format(Locale.ROOT, "%-28s %s", "shadow session", in.shadow() == null ? "missing" : "given"));
        return lines;
    }

    /** What the gates do not decide but an operator should read: overfitting, deflated Sharpe, ruin. */
    static List<String> risks(final ReadinessAssessment assessment, final ReadinessInputs in)
    {
        final List<String> risks = new ArrayList<>();
        if (in.walkForward() != null)
        {
            final Double pbo = in.walkForward().number("probabilityOfOverfitting");
            if (pbo != null && pbo > 0.5)
            {
                risks.add(String.format(Locale.ROOT, "probability of backtest overfitting %.2f: the grid's best in " +
                    "sample is more often than not below the median out of sample", pbo));
            }
            final Double dsr = in.walkForward().number("outOfSampleDeflatedSharpe");
            if (dsr != null && dsr < 0.95)
            {
                risks.add(String.format(Locale.ROOT, "deflated Sharpe ratio of the out-of-sample returns %.3f: below " +
                    "0.95, the result may be the luck of the best of the grid", dsr));
            }
        }
        if (in.monteCarlo() != null)
        {
            final Double ruin = in.monteCarlo().number("bootstrap.ruinProbability");
            if (ruin != null && ruin > 0)
            {
                risks.add(String.format(Locale.ROOT, "Monte Carlo: %.2f %% of bootstrapped trade sequences reach the " +
                    "ruin drawdown", ruin * 100));
            }
        }
        for (final ReadinessAssessment.Check check : assessment.checks())
        {
            if (check.status() == ReadinessAssessment.Status.FAIL && check.stop())
            {
                risks.add(check.name() + " " + check.figure() + " fails its gate " + check.limit());
            }
        }
        return risks;
    }

    public static void html(final ReadinessAssessment assessment, final ReadinessInputs in, final String gatesFile,
        final Path file) throws java.io.IOException
    {
        final StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">" +
            "\n<title>Deployment readiness</title>\n<style>body{font-family:sans-serif;margin:2em}table{border-collapse:" +
            "collapse}th,td{border:1px solid #bbb;padding:3px 8px;text-align:left}.PASS{color:#070}.FAIL{color:#b00;" +
            "font-weight:bold}.MISSING{color:#a60;font-weight:bold}</style>\n</head>\n<body>\n<h1>Deployment readiness: ")
            .append(escape(assessment.recommendation().text)).append("</h1>\n<table>\n<tr><th>section</th><th>gate</th>" +
                "<th>figure</th><th>limit</th><th>status</th><th>to do</th></tr>\n");
        for (final ReadinessAssessment.Check check : assessment.checks())
        {
            html.append("<tr><td>").append(escape(check.section())).append("</td><td>").append(escape(check.name()))
                .append("</td><td>").append(escape(check.figure())).append("</td><td>").append(escape(check.limit()))
                .append("</td><td class=\"").append(check.status()).append("\">").append(check.status())
                .append(check.status() == ReadinessAssessment.Status.FAIL && check.stop() ? " (stop)" : "")
                .append("</td><td>").append(check.status() == ReadinessAssessment.Status.PASS ? "" : escape(check.todo()))
                .append("</td></tr>\n");
        }
        html.append("</table>\n<h2>The assessment as printed</h2>\n<pre>")
            .append(escape(text(assessment, in, gatesFile))).append("</pre>\n</body>\n</html>\n");
        Files.writeString(file, html, StandardCharsets.UTF_8);
    }

    private static String escape(final String text)
    {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
