package io.ringwall.engine.venue;

import io.ringwall.codecs.OrdType;
import io.ringwall.codecs.Side;
import io.ringwall.codecs.TimeInForce;

/**
 * An order working at the paper venue. Pooled by {@link PaperVenue}; every field is set on arrival.
 */
final class VenueOrder
{
    long clOrdId;
    long venueOrderId;
    int instrumentId;
    Side side;
    OrdType ordType;
    TimeInForce timeInForce;
    long quantity;
    long filled;
    long limitPrice;
    long stopPrice;
    boolean triggered;
    boolean acknowledged;
    /** Venue time the acknowledgement is due. */
    long ackDueNs;
    /** First venue time the order may fill: acknowledgement + fill latency, and the market open. */
    long liveAtNs;
    /** Venue time a DAY order expires (its session's close); Long.MAX_VALUE otherwise. */
    long expiresAtNs;
    /** Prints the venue had seen when the order arrived: it can fill only against later ones. */
    long arrivalPrint;
    /** Cash a buy holds back for buying power, money. */
    long commitment;

    long leaves()
    {
        return quantity - filled;
    }
}
