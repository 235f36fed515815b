package io.ringwall.tools;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.ringwall.codecs.MessageHeaderDecoder;
import io.ringwall.codecs.NewOrderDecoder;
import io.ringwall.codecs.OrderFilledDecoder;
import io.ringwall.codecs.QuoteDecoder;
import io.ringwall.codecs.Side;
import io.ringwall.codecs.TradeDecoder;
import io.ringwall.engine.JournalDump;
import io.ringwall.engine.marketdata.itch.ItchCaptureWriter;
import io.ringwall.engine.marketdata.itch.ItchSessions;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.ringwall.tools.BarsOutOfTheBoxTest.execute;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ringwall run --format itch-file|itch-pcap}: the engine trades on an ITCH session a test wrote, through the
 * order book; every trade and quote the book derives is journaled, the session ends at System Event 'C', orders are
 * sent and filled, and the session replays byte for byte.
 */
class ItchRunTest
{
    private static final int STEPS = 150;
    private static final String STRATEGY = "ma-crossover:symbol=AAPL,fast=3,slow=8,qty=10";

    @TempDir
    static Path dir;
    static Path file;
    static Path session;
    static BarsOutOfTheBoxTest.Run run;

    @BeforeAll
    static void runTheEngineOnAnItchFile() throws IOException
    {
        file = Files.write(dir.resolve("session.itch"),
            ItchCaptureWriter.binaryFile(ItchSessions.session("AAPL", STEPS, true)));
        session = dir.resolve("itch-file");
        run = execute("run", "--format", "itch-file", "--data", file.toString(), "--symbols", "AAPL",
            "--session-date", "2026-12-07", "--strategy", STRATEGY, "--journal", session.toString());
    }

    static long inputs(final Path session, final int templateId)
    {
        return JournalDump.inputs(session).stream().filter(e -> e.templateId() == templateId).count();
    }

    static long outputs(final Path session, final int templateId)
    {
        return JournalDump.outputs(session).stream().filter(e -> e.templateId() == templateId).count();
    }

    @Test
    void theBooksTradesAndQuotesAreJournaledAndTheStrategyTradesOnThem()
    {
        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        // One print per step; the print after System Event 'C' is not read.
        assertThat(inputs(session, TradeDecoder.TEMPLATE_ID)).isEqualTo(STEPS);
        assertThat(inputs(session, QuoteDecoder.TEMPLATE_ID)).isEqualTo(3L * STEPS);
        assertThat(outputs(session, NewOrderDecoder.TEMPLATE_ID)).isGreaterThan(2);
        assertThat(inputs(session, OrderFilledDecoder.TEMPLATE_ID)).isPositive();
    }

    @Test
    void thePaperVenueFillsAtTheQuotedTouchNotAtTheLastPrint()
    {
        // Every print is at the offer (price + 0.01); the bid is price - 0.01. A sell filled at the bid proves the
        // quote priced it, a print would have priced it at the offer.
        final List<Long> buys = new ArrayList<>();
        final List<Long> sells = new ArrayList<>();
        final OrderFilledDecoder fill = new OrderFilledDecoder();
        for (final JournalDump.Entry input : JournalDump.inputs(session))
        {
            if (input.templateId() == OrderFilledDecoder.TEMPLATE_ID)
            {
                fill.wrapAndApplyHeader(new UnsafeBuffer(input.frame()), 0, new MessageHeaderDecoder());
                (fill.side() == Side.BUY ? buys : sells).add(fill.lastPrice());
            }
        }
        assertThat(buys).isNotEmpty().allMatch(price -> price % 1000 == 100, "at an ask (xx.x1)");
        assertThat(sells).isNotEmpty().allMatch(price -> price % 1000 == 900, "at a bid (xx.x9)");
    }

    @Test
    void theSessionReplaysByteForByte()
    {
        final BarsOutOfTheBoxTest.Run replay = execute("replay", "--journal", session.toString(), "--verify");
        assertThat(replay.exit()).as(replay.out() + replay.err()).isZero();
        assertThat(replay.out()).startsWith("identical: ");
    }

    @Test
    void aPcapWithAVlanTagGivesTheSameJournalInputsAsTheFile() throws IOException
    {
        final List<byte[]> messages = ItchSessions.session("AAPL", STEPS, true);
        final List<byte[]> frames = new ArrayList<>();
        for (int i = 0; i < messages.size(); i += 10)
        {
            final List<byte[]> packet = messages.subList(i, Math.min(messages.size(), i + 10));
            frames.add(ItchCaptureWriter.udpFrame(ItchCaptureWriter.moldPacket("SESSION001", i + 1, packet), 42, 0));
        }
        final Path pcap = Files.write(dir.resolve("12072026.pcap"), ItchCaptureWriter.pcap(frames,
            ByteOrder.LITTLE_ENDIAN, true));
        final Path pcapSession = dir.resolve("itch-pcap");

        // No --session-date: the file name's MMDDYYYY gives it.
        final BarsOutOfTheBoxTest.Run pcapRun = execute("run", "--format", "itch-pcap", "--data", pcap.toString(),
            "--symbols", "AAPL", "--strategy", STRATEGY, "--journal", pcapSession.toString());

        assertThat(pcapRun.exit()).as(pcapRun.out() + pcapRun.err()).isZero();
        final List<JournalDump.Entry> fromFile = JournalDump.inputs(session);
        final List<JournalDump.Entry> fromPcap = JournalDump.inputs(pcapSession);
        assertThat(fromPcap).hasSameSizeAs(fromFile);
        for (int i = 0; i < fromFile.size(); i++)
        {
            assertThat(fromPcap.get(i).frame()).as("input " + i).isEqualTo(fromFile.get(i).frame());
        }
    }

    @Test
    void aPcapWithAGapIsRefusedBeforeTheSessionStarts() throws IOException
    {
        final List<byte[]> messages = ItchSessions.session("AAPL", 10, false);
        final List<byte[]> frames = List.of(
            ItchCaptureWriter.udpFrame(ItchCaptureWriter.moldPacket("SESSION001", 1, messages.subList(0, 5))),
            ItchCaptureWriter.udpFrame(ItchCaptureWriter.moldPacket("SESSION001", 9, messages.subList(8, 12))));
        final Path pcap = Files.write(dir.resolve("gap.pcap"), ItchCaptureWriter.pcap(frames, ByteOrder.BIG_ENDIAN,
            false));
        final Path gapSession = dir.resolve("gap");

        final BarsOutOfTheBoxTest.Run gapRun = execute("run", "--format", "itch-pcap", "--data", pcap.toString(),
            "--symbols", "AAPL", "--session-date", "2026-12-07", "--journal", gapSession.toString());

        assertThat(gapRun.exit()).isEqualTo(2);
        assertThat(gapRun.err()).contains("MoldUDP64 gap");
        assertThat(Files.exists(gapSession)).isFalse();
    }

    @Test
    void theReadmeSampleCaptureJournalsTheHandDerivedTradesAndQuotesOfItsAaplBook()
    {
        // The committed sample (written from the specification by a script independent of the decoder): AAPL's order
        // 1001 (100 @ 150.25 bid) is executed 40 (print 5001), cancelled 10, replaced by 1003 (50 @ 150.26), deleted;
        // the closing cross prints 1,234,567 @ 151.00 (5004). MSFT's messages are not followed.
        final Path sample = Path.of("src/test/resources/itch/sample-moldudp64.pcap");
        final Path sampleSession = dir.resolve("sample");

        final BarsOutOfTheBoxTest.Run sampleRun = execute("run", "--format", "itch-pcap", "--data", sample.toString(),
            "--symbols", "AAPL", "--session-date", "2026-12-07", "--journal", sampleSession.toString());

        assertThat(sampleRun.exit()).as(sampleRun.out() + sampleRun.err()).isZero();
        final long midnight = 1_796_619_600_000_000_000L; // 2026-12-07 00:00 New York
        final long share = 100_000_000L;
        final List<String> market = new ArrayList<>();
        final TradeDecoder trade = new TradeDecoder();
        final QuoteDecoder quote = new QuoteDecoder();
        for (final JournalDump.Entry input : JournalDump.inputs(sampleSession))
        {
            final UnsafeBuffer frame = new UnsafeBuffer(input.frame());
            if (input.templateId() == TradeDecoder.TEMPLATE_ID)
            {
                trade.wrapAndApplyHeader(frame, 0, new MessageHeaderDecoder());
                market.add("T " + trade.tradeId() + " " + trade.price() + " " + trade.quantity() / share + " " +
                    (trade.exchangeTimeNs() - midnight));
            }
            else if (input.templateId() == QuoteDecoder.TEMPLATE_ID)
            {
                quote.wrapAndApplyHeader(frame, 0, new MessageHeaderDecoder());
                market.add("Q " + quote.bidPrice() + "x" + quote.bidQuantity() / share + " " + quote.askPrice() + "x" +
                    quote.askQuantity() / share + " " + (quote.exchangeTimeNs() - midnight));
            }
        }
        assertThat(market).containsExactly(
            "Q 1502500x100 0x0 34200000000123",
            "T 5001 1502500 40 34200001000000",
            "Q 1502500x60 0x0 34200001000000",
            "Q 1502500x50 0x0 34200003000000",
            "Q 1502600x50 0x0 34200004000000",
            "Q 0x0 0x0 34200005000000",
            "T 5004 1510000 1234567 57600000000000");
        final BarsOutOfTheBoxTest.Run replay = execute("replay", "--journal", sampleSession.toString(), "--verify");
        assertThat(replay.exit()).as(replay.out() + replay.err()).isZero();
    }

    @Test
    void anItchFormatWithoutSymbolsOrADateIsRefused()
    {
        final BarsOutOfTheBoxTest.Run noSymbols = execute("run", "--format", "itch-file", "--data", file.toString(),
            "--session-date", "2026-12-07", "--journal", dir.resolve("refused-1").toString());
        assertThat(noSymbols.exit()).isEqualTo(2);
        assertThat(noSymbols.err()).contains("needs --symbols");

        final BarsOutOfTheBoxTest.Run noDate = execute("run", "--format", "itch-file", "--data", file.toString(),
            "--symbols", "AAPL", "--journal", dir.resolve("refused-2").toString());
        assertThat(noDate.exit()).isEqualTo(2);
        assertThat(noDate.err()).contains("needs --session-date");

        final BarsOutOfTheBoxTest.Run unknown = execute("run", "--format", "itch-file", "--data", file.toString(),
            "--symbols", "AAPL,NOPE", "--session-date", "2026-12-07", "--journal", dir.resolve("refused-3").toString());
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("NOPE is not in the reference data");
    }

    @Test
    void theItchAndBarsOptionsRefuseWhatTheyCannotDo()
    {
        final String[][] refused = {
            {"--symbols is for the ITCH formats", "run", "--symbols", "AAPL"},
            {"--format bars has bars already", "run", "--format", "bars", "--data",
                "classpath:appleinc_bars_from_20130101_usd.csv", "--bars", "60s"},
            {"--silence-timeout-ms 0 is not positive", "run", "--format", "itch-file", "--data", "x.itch", "--symbols",
                "AAPL", "--session-date", "2026-12-07", "--silence-timeout-ms", "0"},
            {"needs --data", "run", "--format", "itch-file", "--symbols", "AAPL", "--session-date", "2026-12-07"},
            {"--rerequest is for --format itch-udp", "run", "--format", "itch-file", "--data", "x.itch", "--symbols",
                "AAPL", "--session-date", "2026-12-07", "--rerequest", "127.0.0.1:9000"},
            {"--rerequest 127.0.0.1 is not HOST:PORT", "run", "--format", "itch-udp", "--data", "127.0.0.1:0",
                "--symbols", "AAPL", "--session-date", "2026-12-07", "--rerequest", "127.0.0.1"},
            {"--rerequest 127.0.0.1:70000 is not HOST:PORT (port 1-65535)", "run", "--format", "itch-udp", "--data",
                "127.0.0.1:0", "--symbols", "AAPL", "--session-date", "2026-12-07", "--rerequest", "127.0.0.1:70000"},
            {"--rerequest-timeout-ms 0 is not positive", "run", "--format", "itch-udp", "--data", "127.0.0.1:0",
                "--symbols", "AAPL", "--session-date", "2026-12-07", "--rerequest", "127.0.0.1:9000",
                "--rerequest-timeout-ms", "0"},
            {"--session-date 2026-13-07 is not YYYY-MM-DD", "run", "--format", "itch-file", "--data", "x.itch",
                "--symbols", "AAPL", "--session-date", "2026-13-07"},
            {"--format itch-zip is not one of", "run", "--format", "itch-zip"},
            {"the FIX venue plays trades or bars only", "fix-venue", "--format", "itch-file", "--port", "0", "--data",
                "x.csv"}};
        for (final String[] refusal : refused)
        {
            final String[] args = java.util.Arrays.copyOfRange(refusal, 1, refusal.length);
            final String[] withJournal = refusal[1].equals("run") ? java.util.stream.Stream.concat(
                java.util.Arrays.stream(args), java.util.stream.Stream.of("--journal",
                dir.resolve("refused-" + refusal[0].hashCode()).toString())).toArray(String[]::new) : args;
            final BarsOutOfTheBoxTest.Run run = execute(withJournal);
            assertThat(run.exit()).as(String.join(" ", withJournal) + "\n" + run.out() + run.err()).isEqualTo(2);
            assertThat(run.err()).as(String.join(" ", withJournal)).contains(refusal[0]);
        }
    }
}
