package io.ringwall.tools;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import io.ringwall.engine.marketdata.itch.ItchCaptureWriter;
import io.ringwall.engine.marketdata.itch.ItchTestEncoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ringwall itch-dump} on the committed samples (the README's and CI's commands) and on files the test writes.
 * The samples were written byte by byte from the specification's layout by a script independent of the decoder.
 */
class ItchDumpCommandTest
{
    static final Path BINARY_FILE = Path.of("src/test/resources/itch/sample-binaryfile.itch");
    static final Path PCAP = Path.of("src/test/resources/itch/sample-moldudp64.pcap");

    private static final String[] MESSAGES = {
        "1 04:00:00.000000000 14400000000000 S SystemEvent locate=0 tracking=0 eventCode=O",
        "2 04:00:00.000001000 14400000001000 R StockDirectory locate=1 tracking=0 stock=AAPL marketCategory=Q " +
            "financialStatusIndicator=N roundLotSize=100 roundLotsOnly=N issueClassification=C issueSubType=C " +
            "authenticity=P shortSaleThresholdIndicator=N ipoFlag=N luldReferencePriceTier=1 etpFlag=N " +
            "etpLeverageFactor=0 inverseIndicator=N",
        "3 04:00:00.000002000 14400000002000 R StockDirectory locate=2 tracking=0 stock=MSFT marketCategory=Q " +
            "financialStatusIndicator=N roundLotSize=100 roundLotsOnly=N issueClassification=C issueSubType=C " +
            "authenticity=P shortSaleThresholdIndicator=N ipoFlag=N luldReferencePriceTier=1 etpFlag=N " +
            "etpLeverageFactor=0 inverseIndicator=N",
        "4 09:30:00.000000123 34200000000123 A AddOrder locate=1 tracking=1 orderReferenceNumber=1001 " +
            "buySellIndicator=B shares=100 stock=AAPL price=150.2500",
        "5 09:30:00.000000456 34200000000456 F AddOrderWithMpid locate=2 tracking=2 orderReferenceNumber=1002 " +
            "buySellIndicator=S shares=300 stock=MSFT price=415.2500 attribution=VIRT",
        "6 09:30:00.001000000 34200001000000 E OrderExecuted locate=1 tracking=3 orderReferenceNumber=1001 " +
            "executedShares=40 matchNumber=5001",
        "7 09:30:00.002000000 34200002000000 C OrderExecutedWithPrice locate=2 tracking=4 orderReferenceNumber=1002 " +
            "executedShares=100 matchNumber=5002 printable=Y executionPrice=415.2400",
        "8 09:30:00.003000000 34200003000000 X OrderCancel locate=1 tracking=5 orderReferenceNumber=1001 " +
            "cancelledShares=10",
        "9 09:30:00.004000000 34200004000000 U OrderReplace locate=1 tracking=6 originalOrderReferenceNumber=1001 " +
            "newOrderReferenceNumber=1003 shares=50 price=150.2600",
        "10 09:30:00.005000000 34200005000000 D OrderDelete locate=1 tracking=7 orderReferenceNumber=1003",
        "11 09:30:00.006000000 34200006000000 P Trade locate=2 tracking=8 orderReferenceNumber=0 buySellIndicator=B " +
            "shares=25 stock=MSFT price=415.2450 matchNumber=5003",
        "12 16:00:00.000000000 57600000000000 Q CrossTrade locate=1 tracking=9 shares=1234567 stock=AAPL " +
            "crossPrice=151.0000 matchNumber=5004 crossType=C",
        "13 20:00:00.000000000 72000000000000 S SystemEvent locate=0 tracking=0 eventCode=C"};

    private static final String BY_TYPE = "by type: S=2 R=2 A=1 F=1 E=1 C=1 X=1 D=1 U=1 P=1 Q=1";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void printsEveryMessageOfTheSampleBinaryFileWithItsFields()
    {
        assertThat(execute("itch-dump", BINARY_FILE.toString())).as(text(err)).isZero();

        final List<String> expected = new java.util.ArrayList<>(List.of(MESSAGES));
        expected.add("13 printed of 13 messages decoded (itch-file)");
        expected.add(BY_TYPE);
        assertThat(lines(out)).containsExactlyElementsOf(expected);
    }

    @Test
    void printsTheSameMessagesFromTheSamplePcapWithItsSequenceSummary()
    {
        assertThat(execute("itch-dump", PCAP.toString(), "--format", "itch-pcap")).as(text(err)).isZero();

        final List<String> expected = new java.util.ArrayList<>(List.of(MESSAGES));
        expected.addAll(List.of("13 printed of 13 messages decoded (itch-pcap)", BY_TYPE,
            "frames: 3 (0 skipped: not IPv4/UDP)",
            "MoldUDP64: 3 packets, 1 heartbeats, 0 end of session, 0 duplicate messages, 0 gaps (0 messages missing)",
            "session 'SAMPLE0001': sequence 1 to 13"));
        assertThat(lines(out)).containsExactlyElementsOf(expected);
    }

    @Test
    void theFormatIsToldByTheFileWithoutFormat()
    {
        assertThat(execute("itch-dump", PCAP.toString(), "--count", "1")).as(text(err)).isZero();
        // A capture stops after the packet being read: the other two messages of the first packet are decoded.
        assertThat(lines(out)).startsWith(MESSAGES[0], "1 printed of 3 messages decoded (itch-pcap)");
    }

    @Test
    void filtersByTypeAndBySymbolThroughTheStockDirectory()
    {
        assertThat(execute("itch-dump", BINARY_FILE.toString(), "--type", "A,E", "--symbols", "AAPL,MSFT"))
            .as(text(err)).isZero();
        assertThat(lines(out)).startsWith(MESSAGES[3], MESSAGES[5], "2 printed of 13 messages decoded (itch-file)");

        out.reset();
        assertThat(execute("itch-dump", BINARY_FILE.toString(), "--symbols", "MSFT")).as(text(err)).isZero();
        assertThat(lines(out)).startsWith(MESSAGES[2], MESSAGES[4], MESSAGES[6], MESSAGES[10],
            "4 printed of 13 messages decoded (itch-file)");
    }

    @Test
    void countStopsTheReadAfterNPrintedMessages()
    {
        assertThat(execute("itch-dump", BINARY_FILE.toString(), "--type", "R", "--count", "1")).as(text(err)).isZero();
        assertThat(lines(out)).startsWith(MESSAGES[1], "1 printed of 2 messages decoded (itch-file)");
    }

    @Test
    void aGapInTheCaptureIsPrintedAndFailsTheCommand() throws IOException
    {
        final byte[] add = ItchTestEncoder.message('A', 1, 0, 1).u64(1).alpha('B').u32(1).alpha("AAPL", 8).u32(1).bytes();
        final Path file = Files.write(dir.resolve("gap.pcap"), ItchCaptureWriter.pcap(List.of(
            ItchCaptureWriter.udpFrame(ItchCaptureWriter.moldPacket("S1", 1, List.of(add))),
            ItchCaptureWriter.udpFrame(ItchCaptureWriter.moldPacket("S1", 5, List.of(add)))),
            ByteOrder.LITTLE_ENDIAN, false));

        assertThat(execute("itch-dump", file.toString())).isEqualTo(RingwallCli.EXIT_FAILURE);

        assertThat(lines(out)).contains("MoldUDP64: 2 packets, 0 heartbeats, 0 end of session, 0 duplicate messages, " +
            "1 gaps (3 messages missing)");
        assertThat(text(err)).isEqualTo("ringwall itch-dump: 1 MoldUDP64 sequence gaps, 3 messages missing (last: " +
            "session 'S1' expected sequence 2 but received 5 (3 messages missing)): a book built from this capture " +
            "would be wrong; use a complete capture or recover the missing messages\n");
    }

    @Test
    void aCorruptFileIsAClearFailureNamingTheOffset() throws IOException
    {
        final byte[] sample = Files.readAllBytes(BINARY_FILE);
        final Path file = Files.write(dir.resolve("cut.itch"), Arrays.copyOf(sample, sample.length - 5));

        assertThat(execute("itch-dump", file.toString())).isEqualTo(RingwallCli.EXIT_FAILURE);

        assertThat(text(err)).isEqualTo("ringwall itch-dump: " + file + ": message 13 at file offset " +
            (sample.length - 14) + ": the file ends inside a message of 12 bytes (7 left): the file is truncated; " +
            "re-fetch it\n");
        assertThat(lines(out)).hasSize(12);
    }

    @Test
    void aMissingFileIsAClearFailure()
    {
        assertThat(execute("itch-dump", dir.resolve("missing.itch").toString())).isEqualTo(RingwallCli.EXIT_FAILURE);
        assertThat(text(err)).isEqualTo("ringwall itch-dump: no ITCH file at " + dir.resolve("missing.itch") + "\n");
    }

    @Test
    void anUnknownTypeFilterIsRefused()
    {
        assertThat(execute("itch-dump", BINARY_FILE.toString(), "--type", "Z")).isEqualTo(2);
        assertThat(text(err)).contains("--type Z is not a TotalView-ITCH 5.0 message type");
    }

    private int execute(final String... args)
    {
        return RingwallCli.execute(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8), args);
    }

    private static String text(final ByteArrayOutputStream stream)
    {
        return stream.toString(StandardCharsets.UTF_8);
    }

    private static List<String> lines(final ByteArrayOutputStream stream)
    {
        return List.of(text(stream).split("\n"));
    }
}
