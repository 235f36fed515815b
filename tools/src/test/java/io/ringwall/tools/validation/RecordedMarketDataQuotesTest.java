package io.ringwall.tools.validation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import io.ringwall.engine.marketdata.itch.ItchCaptureWriter;
import io.ringwall.engine.marketdata.itch.ItchMarketDataSource;
import io.ringwall.engine.marketdata.itch.ItchSessions;
import io.ringwall.engine.marketdata.itch.RecordingSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Validation's in-memory copy of the market data keeps an order-book feed's quotes, in order, beside its trades: a
 * validation on ITCH replays what a run journals.
 */
class RecordedMarketDataQuotesTest
{
    @TempDir
    Path dir;

    @Test
    void aRecordedItchFeedReplaysItsTradesAndQuotesInOrder() throws IOException
    {
        final Path file = Files.write(dir.resolve("s.itch"), ItchCaptureWriter.binaryFile(
            ItchSessions.session("AAPL", 20, false)));
        final ItchMarketDataSource source = new ItchMarketDataSource(ItchMarketDataSource.Transport.FILE,
            file.toString(), new String[] {"AAPL"}, new int[] {2}, LocalDate.of(2026, 12, 7), 1_000_000_000L);
        final RecordingSink direct = new RecordingSink();
        source.run(direct);

        final RecordingSink replayed = new RecordingSink();
        RecordedMarketData.record(source).all().run(replayed);

        assertThat(direct.events).hasSize(20 * 4);
        assertThat(replayed.events).containsExactlyElementsOf(direct.events);
    }
}
