package io.ringwall.tools;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import io.ringwall.engine.marketdata.itch.ItchBinaryFileReader;
import io.ringwall.engine.marketdata.itch.ItchCaptureReader;
import io.ringwall.engine.marketdata.itch.ItchDecoder;
import io.ringwall.engine.marketdata.itch.ItchFields;
import io.ringwall.engine.marketdata.itch.ItchMessageType;
import io.ringwall.engine.marketdata.itch.MoldUdp64Decoder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ringwall itch-dump}: every message of a Nasdaq TotalView-ITCH 5.0 file or capture as text.
 */
@Command(name = "itch-dump", mixinStandardHelpOptions = true,
    description = {"Print the messages of a Nasdaq TotalView-ITCH 5.0 file, one line each: number, time of day and " +
        "nanoseconds since midnight, type, name, stock locate, tracking number and every field (prices as decimals).",
        "itch-file is a BinaryFILE (each message behind a 2-byte length); itch-pcap a pcap or pcapng capture of " +
        "MoldUDP64 over UDP/IPv4/Ethernet. Without --format the file's first bytes decide.",
        "Ends with a summary. Exit status 2 on a file that cannot be read on (the error names the offset and packet) " +
        "or when the capture has MoldUDP64 sequence gaps (listed in the summary)."})
final class ItchDumpCommand implements Callable<Integer>
{
    /** The file formats read. */
    enum Format
    {
        ITCH_FILE("itch-file"), ITCH_PCAP("itch-pcap");

        private final String label;

        Format(final String label)
        {
            this.label = label;
        }

        @Override
        public String toString()
        {
            return label;
        }
    }

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The ITCH file or capture.")
    private Path file;

    @Option(names = "--format", paramLabel = "itch-file|itch-pcap", converter = FormatConverter.class,
        description = "itch-file (BinaryFILE) or itch-pcap (pcap or pcapng); default: told by the file's magic.")
    private Format format;

    @Option(names = "--type", split = ",", paramLabel = "T",
        description = "Print only these message types (type letters, e.g. A,F,E,C,X,D,U,P).")
    private List<String> types;

    @Option(names = "--symbols", split = ",", paramLabel = "SYM",
        description = "Print only messages of these symbols (through the stock locates of the Stock Directory messages).")
    private List<String> symbols;

    @Option(names = "--count", paramLabel = "N", description = "Stop after printing N messages.")
    private long count = Long.MAX_VALUE;

    @Option(names = "--port", paramLabel = "UDP-PORT",
        description = "itch-pcap: read only UDP datagrams to this port (default: all UDP).")
    private int port;

    /** Parses {@code itch-file} and {@code itch-pcap}. */
    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<Format>
    {
        @Override
        public Format convert(final String value)
        {
            for (final Format candidate : Format.values())
            {
                if (candidate.label.equals(value))
                {
                    return candidate;
                }
            }
            throw new picocli.CommandLine.TypeConversionException(
                "'" + value + "' is not a format: itch-file or itch-pcap");
        }
    }

    @Override
    public Integer call()
    {
        if (count < 1)
        {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--count must be at least 1");
        }
        if (!Files.isRegularFile(file))
        {
            throw new IllegalArgumentException("no ITCH file at " + file);
        }
        final PrintWriter out = spec.commandLine().getOut();
        final Format chosen = format != null ? format : detect(file);
        final ItchDecoder decoder = new ItchDecoder();
        final ItchBinaryFileReader fileReader = new ItchBinaryFileReader(decoder);
        final ItchCaptureReader captureReader = new ItchCaptureReader(decoder).udpPort(port);
        final ItchMessagePrinter printer = new ItchMessagePrinter(out, typeFilter(), symbolFilter(), count,
            chosen == Format.ITCH_FILE ? fileReader::stop : captureReader::stop);
        if (chosen == Format.ITCH_FILE)
        {
            fileReader.read(file, printer);
        }
        else
        {
            captureReader.read(file, printer);
        }
        out.println(printer.printed() + " printed of " + printer.decoded() + " messages decoded (" + chosen + ")");
        out.println("by type: " + byType(decoder));
        int status = 0;
        if (chosen == Format.ITCH_PCAP)
        {
            final MoldUdp64Decoder mold = captureReader.mold();
            out.println("frames: " + captureReader.frames() + " (" + captureReader.skippedFrames() +
                " skipped: not IPv4/UDP" + (port != 0 ? " or not to port " + port : "") + ")");
            out.println("MoldUDP64: " + mold.packets() + " packets, " + mold.heartbeats() + " heartbeats, " +
                mold.endOfSessions() + " end of session, " + mold.duplicateMessages() + " duplicate messages, " +
                mold.gaps() + " gaps (" + mold.missingMessages() + " messages missing)");
            for (int i = 0; i < mold.sessions(); i++)
            {
                out.println("session '" + mold.appendSession(i, new StringBuilder()) + "': sequence " +
                    mold.firstSequence(i) + " to " + (mold.nextSequence(i) - 1));
            }
            if (mold.gaps() > 0)
            {
                spec.commandLine().getErr().println("ringwall itch-dump: " + mold.gaps() + " MoldUDP64 sequence gaps, " +
                    mold.missingMessages() + " messages missing (last: " + mold.describeLastGap() + "): a book built " +
                    "from this capture would be wrong; use a complete capture or recover the missing messages");
                status = RingwallCli.EXIT_FAILURE;
            }
        }
        out.flush();
        return status;
    }

    private static Format detect(final Path file)
    {
        try (InputStream in = Files.newInputStream(file))
        {
            final byte[] magic = in.readNBytes(4);
            if (magic.length == 4)
            {
                final int big = ((magic[0] & 0xFF) << 24) | ((magic[1] & 0xFF) << 16) | ((magic[2] & 0xFF) << 8) |
                    (magic[3] & 0xFF);
                if (big == 0xA1B2C3D4 || big == 0xD4C3B2A1 || big == 0xA1B23C4D || big == 0x4D3CB2A1 ||
                    big == 0x0A0D0D0A)
                {
                    return Format.ITCH_PCAP;
                }
            }
            return Format.ITCH_FILE;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read " + file + ": " + ex.getMessage(), ex);
        }
    }

    private boolean[] typeFilter()
    {
        if (types == null)
        {
            return null;
        }
        final boolean[] wanted = new boolean[256];
        for (final String type : types)
        {
            if (type.length() != 1 || !ItchMessageType.isKnown((byte)type.charAt(0)))
            {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--type " + type + " is not a " +
                    "TotalView-ITCH 5.0 message type (one of S,R,H,Y,L,V,W,K,J,h,A,F,E,C,X,D,U,P,Q,B,I,N,O)");
            }
            wanted[type.charAt(0)] = true;
        }
        return wanted;
    }

    private Set<Long> symbolFilter()
    {
        if (symbols == null)
        {
            return null;
        }
        final Set<Long> codes = new HashSet<>();
        for (final String symbol : symbols)
        {
            try
            {
                codes.add(ItchFields.alphaCode(symbol, 8));
            }
            catch (final IllegalArgumentException ex)
            {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--symbols: " + ex.getMessage());
            }
        }
        return codes;
    }

    private static String byType(final ItchDecoder decoder)
    {
        final StringBuilder text = new StringBuilder();
        for (final char type : "SRHYLVWKJhAFECXDUPQBINO".toCharArray())
        {
            final long n = decoder.messages((byte)type);
            if (n > 0)
            {
                text.append(text.length() == 0 ? "" : " ").append(type).append('=').append(n);
            }
        }
        return text.length() == 0 ? "none" : text.toString();
    }
}
