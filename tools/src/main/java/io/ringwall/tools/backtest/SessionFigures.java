package io.ringwall.tools.backtest;

import java.time.Instant;
import java.util.List;

import io.ringwall.codecs.MessageHeaderDecoder;
import io.ringwall.codecs.NewOrderDecoder;
import io.ringwall.codecs.OrderCancelledDecoder;
import io.ringwall.codecs.OrderFilledDecoder;
import io.ringwall.codecs.OrderRejectedDecoder;
import io.ringwall.engine.logic.LogicConfig;
import io.ringwall.engine.logic.Portfolio;
import org.agrona.DirectBuffer;

/**
 * The report's figures, gathered input by input from a running logic's portfolio: the analyzer feeds it a
 * replay of journal "in", an in-memory backtest feeds it the live run. Each input is shown before the logic
 * handles it ({@link #beforeInput}: the position a fill changes) and after ({@link #afterInput}: equity).
 */
public final class SessionFigures
{
    private static final double DAYS_PER_YEAR = 365.25;

    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final OrderFilledDecoder fill = new OrderFilledDecoder();
    private final NewOrderDecoder order = new NewOrderDecoder();
    private final Portfolio portfolio;
    private final int instruments;
    private final TradeTally tally = new TradeTally();
    private final int periodsPerYear;
    private final long initialEquity;
    private final EquitySeries equity;
    private final DailyCloses closes;
    private final MaxDrawdown drawdown;
    private long[] equityAfterFills = new long[256];
    private int fillsSeen;
    private double equitySum;
    private long firstTimeNs;
    private long lastTimeNs;
    private long lastEquity;
    private long inputs;
    private int templateId;
    private boolean booksFill;
    private long positionBefore;
    private long realizedBefore;

    /**
     * @param portfolio      the portfolio of the logic that handles the inputs.
     * @param instruments    instruments of the logic's reference data.
     * @param periodNs       length of a return period (a UTC day for the backtest report).
     * @param periodsPerYear return periods in a year, to annualise Sharpe and Sortino.
     * @param keepEquity     whether to keep every input's equity (for the picture); a batch of runs does not.
     */
    public SessionFigures(final Portfolio portfolio, final int instruments, final long periodNs,
        final int periodsPerYear, final boolean keepEquity)
    {
        this.portfolio = portfolio;
        this.instruments = instruments;
        this.periodsPerYear = periodsPerYear;
        this.initialEquity = portfolio.equity();
        this.lastEquity = initialEquity;
        this.equity = keepEquity ? new EquitySeries() : null;
        this.closes = new DailyCloses(periodNs);
        this.drawdown = new MaxDrawdown(initialEquity);
    }

    public void beforeInput(final DirectBuffer frame, final int offset)
    {
        header.wrap(frame, offset);
        templateId = header.schemaId() == MessageHeaderDecoder.SCHEMA_ID ? header.templateId() : -1;
        booksFill = templateId == OrderFilledDecoder.TEMPLATE_ID &&
            isValid(fill.wrapAndApplyHeader(frame, offset, header).instrumentId());
        positionBefore = booksFill ? portfolio.position(fill.instrumentId()) : 0;
        realizedBefore = portfolio.realizedPnl();
    }

    /** The logic handled the input last shown to {@link #beforeInput}, at record time {@code timeNs}. */
    public void afterInput(final long timeNs)
    {
        if (booksFill)
        {
            tally.onFill(fill, positionBefore, portfolio.realizedPnl() - realizedBefore);
        }
        else if (templateId == OrderRejectedDecoder.TEMPLATE_ID)
        {
            tally.onVenueReject();
        }
        else if (templateId == OrderCancelledDecoder.TEMPLATE_ID)
        {
            tally.onCancel();
        }
        final long equityNow = portfolio.equity();
        if (booksFill)
        {
            if (fillsSeen == equityAfterFills.length)
            {
                equityAfterFills = java.util.Arrays.copyOf(equityAfterFills, fillsSeen * 2);
            }
            equityAfterFills[fillsSeen++] = equityNow;
        }
        if (inputs == 0)
        {
            firstTimeNs = timeNs;
        }
        inputs++;
        lastTimeNs = timeNs;
        lastEquity = equityNow;
        equitySum += equityNow;
        if (equity != null)
        {
            equity.add(timeNs, equityNow);
        }
        closes.add(timeNs, equityNow);
        drawdown.add(equityNow);
    }

    /** An output of the logic (journal "out"): orders sent are counted from it. */
    public void onOutput(final DirectBuffer frame, final int offset)
    {
        header.wrap(frame, offset);
        if (header.schemaId() == MessageHeaderDecoder.SCHEMA_ID && header.templateId() == NewOrderDecoder.TEMPLATE_ID)
        {
            order.wrapAndApplyHeader(frame, offset, header);
            tally.onOrderSent(order.quantity());
        }
    }

    /**
     * The run as a sequence of trades: the equity change from each fill to the next (the first from the initial
     * equity, the last to the final equity), so each holds one position's marked PnL and the fees of the fill that
     * set it up, and together they sum to final - initial equity. Money units.
     */
    public long[] tradePnls()
    {
        final long[] pnls = new long[fillsSeen + 1];
        long previous = initialEquity;
        for (int i = 0; i < fillsSeen; i++)
        {
            pnls[i] = equityAfterFills[i] - previous;
            previous = equityAfterFills[i];
        }
        pnls[fillsSeen] = lastEquity - previous;
        return pnls;
    }

    /** @return the equity before the first input. */
    public long initialEquity()
    {
        return initialEquity;
    }

    /** @return every input's equity, or null when not kept. */
    public EquitySeries equity()
    {
        return equity;
    }

    /** @return the figures so far; {@code strategies} name the run. */
    public BacktestReport report(final List<String> strategies)
    {
        final double elapsedDays = (double)(lastTimeNs - firstTimeNs) / DailyCloses.DAY_NS;
        final Double totalReturn = initialEquity > 0 ? (double)(lastEquity - initialEquity) / initialEquity : null;
        final double[] returns = initialEquity > 0 ? closes.returns(initialEquity) : new double[0];
        final double averageEquity = inputs == 0 ? 0 : equitySum / inputs;
        return new BacktestReport(strategies, iso(firstTimeNs), iso(lastTimeNs), inputs,
            elapsedDays, initialEquity, lastEquity, totalReturn, annualised(totalReturn, elapsedDays),
            periodsPerYear, returns.length,
            RiskAdjustedReturns.sharpe(returns, periodsPerYear),
            RiskAdjustedReturns.sortino(returns, periodsPerYear),
            drawdown.maxFraction(), drawdown.maxMoney(),
            tally.fills, tally.closingFills, tally.winningClosingFills,
            ratio(tally.winningClosingFills, tally.closingFills),
            tally.tradedNotional, averageEquity > 0 ? tally.tradedNotional / averageEquity : null,
            tally.feesPaid, tally.tradedNotional > 0 ? tally.feesPaid * 10_000.0 / tally.tradedNotional : null,
            portfolio.realizedPnl(),
            tally.ordersSent, tally.orderedQuantity, tally.filledQuantity,
            ratio(tally.filledQuantity, tally.orderedQuantity),
            tally.venueRejects, tally.cancels, List.of(), returns);
    }

    /** The strategies of a configuration, as the report names them. */
    public BacktestReport report(final LogicConfig config)
    {
        return report(config.strategySpecs());
    }

    private boolean isValid(final int instrumentId)
    {
        return instrumentId >= 0 && instrumentId < instruments;
    }

    private static Double annualised(final Double totalReturn, final double elapsedDays)
    {
        if (totalReturn == null || elapsedDays <= 0)
        {
            return null;
        }
        if (totalReturn <= -1)
        {
            return -1.0;
        }
        // A few minutes of data compounds to an astronomic figure; past the range of a double it is undefined.
        final double annualised = StrictMath.pow(1 + totalReturn, DAYS_PER_YEAR / elapsedDays) - 1;
        return Double.isFinite(annualised) ? annualised : null;
    }

    private static Double ratio(final long part, final long whole)
    {
        return whole == 0 ? null : (double)part / whole;
    }

    private String iso(final long timeNs)
    {
        return inputs == 0 ? null :
            Instant.ofEpochSecond(Math.floorDiv(timeNs, 1_000_000_000L), Math.floorMod(timeNs, 1_000_000_000L))
                .toString();
    }
}
