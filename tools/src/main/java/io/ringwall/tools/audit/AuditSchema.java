package io.ringwall.tools.audit;

import java.util.List;

/**
 * The SQL schema of {@code ringwall audit}: one place for the tables' DDL, the views and their documentation
 * ({@code ringwall audit --schema} prints it; the README copies it).
 *
 * <p>Times are {@code TIMESTAMP_NS} in UTC (nanoseconds kept); prices {@code DECIMAL(18,4)}, quantities
 * {@code DECIMAL(18,8)} and money {@code DECIMAL(18,4)}: the journal's implied-decimal integers made exact decimals,
 * never doubles. Enumerations are their schema names as text; a value the schema does not name is
 * {@code UNKNOWN(n)}.
 */
public final class AuditSchema
{
    /** Bumped whenever a table, column or view changes: a cache of another format is rebuilt, never trusted. */
    public static final int FORMAT = 6; // 2: VenueOrderStatus and OrderStatusQuery are order_events rows, no longer unknown;
    // 3: the amend frames (OrderReplaced, ReplaceRejected, ReplaceOrder) are order_events rows, no longer unknown;
    // 4: risk_rejects.amended_cl_ord_id (schema v7: a refused amend names the order it would have changed);
    // 5: schema v7's shadow frames are shadow_decisions and shadow_executions rows, no longer unknown;
    // 6: feed_events (schema v8: FeedHealth and TradingStatus, an exchange feed's gaps, silence and halts)

    static final String TIME = "TIMESTAMP_NS";
    static final String PRICE = "DECIMAL(18,4)";
    static final String QUANTITY = "DECIMAL(18,8)";
    static final String MONEY = "DECIMAL(18,4)";

    /** A column: name, SQL type, what it holds. */
    public record Column(String name, String type, String doc)
    {
    }

    /** A table loaded from the journal (or the session directory). */
    public record Table(String name, String source, String doc, List<Column> columns)
    {
        String ddl()
        {
            final StringBuilder sql = new StringBuilder("CREATE TABLE ").append(name).append(" (");
            for (int i = 0; i < columns.size(); i++)
            {
                sql.append(i == 0 ? "" : ", ").append(columns.get(i).name()).append(' ').append(columns.get(i).type());
            }
            return sql.append(')').toString();
        }
    }

    /** A view over the tables. */
    public record View(String name, String doc, String sql)
    {
        String ddl()
        {
            return "CREATE VIEW " + name + " AS " + sql;
        }
    }

    private static Column c(final String name, final String type, final String doc)
    {
        return new Column(name, type, doc);
    }

    private static Column sequence(final String journal)
    {
        return c("sequence", "BIGINT", "journal \"" + journal + "\" sequence of the record");
    }

    private static Column time()
    {
        return c("time", TIME, "the record's engine time (UTC)");
    }

    private static Column cause()
    {
        return c("cause_sequence", "BIGINT", "the journal \"in\" sequence of the input that caused it");
    }

    private static Column instrument()
    {
        return c("instrument_id", "INTEGER", "instrument (join instruments for the symbol)");
    }

    public static final List<Table> TABLES = List.of(
        new Table("trades", "in: Trade", "market-data prints", List.of(sequence("in"), time(), instrument(),
            c("trade_id", "BIGINT", "the source's trade id"), c("price", PRICE, "price"),
            c("quantity", QUANTITY, "quantity"), c("exchange_time", TIME, "the source's own timestamp"))),
        new Table("quotes", "in: Quote", "top of book", List.of(sequence("in"), time(), instrument(),
            c("bid_price", PRICE, "best bid"), c("bid_quantity", QUANTITY, "quantity at the bid"),
            c("ask_price", PRICE, "best ask"), c("ask_quantity", QUANTITY, "quantity at the ask"),
            c("exchange_time", TIME, "the source's own timestamp"))),
        new Table("bars", "in: Bar", "OHLCV bars, stamped at their close", List.of(sequence("in"), time(), instrument(),
            c("open", PRICE, "open"), c("high", PRICE, "high"), c("low", PRICE, "low"), c("close", PRICE, "close"),
            c("volume", QUANTITY, "volume"), c("start_time", TIME, "the bar's start"),
            c("duration_ns", "BIGINT", "the bar's length in ns"))),
        new Table("timer_ticks", "in: TimerTick", "timer inputs", List.of(sequence("in"), time(),
            c("timer_id", "INTEGER", "which timer"))),
        new Table("orders", "out: NewOrder", "every order the engine sent (it passed pre-trade risk)", List.of(
            sequence("out"), time(), c("cl_ord_id", "BIGINT", "client order id"), instrument(),
            c("strategy_id", "INTEGER", "strategy (join strategies for its spec)"), c("side", "VARCHAR", "BUY or SELL"),
            c("ord_type", "VARCHAR", "MARKET, LIMIT, STOP, STOP_LIMIT"), c("time_in_force", "VARCHAR", "DAY, GTC, IOC"),
            c("quantity", QUANTITY, "order quantity"), c("limit_price", PRICE, "limit price, NULL for none"),
            c("stop_price", PRICE, "stop price, NULL for none"), cause())),
        new Table("order_events", "in: OrderAccepted, OrderFilled, OrderRejected, OrderCancelled, CancelRejected, " +
            "OrderExpired, VenueOrderStatus, OrderReplaced, ReplaceRejected; out: CancelOrder, ReplaceOrder, InvalidTransition, OrderStatusQuery",
            "every event on an order after it was sent, from either journal", List.of(
            c("journal", "VARCHAR", "in (the venue's answers) or out (the engine's cancel requests and refusals)"),
            c("sequence", "BIGINT", "sequence in that journal"), time(),
            c("event", "VARCHAR", "ACCEPTED, PARTIALLY_FILLED, FILLED, REJECTED, CANCELLED, CANCEL_REJECTED, EXPIRED, " +
                "STATUS_REPORTED, REPLACED, REPLACE_REJECTED, CANCEL_REQUESTED, REPLACE_REQUESTED, INVALID_TRANSITION, STATUS_QUERIED"),
            c("cl_ord_id", "BIGINT", "the order's client order id (for a cancel or an amend: the id the venue knew " +
                "the order by)"),
            c("request_cl_ord_id", "BIGINT", "the cancel or amend request's own id (CANCEL_REQUESTED, " +
                "CANCEL_REJECTED, REPLACE_REQUESTED, REPLACED, REPLACE_REJECTED); an amended order's id from then on"),
            c("venue_order_id", "BIGINT", "the venue's order id"), instrument(),
            c("quantity", QUANTITY, "filled (last), cancelled or expired quantity; an amend's new order quantity; " +
                "STATUS_REPORTED: filled at the venue"),
            c("price", PRICE, "fill price; an amend's new limit price"), c("reason", "VARCHAR", "venue reject reason, the invalid " +
                "transition as STATE+EVENT, the state the venue reports (STATUS_REPORTED) or 'attempt N' (STATUS_QUERIED)"),
            c("venue_time", TIME, "the venue's timestamp"),
            c("cause_sequence", "BIGINT", "out rows: the journal \"in\" input that caused it"))),
        new Table("fills", "in: OrderFilled", "executions", List.of(sequence("in"), time(),
            c("cl_ord_id", "BIGINT", "client order id"), c("venue_order_id", "BIGINT", "venue order id"),
            c("exec_id", "BIGINT", "execution id"), instrument(), c("side", "VARCHAR", "BUY or SELL"),
            c("price", PRICE, "execution price"), c("quantity", QUANTITY, "executed quantity"),
            c("leaves_quantity", QUANTITY, "left open; 0 when the order is done"),
            c("cum_quantity", QUANTITY, "executed so far"), c("fee", MONEY, "fee charged"),
            c("venue_time", TIME, "the venue's timestamp"))),
        new Table("risk_rejects", "out: RiskReject", "orders pre-trade risk refused (never sent)", List.of(
            sequence("out"), time(), c("cl_ord_id", "BIGINT", "the id the order would have had"), instrument(),
            c("strategy_id", "INTEGER", "strategy"), c("side", "VARCHAR", "BUY or SELL"),
            c("quantity", QUANTITY, "quantity"), c("limit_price", PRICE, "limit price, NULL for none"),
            c("reason", "VARCHAR", "the check that refused it"),
            c("limit_value", "BIGINT", "the limit, in the check's unit (see ringwall risk-events)"),
            c("observed_value", "BIGINT", "the figure that hit it, same unit"), cause(),
            c("amended_cl_ord_id", "BIGINT", "a refused amend: the order it would have changed; NULL for a new order"))),
        new Table("breaker_events", "out: BreakerStateChange", "circuit breakers tripping and being reset", List.of(
            sequence("out"), time(), c("breaker", "VARCHAR", "breaker type"), c("from_state", "VARCHAR", "state before"),
            c("to_state", "VARCHAR", "state after"), c("observed_value", "BIGINT", "the figure, in the breaker's unit"),
            c("threshold_value", "BIGINT", "its threshold"), c("instrument_id", "INTEGER", "-1 when not per instrument"),
            cause())),
        new Table("operator_commands", "in: OperatorCommand", "operators' instructions, who and why", List.of(
            sequence("in"), time(), c("command", "VARCHAR", "command type"), c("breaker", "VARCHAR", "breaker, if any"),
            c("value", "BIGINT", "argument (capital scale in 1/10000)"), c("operator", "VARCHAR", "who"),
            c("reason", "VARCHAR", "why"))),
        new Table("operator_command_results", "out: OperatorCommandResult", "what the logic did with each command",
            List.of(sequence("out"), time(), c("command", "VARCHAR", "command type"),
                c("breaker", "VARCHAR", "breaker, if any"), c("result", "VARCHAR", "APPLIED, NO_CHANGE, REFUSED_..."),
                c("value", "BIGINT", "the argument as received"), cause())),
        new Table("reconciliation", "out: ReconciliationReport",
            "rows of each reconciliation with the venue: a position per instrument, or the cash (instrument_id -1)",
            List.of(sequence("out"), time(), c("reconciliation_id", "BIGINT", "which reconciliation"), instrument(),
                c("local_value", QUANTITY, "the engine's position (quantity), or cash (money)"),
                c("venue_value", QUANTITY, "the venue's"), c("difference", QUANTITY, "venue - local"),
                c("tolerance_value", QUANTITY, "largest difference allowed"), c("verdict", "VARCHAR", "MATCHED, ..."),
                c("local_open_orders", "INTEGER", "open orders here"),
                c("venue_open_orders", "INTEGER", "open orders at the venue"),
                c("unknown_venue_orders", "INTEGER", "open at the venue, unknown here"), cause())),
        new Table("venue_reports", "in: VenuePosition, VenueOpenOrder, ReconciliationEnd",
            "the venue's answers to a reconciliation request", List.of(sequence("in"), time(),
            c("kind", "VARCHAR", "POSITION, OPEN_ORDER or END"), c("reconciliation_id", "BIGINT", "which reconciliation"),
            instrument(), c("cl_ord_id", "BIGINT", "OPEN_ORDER: the order"), c("side", "VARCHAR", "OPEN_ORDER: side"),
            c("quantity", QUANTITY, "POSITION: signed position; OPEN_ORDER: leaves quantity"),
            c("cash", MONEY, "POSITION: the venue account's cash"), c("outcome", "VARCHAR", "END: COMPLETE, ..."),
            c("venue_time", TIME, "the venue's timestamp"))),
        new Table("shadow_decisions", "out: ShadowDecision",
            "shadow trading: each decision of a live strategy beside its twin's (run --shadow)", List.of(
            sequence("out"), time(), c("strategy_id", "INTEGER", "strategy"), instrument(),
            c("live_target", QUANTITY, "the live strategy's target position"),
            c("twin_target", QUANTITY, "the twin's target position"),
            c("verdict", "VARCHAR", "ALIGNED, SIGNAL_DIFFERS or TARGET_DIFFERS"),
            c("difference_ppm", "BIGINT", "|live - twin| / max(|live|, |twin|), parts per million"),
            c("tolerance_ppm", "BIGINT", "shadow.signal-tolerance, ppm"),
            c("misalignments_in_row", "INTEGER", "0 after an aligned decision"), cause())),
        new Table("shadow_executions", "out: ShadowExecution",
            "shadow trading: each finished live order against the paper model (run --shadow)", List.of(
            sequence("out"), time(), c("cl_ord_id", "BIGINT", "client order id"),
            c("strategy_id", "INTEGER", "strategy"), instrument(), c("side", "VARCHAR", "BUY or SELL"),
            c("quantity", QUANTITY, "order quantity"), c("filled_quantity", QUANTITY, "filled"),
            c("fill", "VARCHAR", "FILLED, PARTIAL or NOT_FILLED"),
            c("average_price", PRICE, "average fill price, NULL when nothing filled"),
            c("model_price", PRICE, "the paper model's price when the order was sent, NULL without one"),
            c("slippage_ppm", "BIGINT", "fill price against the model's, ppm, positive when worse for the order"),
            c("send_time", TIME, "when the order was sent (event time)"),
            c("ack_latency_ns", "BIGINT", "send to acknowledgement, event time; NULL when none"),
            c("fill_latency_ns", "BIGINT", "send to first fill, event time; NULL when none"),
            c("execution_quality_ppm", "BIGINT", "filled share of the last shadow.execution-window finished orders, " +
                "ppm; NULL until the window is full"), cause())),
        new Table("feed_events", "in: FeedHealth, TradingStatus",
            "the exchange feed's health (a sequence gap, silence) and its instruments' trading states (halts, resumes)",
            List.of(sequence("in"), time(),
            c("event", "VARCHAR", "GAP or SILENT (FeedHealth, the whole feed), or HALTED, PAUSED, QUOTATION_ONLY or " +
                "TRADING (TradingStatus, one instrument)"),
            c("instrument_id", "INTEGER", "TradingStatus: the instrument (join instruments); NULL for the feed"),
            c("expected_sequence", "BIGINT", "GAP: the sequence number the feed owed next"),
            c("received_sequence", "BIGINT", "GAP: the sequence number that came instead"),
            c("silence_ns", "BIGINT", "SILENT: how long nothing came, ns"),
            c("reason", "VARCHAR", "TradingStatus: the exchange's reason code (ITCH's, e.g. LUDP), NULL for none"),
            c("exchange_time", TIME, "the feed's timestamp (FeedHealth: of its last message before it went bad)"))),
        new Table("unknown_frames", "in/out: any other frame",
            "records this build cannot decode (a newer schema's template, or a malformed frame): kept, never dropped",
            List.of(c("journal", "VARCHAR", "in or out"), c("sequence", "BIGINT", "sequence in that journal"), time(),
                c("template_id", "INTEGER", "the frame's template id"), c("schema_id", "INTEGER", "its schema id"),
                c("length", "INTEGER", "frame bytes"), c("problem", "VARCHAR", "unknown, or malformed: why"))),
        new Table("snapshots", "DIR/snapshot-*.rwsnap", "the session's checkpoint files", List.of(
            c("input_sequence", "BIGINT", "the state after this input"), c("file", "VARCHAR", "file name"),
            c("bytes", "BIGINT", "size"), c("modified", TIME, "file time (UTC)"), c("valid", "BOOLEAN", "checksum holds"),
            c("problem", "VARCHAR", "why not valid"))),
        new Table("instruments", "manifest: logic.symbols", "instrument ids and symbols", List.of(
            c("instrument_id", "INTEGER", "id"), c("symbol", "VARCHAR", "symbol"))),
        new Table("strategies", "manifest: logic.strategy.N", "strategy ids and specs", List.of(
            c("strategy_id", "INTEGER", "id"), c("spec", "VARCHAR", "the strategy's spec"))));

    private static final String INPUT_TYPES = "SELECT sequence, time, 'Trade' AS type FROM trades " +
        "UNION ALL SELECT sequence, time, 'Quote' FROM quotes UNION ALL SELECT sequence, time, 'Bar' FROM bars " +
        "UNION ALL SELECT sequence, time, 'TimerTick' FROM timer_ticks " +
        "UNION ALL SELECT sequence, time, 'OperatorCommand' FROM operator_commands " +
        "UNION ALL SELECT sequence, time, CASE kind WHEN 'POSITION' THEN 'VenuePosition' " +
        "WHEN 'OPEN_ORDER' THEN 'VenueOpenOrder' ELSE 'ReconciliationEnd' END FROM venue_reports " +
        "UNION ALL SELECT sequence, time, CASE event WHEN 'ACCEPTED' THEN 'OrderAccepted' WHEN 'REJECTED' THEN " +
        "'OrderRejected' WHEN 'CANCELLED' THEN 'OrderCancelled' WHEN 'CANCEL_REJECTED' THEN 'CancelRejected' " +
        "WHEN 'REPLACED' THEN 'OrderReplaced' WHEN 'REPLACE_REJECTED' THEN 'ReplaceRejected' " +
        "WHEN 'EXPIRED' THEN 'OrderExpired' WHEN 'STATUS_REPORTED' THEN 'VenueOrderStatus' ELSE 'OrderFilled' END " +
        "FROM order_events WHERE journal = 'in' " +
        "UNION ALL SELECT sequence, time, CASE WHEN event IN ('GAP', 'SILENT') THEN 'FeedHealth' ELSE 'TradingStatus' " +
        "END FROM feed_events " +
        "UNION ALL SELECT sequence, time, 'unknown' FROM unknown_frames WHERE journal = 'in'";

    private static final String OUTPUT_TYPES = "SELECT sequence, time, 'NewOrder' AS type, cause_sequence FROM orders " +
        "UNION ALL SELECT sequence, time, 'RiskReject', cause_sequence FROM risk_rejects " +
        "UNION ALL SELECT sequence, time, 'BreakerStateChange', cause_sequence FROM breaker_events " +
        "UNION ALL SELECT sequence, time, 'OperatorCommandResult', cause_sequence FROM operator_command_results " +
        "UNION ALL SELECT sequence, time, 'ReconciliationReport', cause_sequence FROM reconciliation " +
        "UNION ALL SELECT sequence, time, 'ShadowDecision', cause_sequence FROM shadow_decisions " +
        "UNION ALL SELECT sequence, time, 'ShadowExecution', cause_sequence FROM shadow_executions " +
        "UNION ALL SELECT sequence, time, CASE event WHEN 'CANCEL_REQUESTED' THEN 'CancelOrder' " +
        "WHEN 'REPLACE_REQUESTED' THEN 'ReplaceOrder' " +
        "WHEN 'STATUS_QUERIED' THEN 'OrderStatusQuery' ELSE 'InvalidTransition' END, cause_sequence FROM order_events " +
        "WHERE journal = 'out' " +
        "UNION ALL SELECT sequence, time, 'unknown', NULL FROM unknown_frames WHERE journal = 'out'";

    /** Every order attempt: the ones sent (risk PASSED) and the ones pre-trade risk refused. */
    private static final String ATTEMPTS = "attempts AS (" +
        "  SELECT cl_ord_id, strategy_id, instrument_id, side, quantity, limit_price, cause_sequence, sequence, time," +
        "         'PASSED' AS risk, NULL AS risk_reason FROM orders" +
        "  UNION ALL SELECT cl_ord_id, strategy_id, instrument_id, side, quantity, limit_price, cause_sequence, sequence," +
        "         time, 'REJECTED', reason FROM risk_rejects)";

    /**
     * An order's life, one row per step, in the order they happened: position = the journal "in" sequence the step
     * belongs to (an output's is its cause), then in before out, then the sequence.
     */
    private static final String ORDER_LIFE =
        "WITH " + ATTEMPTS + ", steps AS (" +
        "  SELECT a.cl_ord_id, 'intent' AS step, 'in' AS journal, a.cause_sequence AS sequence, i.time, i.type AS detail," +
        "         NULL::" + QUANTITY + " AS quantity, NULL::" + PRICE + " AS price, a.cause_sequence AS position, 0 AS rank" +
        "  FROM attempts a LEFT JOIN inputs i ON i.sequence = a.cause_sequence" +
        "  UNION ALL SELECT cl_ord_id, 'risk', 'out', sequence, time, risk || coalesce(' ' || risk_reason, ''), quantity," +
        "         limit_price, cause_sequence, 1 FROM attempts" +
        "  UNION ALL SELECT cl_ord_id, 'sent', 'out', sequence, time, side || ' ' || ord_type || ' ' || time_in_force," +
        "         quantity, limit_price, cause_sequence, 2 FROM orders" +
        "  UNION ALL SELECT cl_ord_id, lower(event), journal, sequence, time, reason, quantity, price," +
        "         CASE journal WHEN 'in' THEN sequence ELSE cause_sequence END, CASE journal WHEN 'in' THEN 0 ELSE 3 END" +
        "  FROM order_events) " +
        "SELECT s.cl_ord_id, a.strategy_id, row_number() OVER (PARTITION BY s.cl_ord_id ORDER BY s.position, s.rank," +
        "       s.sequence) AS step_no, s.step, s.journal, s.sequence, s.time, s.detail, s.quantity, s.price " +
        "FROM steps s LEFT JOIN attempts a ON a.cl_ord_id = s.cl_ord_id";

    private static final String ORDER_SUMMARY =
        "WITH " + ATTEMPTS + ", ev AS (SELECT cl_ord_id," +
        "  min(time) FILTER (WHERE event = 'ACCEPTED') AS ack_time," +
        "  count(*) FILTER (WHERE event IN ('FILLED', 'PARTIALLY_FILLED')) AS fills," +
        "  sum(quantity) FILTER (WHERE event IN ('FILLED', 'PARTIALLY_FILLED')) AS filled_quantity," +
        "  sum(quantity * price) FILTER (WHERE event IN ('FILLED', 'PARTIALLY_FILLED')) AS filled_notional," +
        "  arg_max(event, sequence) FILTER (WHERE journal = 'in' AND event IN ('FILLED', 'CANCELLED', 'REJECTED', " +
        "    'EXPIRED')) AS terminal," +
        "  max(time) FILTER (WHERE journal = 'in' AND event IN ('FILLED', 'CANCELLED', 'REJECTED', 'EXPIRED')) " +
        "    AS terminal_time" +
        "  FROM order_events GROUP BY cl_ord_id), " +
        "fees AS (SELECT cl_ord_id, sum(fee) AS fees FROM fills GROUP BY cl_ord_id) " +
        "SELECT a.cl_ord_id, a.strategy_id, a.instrument_id, a.side, a.quantity, a.limit_price," +
        "  a.cause_sequence AS intent_sequence, i.type AS intent_type, i.time AS intent_time, a.risk, a.risk_reason," +
        "  CASE a.risk WHEN 'PASSED' THEN a.time END AS sent_time, ev.ack_time, coalesce(ev.fills, 0) AS fills," +
        "  coalesce(ev.filled_quantity, 0)::" + QUANTITY + " AS filled_quantity," +
        "  CAST(ev.filled_notional / nullif(ev.filled_quantity, 0) AS " + PRICE + ") AS average_price," +
        "  coalesce(f.fees, 0)::" + MONEY + " AS fees," +
        "  CASE WHEN a.risk = 'REJECTED' THEN 'RISK_REJECTED' ELSE coalesce(ev.terminal, 'OPEN') END AS terminal," +
        "  CASE WHEN a.risk = 'REJECTED' THEN a.time ELSE ev.terminal_time END AS terminal_time " +
        "FROM attempts a LEFT JOIN inputs i ON i.sequence = a.cause_sequence " +
        "LEFT JOIN ev ON ev.cl_ord_id = a.cl_ord_id LEFT JOIN fees f ON f.cl_ord_id = a.cl_ord_id";

    /**
     * Mark-to-market PnL per UTC day, strategy and instrument: the day's cash flow of its fills (sells minus buys
     * minus fees) plus the position at the day's end valued at the day's close, minus the position at the previous
     * day's end valued at that day's close. The close is the day's last trade (else the last fill) price.
     */
    private static final String DAILY_PNL =
        "WITH f AS (SELECT CAST(date_trunc('day', f.time) AS DATE) AS day, o.strategy_id, f.instrument_id," +
        "    sum(CASE f.side WHEN 'BUY' THEN f.quantity ELSE -f.quantity END) AS net_quantity," +
        "    sum(CASE f.side WHEN 'SELL' THEN f.quantity * f.price ELSE -f.quantity * f.price END) - sum(f.fee) AS cash_flow," +
        "    sum(f.fee) AS fees, count(*) AS fills, arg_max(f.price, f.sequence) AS last_fill_price" +
        "  FROM fills f JOIN orders o ON o.cl_ord_id = f.cl_ord_id GROUP BY ALL), " +
        "closes AS (SELECT CAST(date_trunc('day', time) AS DATE) AS day, instrument_id, arg_max(price, sequence) AS close" +
        "  FROM trades GROUP BY ALL), " +
        "d AS (SELECT f.*, coalesce(c.close, f.last_fill_price) AS close_price," +
        "    sum(net_quantity) OVER (PARTITION BY strategy_id, f.instrument_id ORDER BY f.day) AS position FROM f" +
        "  LEFT JOIN closes c ON c.day = f.day AND c.instrument_id = f.instrument_id) " +
        "SELECT day, strategy_id, instrument_id, fills, net_quantity::" + QUANTITY + " AS net_quantity," +
        "  position::" + QUANTITY + " AS position, close_price::" + PRICE + " AS close_price, fees::" + MONEY + " AS fees," +
        "  cash_flow::" + MONEY + " AS cash_flow," +
        "  CAST(cash_flow + position * close_price - coalesce(lag(position * close_price) OVER " +
        "    (PARTITION BY strategy_id, instrument_id ORDER BY day), 0) AS " + MONEY + ") AS pnl " +
        "FROM d";

    public static final List<View> VIEWS = List.of(
        new View("inputs", "every journal \"in\" record: sequence, time, type (frame type, 'unknown' for one this " +
            "build cannot decode)", "SELECT sequence, time, type FROM (" + INPUT_TYPES + ")"),
        new View("outputs", "every journal \"out\" record: sequence, time, type, cause_sequence",
            "SELECT sequence, time, type, cause_sequence FROM (" + OUTPUT_TYPES + ")"),
        new View("order_life", "an order's full life, one row per step in order (step_no): intent (the input that " +
            "caused it) -> risk (PASSED, or REJECTED and the reason) -> sent -> accepted -> partially_filled/filled -> " +
            "cancel_requested/cancel_rejected -> cancelled/rejected/expired; columns cl_ord_id, strategy_id, step_no, " +
            "step, journal, sequence, time, detail, quantity, price", ORDER_LIFE),
        new View("order_summary", "one row per order attempt: intent, risk verdict, sent and ack times, fills, filled " +
            "quantity, average price, fees, terminal state (FILLED, CANCELLED, REJECTED, EXPIRED, RISK_REJECTED or OPEN) " +
            "and when", ORDER_SUMMARY),
        new View("daily_pnl", "mark-to-market PnL per UTC day, strategy and instrument: fills, net quantity, position " +
            "at the day's end, close price (last trade, else last fill), fees, cash flow, pnl", DAILY_PNL));

    private AuditSchema()
    {
    }

    /** @return the schema as text: every table with its source and columns, then the views. */
    public static String describe()
    {
        final StringBuilder text = new StringBuilder();
        for (final Table table : TABLES)
        {
            text.append("table ").append(table.name()).append(" (").append(table.source()).append("): ")
                .append(table.doc()).append('\n');
            for (final Column column : table.columns())
            {
                text.append(String.format("  %-22s %-14s %s%n", column.name(), column.type(), column.doc()));
            }
        }
        for (final View view : VIEWS)
        {
            text.append("view ").append(view.name()).append(": ").append(view.doc()).append('\n');
        }
        return text.toString();
    }
}
