package io.ringwall.engine.config;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

import io.ringwall.codecs.snapshot.InstrumentReferenceDecoder;
import io.ringwall.codecs.snapshot.InstrumentReferenceEncoder;
import io.ringwall.codecs.snapshot.MessageHeaderDecoder;
import io.ringwall.codecs.snapshot.MessageHeaderEncoder;
import io.ringwall.journal.ReferenceDataMap;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;

/**
 * The instrument list as a reference-data Chronicle Map ({@link ReferenceDataMap}) that processes other
 * than the engine read: one {@code InstrumentReference} frame (ringwall-snapshot.xml) per symbol, whose
 * instrument id is the instrument's position in the list, as everywhere in the engine.
 */
public final class ReferenceData
{
    private ReferenceData()
    {
    }

    /**
     * Replaces the map at {@code file} with {@code instruments}; readers see all of them or the previous map.
     *
     * @throws IllegalArgumentException when a symbol is listed twice (its key would hide an instrument id).
     */
    public static void publish(final Path file, final List<InstrumentSpec> instruments)
    {
        final Set<String> symbols = new HashSet<>();
        for (final InstrumentSpec instrument : instruments)
        {
            if (!symbols.add(instrument.symbol()))
            {
                throw new IllegalArgumentException("reference data: symbol " + instrument.symbol() + " is listed twice");
            }
        }
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(256);
        final MessageHeaderEncoder header = new MessageHeaderEncoder();
        final InstrumentReferenceEncoder encoder = new InstrumentReferenceEncoder();
        try (ReferenceDataMap map = ReferenceDataMap.createOrReplace(file, Math.max(1, instruments.size())))
        {
            for (int id = 0; id < instruments.size(); id++)
            {
                final InstrumentSpec instrument = instruments.get(id);
                encoder.wrapAndApplyHeader(buffer, 0, header)
                    .instrumentId(id)
                    .lotSize(instrument.lotSize())
                    .tickSize(instrument.tickSize())
                    .averageDailyVolume(instrument.averageDailyVolume())
                    .priceBandPpm(instrument.priceBandPpm())
                    .symbol(instrument.symbol())
                    .sector(instrument.sector());
                map.put(instrument.symbol(), buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength());
            }
            map.commit();
        }
    }

    /**
     * @return the instruments of the map at {@code file}, ordered by instrument id.
     * @throws IllegalArgumentException when there is no map there.
     * @throws IllegalStateException when an entry is not an instrument, or the ids are not 0 to n-1.
     */
    public static List<InstrumentSpec> read(final Path file)
    {
        final TreeMap<Integer, InstrumentSpec> byId = new TreeMap<>();
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        final InstrumentReferenceDecoder decoder = new InstrumentReferenceDecoder();
        try (ReferenceDataMap map = ReferenceDataMap.openReadOnly(file))
        {
            map.forEach((symbol, frame) ->
            {
                final int id = decode(file, symbol, frame, header, decoder);
                final InstrumentSpec instrument = spec(decoder);
                if (!instrument.symbol().equals(symbol))
                {
                    throw new IllegalStateException("reference-data map " + file + ": the entry of " + symbol +
                        " describes " + instrument.symbol());
                }
                final InstrumentSpec previous = byId.put(id, instrument);
                if (previous != null)
                {
                    throw new IllegalStateException("reference-data map " + file + ": instrument id " + id +
                        " is both " + previous.symbol() + " and " + symbol);
                }
            });
        }
        if (!byId.isEmpty() && (byId.firstKey() != 0 || byId.lastKey() != byId.size() - 1))
        {
            throw new IllegalStateException("reference-data map " + file + ": instrument ids " + byId.keySet() +
                " are not 0 to " + (byId.size() - 1));
        }
        return List.copyOf(byId.values());
    }

    /**
     * Wraps {@code decoder} on the frame after checking it is an InstrumentReference of this schema.
     *
     * @return the instrument id.
     */
    private static int decode(final Path file, final String symbol, final DirectBuffer frame,
        final MessageHeaderDecoder header, final InstrumentReferenceDecoder decoder)
    {
        if (frame.capacity() < MessageHeaderDecoder.ENCODED_LENGTH ||
            header.wrap(frame, 0).schemaId() != InstrumentReferenceDecoder.SCHEMA_ID ||
            header.templateId() != InstrumentReferenceDecoder.TEMPLATE_ID)
        {
            throw new IllegalStateException("reference-data map " + file + ": the entry of " + symbol +
                " is not an InstrumentReference frame");
        }
        decoder.wrap(frame, MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version());
        return decoder.instrumentId();
    }

    /** Reads the fields in schema order: the variable-length symbol comes before the sector. */
    private static InstrumentSpec spec(final InstrumentReferenceDecoder decoder)
    {
        final long lotSize = decoder.lotSize();
        final long tickSize = decoder.tickSize();
        final long averageDailyVolume = decoder.averageDailyVolume();
        final long priceBandPpm = decoder.priceBandPpm();
        final String symbol = decoder.symbol();
        return new InstrumentSpec(symbol, decoder.sector(), lotSize, tickSize, averageDailyVolume, priceBandPpm);
    }
}
