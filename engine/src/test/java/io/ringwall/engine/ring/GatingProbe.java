package io.ringwall.engine.ring;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

import io.ringwall.codecs.MessageHeaderDecoder;
import io.ringwall.codecs.TradeDecoder;
import io.ringwall.engine.strategy.Strategy;
import io.ringwall.engine.strategy.StrategyContext;
import io.ringwall.engine.strategy.StrategyParameters;
import io.ringwall.engine.strategy.TradeEvent;
import io.ringwall.journal.JournalDirectory;
import io.ringwall.journal.JournalReader;

/**
 * A test strategy that, for every trade the logic hands it, checks through an independent reader of
 * journal "in" that this trade is already there. Reading files breaks the strategy rules on purpose:
 * it is a probe, not a strategy.
 */
public final class GatingProbe implements Strategy
{
    static final AtomicLong CHECKS = new AtomicLong();
    static final AtomicLong VIOLATIONS = new AtomicLong();

    private final Path dir;
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final TradeDecoder trade = new TradeDecoder();
    private JournalDirectory journals;
    private JournalReader reader;
    private long maxJournaledTradeId;

    public GatingProbe(final StrategyParameters parameters)
    {
        dir = Path.of(parameters.text("dir", "."));
    }

    @Override
    public void onStart(final StrategyContext context)
    {
        journals = JournalDirectory.openExisting(dir);
        reader = journals.inputReader();
    }

    @Override
    public void onTrade(final TradeEvent event)
    {
        if (maxJournaledTradeId < event.tradeId())
        {
            reader.readAll((sequence, timeNs, frame, offset, length) ->
            {
                header.wrap(frame, offset);
                if (header.templateId() == TradeDecoder.TEMPLATE_ID)
                {
                    trade.wrapAndApplyHeader(frame, offset, header);
                    maxJournaledTradeId = Math.max(maxJournaledTradeId, trade.tradeId());
                }
            });
        }
        CHECKS.incrementAndGet();
        if (maxJournaledTradeId < event.tradeId())
        {
            VIOLATIONS.incrementAndGet();
        }
    }
}
