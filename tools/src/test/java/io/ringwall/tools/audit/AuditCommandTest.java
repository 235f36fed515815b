package io.ringwall.tools.audit;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import io.ringwall.codecs.BarDecoder;
import io.ringwall.codecs.BreakerStateChangeDecoder;
import io.ringwall.codecs.CancelOrderDecoder;
import io.ringwall.codecs.CancelRejectedDecoder;
import io.ringwall.codecs.InvalidTransitionDecoder;
import io.ringwall.codecs.MessageHeaderDecoder;
import io.ringwall.codecs.NewOrderDecoder;
import io.ringwall.codecs.OperatorCommandDecoder;
import io.ringwall.codecs.OperatorCommandResultDecoder;
import io.ringwall.codecs.OrderAcceptedDecoder;
import io.ringwall.codecs.OrderCancelledDecoder;
import io.ringwall.codecs.OrderExpiredDecoder;
import io.ringwall.codecs.OrderFilledDecoder;
import io.ringwall.codecs.OrderRejectedDecoder;
import io.ringwall.codecs.QuoteDecoder;
import io.ringwall.codecs.ReconciliationEndDecoder;
import io.ringwall.codecs.ReconciliationReportDecoder;
import io.ringwall.codecs.RiskRejectDecoder;
import io.ringwall.codecs.TimerTickDecoder;
import io.ringwall.codecs.TradeDecoder;
import io.ringwall.codecs.VenueOpenOrderDecoder;
import io.ringwall.codecs.VenuePositionDecoder;
import io.ringwall.engine.checkpoint.JournalFiles;
import io.ringwall.engine.frames.InputEncoder;
import io.ringwall.journal.JournalDirectory;
import io.ringwall.journal.JournalReader;
import io.ringwall.journal.JournalWriter;
import io.ringwall.tools.RingwallCli;
import io.ringwall.tools.SessionSymbols;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class AuditCommandTest
{
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void everyTableCountsWhatTheJournalHoldsOnARealSession()
    {
        final Path session = dir.resolve("real");
        assertThat(execute("run", "--synthetic", "20000", "--checkpoint-every", "4000", "--journal", session.toString()))
            .as(text(err)).isZero();

        final Map<String, Long> expected = countJournal(session);
        assertThat(expected.get("inputs")).isGreaterThanOrEqualTo(20_000);
        assertThat(expected.get("orders")).isPositive();
        assertThat(expected.get("fills")).isPositive();
        assertThat(expected.get("snapshots")).isPositive();
        assertThat(countTables(session)).isEqualTo(expected);
    }

    @Test
    void dailyPnlAddsUpToTheNetPnlOfTheRunsSummary()
    {
        final Path session = dir.resolve("real");
        assertThat(execute("run", "--synthetic", "20000", "--journal", session.toString())).as(text(err)).isZero();
        final java.util.regex.Matcher net = java.util.regex.Pattern.compile("PnL .* net (-?[\\d,]+\\.\\d\\d);")
            .matcher(text(out));
        assertThat(net.find()).as(text(out)).isTrue();

        assertThat(query(session, "SELECT CAST(round(sum(pnl), 2) AS DECIMAL(18,2)) FROM daily_pnl"))
            .containsExactly(net.group(1).replace(",", ""));
    }

    @Test
    void everyTableCountsWhatTheJournalHoldsWithEveryFrameTypeAndFramesOfANewerSchema()
    {
        final Path session = AuditSession.write(dir.resolve("session"));

        final Map<String, Long> expected = countJournal(session);
        // every table holds rows, but snapshots: the hand-written session has none (the real session above does)
        assertThat(expected).allSatisfy((table, count) -> assertThat(count).as(table)
            .isEqualTo("snapshots".equals(table) ? 0 : Math.max(count, 1)));
        assertThat(countTables(session)).isEqualTo(expected);

        assertThat(query(session, "SELECT journal, sequence, template_id, problem FROM unknown_frames ORDER BY ALL"))
            .containsExactly("in,15,77,unknown", "out,14,77,unknown");
        assertThat(query(session, "SELECT type FROM inputs WHERE sequence = 15")).containsExactly("unknown");
    }

    @Test
    void anExchangeFeedsHaltsAndGapLandInFeedEventsWithTheirTypesNotAsUnknownFrames()
    {
        final Path session = AuditSession.write(dir.resolve("session"));

        assertThat(query(session, "SELECT sequence, event, instrument_id, expected_sequence, received_sequence, " +
            "silence_ns, reason, exchange_time FROM feed_events ORDER BY sequence")).containsExactly(
            "23,HALTED,0,,,,LUDP,2023-11-14T22:13:43Z",
            "24,TRADING,0,,,,,2023-11-14T22:13:44Z",
            "25,GAP,,151,161,0,,2023-11-14T22:13:44Z");
        assertThat(query(session, "SELECT type FROM inputs WHERE sequence >= 23 ORDER BY sequence"))
            .containsExactly("TradingStatus", "TradingStatus", "FeedHealth");
    }

    @Test
    void shadowFramesAreRowsOfTheirOwnTablesWithNullsWhereTheFrameSaysNeverOrNotYet()
    {
        final Path session = AuditSession.write(dir.resolve("shadow"));

        assertThat(query(session, "SELECT sequence, strategy_id, instrument_id, live_target, twin_target, verdict, " +
            "difference_ppm, tolerance_ppm, misalignments_in_row, cause_sequence FROM shadow_decisions"))
            .containsExactly("15,0,0,1.00000000,-0.50000000,SIGNAL_DIFFERS,1500000,50000,2,22");
        assertThat(query(session, "SELECT cl_ord_id, side, quantity, filled_quantity, fill, average_price, model_price, " +
            "slippage_ppm, epoch_ns(send_time), ack_latency_ns, fill_latency_ns, execution_quality_ppm, cause_sequence " +
            "FROM shadow_executions")).containsExactly(AuditSession.E + ",BUY,0.30000000,0.30000000,FILLED,26993.3300," +
            "27000.0000,-247," + AuditSession.time(10) + ",1000000000,2000000000,,22");
        assertThat(query(session, "SELECT type FROM outputs WHERE sequence IN (15, 16) ORDER BY sequence"))
            .containsExactly("ShadowDecision", "ShadowExecution");
    }

    @Test
    void amendsLandInOrderEventsWithTheirTypesNotAsUnknownFrames()
    {
        final Path session = AuditSession.writeAmends(dir.resolve("amends"));

        assertThat(countTables(session)).isEqualTo(countJournal(session));
        assertThat(query(session, "SELECT count(*) FROM unknown_frames")).containsExactly("0");
        assertThat(query(session, "SELECT journal, sequence, event, cl_ord_id, request_cl_ord_id, quantity, price, " +
            "reason, cause_sequence FROM order_events WHERE event LIKE 'REPLACE%' ORDER BY time, journal DESC"))
            .containsExactly(
                "out,2,REPLACE_REQUESTED," + AuditSession.A + ",196608,2.00000000,30020.0000,,3",
                "in,4,REPLACED," + AuditSession.A + ",196608,2.00000000,30020.0000,,",
                "out,3,REPLACE_REQUESTED,196608,327680,3.00000000,30020.0000,,5",
                "in,6,REPLACE_REJECTED,196608,327680,,,OTHER,");
        assertThat(query(session, "SELECT type FROM inputs WHERE sequence IN (4, 6) ORDER BY sequence"))
            .containsExactly("OrderReplaced", "ReplaceRejected");
        assertThat(query(session, "SELECT type FROM outputs WHERE sequence IN (2, 3) ORDER BY sequence"))
            .containsExactly("ReplaceOrder", "ReplaceOrder");
        assertThat(query(session, "SELECT cl_ord_id, reason, amended_cl_ord_id FROM risk_rejects"))
            .as("a refused amend names the order").containsExactly(7 * 65_536L + ",MAX_QUANTITY," + AuditSession.A);
    }

    @Test
    void anOrdersLifeFromIntentThroughRiskToItsEndMatchesTheSession()
    {
        final Path session = AuditSession.write(dir.resolve("session"));
        final String life = "SELECT step_no, step, journal, sequence, CAST(time AS VARCHAR), detail, quantity, price " +
            "FROM order_life WHERE cl_ord_id = %d ORDER BY step_no";

        assertThat(query(session, String.format(life, AuditSession.A))).containsExactly(
            "1,intent,in,2,2023-11-14 22:13:22,Trade,,",
            "2,risk,out,1,2023-11-14 22:13:22,PASSED,1.00000000,30010.0000",
            "3,sent,out,1,2023-11-14 22:13:22,BUY LIMIT DAY,1.00000000,30010.0000",
            "4,accepted,in,3,2023-11-14 22:13:23,,,",
            "5,partially_filled,in,4,2023-11-14 22:13:24,,0.40000000,30005.0000",
            "6,cancel_requested,out,4,2023-11-14 22:13:25,,1.00000000,",
            "7,cancelled,in,7,2023-11-14 22:13:27,,0.60000000,");
        assertThat(query(session, String.format(life, AuditSession.R))).containsExactly(
            "1,intent,in,2,2023-11-14 22:13:22,Trade,,",
            "2,risk,out,2,2023-11-14 22:13:22,REJECTED LOT_SIZE,2.50000000,");
        assertThat(query(session, String.format(life, AuditSession.E))).containsExactly(
            "1,intent,in,10,2023-11-14 22:13:30,Trade,,",
            "2,risk,out,9,2023-11-14 22:13:30,PASSED,0.30000000,27000.0000",
            "3,sent,out,9,2023-11-14 22:13:30,BUY LIMIT GTC,0.30000000,27000.0000",
            "4,accepted,in,11,2023-11-14 22:13:31,,,",
            "5,partially_filled,in,12,2023-11-14 22:13:32,,0.10000000,27000.0000",
            "6,cancel_requested,out,10,2023-11-14 22:13:32,,0.30000000,",
            "7,cancel_rejected,in,13,2023-11-14 22:13:33,TOO_LATE_TO_CANCEL,,",
            "8,filled,in,14,2023-11-14 22:13:34,,0.20000000,26990.0000");

        assertThat(query(session, "SELECT cl_ord_id, strategy_id, side, risk, risk_reason, intent_sequence, " +
            "CAST(sent_time AS VARCHAR), CAST(ack_time AS VARCHAR), fills, filled_quantity, average_price, fees, terminal, " +
            "CAST(terminal_time AS VARCHAR) FROM order_summary ORDER BY cl_ord_id")).containsExactly(
            "131072,0,BUY,PASSED,,2,2023-11-14 22:13:22,2023-11-14 22:13:23,1,0.40000000,30005.0000,1.2000,CANCELLED," +
                "2023-11-14 22:13:27",
            "131073,1,SELL,REJECTED,LOT_SIZE,2,,,0,0.00000000,,0.0000,RISK_REJECTED,2023-11-14 22:13:22",
            "327680,1,SELL,PASSED,,5,2023-11-14 22:13:25,,0,0.00000000,,0.0000,REJECTED,2023-11-14 22:13:26",
            "524288,0,BUY,REJECTED,TRADING_HALTED,8,,,0,0.00000000,,0.0000,RISK_REJECTED,2023-11-14 22:13:28",
            "655360,0,BUY,PASSED,,10,2023-11-14 22:13:30,2023-11-14 22:13:31,2,0.30000000,26993.3333,0.8100,FILLED," +
                "2023-11-14 22:13:34");

        assertThat(query(session, "SELECT b.sequence, b.breaker, b.from_state, b.to_state, c.operator, c.reason " +
            "FROM breaker_events b LEFT JOIN operator_commands c ON c.sequence = b.cause_sequence ORDER BY b.sequence"))
            .containsExactly("5,MARKET_MOVE,ACTIVE,HALTED,,",
                "7,MARKET_MOVE,HALTED,ACTIVE,alice,\"moved 10%, \"\"checked\"\" with the desk\"");

        // strategy 0 bought 0.4 @ 30005, 0.1 @ 27000, 0.2 @ 26990 (fees 2.01); the day closed at 27000:
        // cash flow -20100 - 2.01, position 0.7 * 27000 = 18900, PnL -1202.01. Strategy 1 never filled.
        assertThat(query(session, "SELECT day, strategy_id, fills, net_quantity, position, close_price, fees, cash_flow, " +
            "pnl FROM daily_pnl ORDER BY ALL"))
            .containsExactly("2023-11-14,0,3,0.70000000,0.70000000,27000.0000,2.0100,-20102.0100,-1202.0100");
    }

    @Test
    void printsCsvQuotedAsRfc4180AndJsonAsOneArrayOfObjectsWithExactNumbers()
    {
        final Path session = AuditSession.write(dir.resolve("session"));

        assertThat(execute("audit", "--journal", session.toString(), "--format", "csv", "--sql",
            "SELECT sequence, time, operator, reason FROM operator_commands")).as(text(err)).isZero();
        assertThat(text(out)).isEqualTo("sequence,time,operator,reason\r\n" +
            "9,2023-11-14T22:13:29Z,alice,\"moved 10%, \"\"checked\"\" with the desk\"\r\n");

        out.reset();
        assertThat(execute("audit", "--journal", session.toString(), "--format", "json", "--sql",
            "SELECT sequence, price, quantity, side, venue_time, sequence > 10 AS late FROM fills ORDER BY sequence"))
            .as(text(err)).isZero();
        assertThat(text(out).strip()).isEqualTo("[" +
            "{\"sequence\":4,\"price\":30005.0000,\"quantity\":0.40000000,\"side\":\"BUY\"," +
            "\"venue_time\":\"2023-11-14T22:13:24Z\",\"late\":false}," +
            "{\"sequence\":12,\"price\":27000.0000,\"quantity\":0.10000000,\"side\":\"BUY\"," +
            "\"venue_time\":\"2023-11-14T22:13:32Z\",\"late\":true}," +
            "{\"sequence\":14,\"price\":26990.0000,\"quantity\":0.20000000,\"side\":\"BUY\"," +
            "\"venue_time\":\"2023-11-14T22:13:34Z\",\"late\":true}]");

        out.reset();
        assertThat(execute("audit", "--journal", session.toString(), "--sql",
            "SELECT symbol, count(*) AS trades FROM trades JOIN instruments USING (instrument_id) GROUP BY symbol"))
            .as(text(err)).isZero();
        assertThat(text(out).split("\n")).containsExactly("symbol | trades", "-------+-------", "BTCUSD |      5",
            "(1 row)");
    }

    @Test
    void withoutSqlReadsStatementsFromStdinAndGoesOnAfterAFailingOne()
    {
        final Path session = AuditSession.write(dir.resolve("session"));
        final String statements = "SELECT count(*) AS n\nFROM trades;\nSELECT no_such_column FROM fills; -- fails\n" +
            "SELECT count(*) AS rejects FROM risk_rejects WHERE reason <> 'a;b'; SELECT 'x;y' AS \"semi;colon\";\n";

        final InputStream stdin = System.in;
        final int status;
        try
        {
            System.setIn(new ByteArrayInputStream(statements.getBytes(StandardCharsets.UTF_8)));
            status = execute("audit", "--journal", session.toString(), "--format", "csv");
        }
        finally
        {
            System.setIn(stdin);
        }

        assertThat(status).isEqualTo(RingwallCli.EXIT_FAILURE);
        assertThat(text(out)).isEqualTo("n\r\n5\r\nrejects\r\n2\r\nsemi;colon\r\nx;y\r\n");
        assertThat(text(err)).contains("error: ").contains("no_such_column");
    }

    @Test
    void theCacheIsReusedLoadedOnWhenTheJournalGrewAndRebuiltWhenItChangedOrShrank() throws Exception
    {
        final Path session = AuditSession.write(dir.resolve("session"));
        final Path cache = dir.resolve("cache.duckdb");
        final String count = "SELECT count(*) FROM trades";

        assertThat(auditCsv(session, cache, count)).containsExactly("count_star()", "5");
        assertThat(text(err)).contains(" built: loaded 41 records (journal in 1..25, out 1..16)");
        assertThat(auditCsv(session, cache, count)).containsExactly("count_star()", "5");
        assertThat(text(err)).as("nothing to load").isEmpty();

        appendTrades(session, 26, 100);
        assertThat(auditCsv(session, cache, "SELECT sequence, trade_id FROM trades WHERE sequence > 20"))
            .containsExactly("sequence,trade_id", "26,100");
        assertThat(text(err)).contains(" updated: loaded 1 records (journal in 1..26, out 1..16)");

        // another session with the same first 25 records, then others: the cache's record 26 is not this one's
        final Path other = AuditSession.write(dir.resolve("other"));
        appendTrades(other, 26, 200);
        appendTrades(other, 27, 201);
        assertThat(auditCsv(other, cache, "SELECT trade_id FROM trades WHERE sequence > 20 ORDER BY 1"))
            .containsExactly("trade_id", "200", "201");
        assertThat(text(err)).contains(" rebuilt: loaded 43 records");

        // a shorter journal than the cache was loaded from
        assertThat(auditCsv(AuditSession.write(dir.resolve("short")), cache, count)).containsExactly("count_star()", "5");
        assertThat(text(err)).contains(" rebuilt: loaded 41 records");
    }

    @Test
    void aCorruptRecordFailsWithTheJournalsMessageAndExitTwo() throws Exception
    {
        final Path session = AuditSession.write(dir.resolve("session"));
        JournalFiles.flipFrameByte(session.resolve("in"), 5);

        assertThat(execute("audit", "--journal", session.toString(), "--sql", "SELECT count(*) FROM trades"))
            .isEqualTo(RingwallCli.EXIT_FAILURE);
        assertThat(text(err)).startsWith("ringwall audit: in journal").contains("record 5 (the one after 4) fails its checksum");
        assertThat(text(out)).isEmpty();
    }

    @Test
    void exportWritesEveryTableAndViewAsParquetWithDecimalsKept() throws SQLException
    {
        final Path session = AuditSession.write(dir.resolve("session"));
        final Path export = dir.resolve("export");

        assertThat(execute("audit", "export", "--journal", session.toString(), "--to", export.toString(), "--format",
            "parquet")).as(text(err)).isZero();

        assertThat(text(out)).contains("trades: 5 rows -> ").contains("order_life: 25 rows -> ");
        final List<String> names = new ArrayList<>();
        AuditSchema.TABLES.forEach(table -> names.add(table.name()));
        AuditSchema.VIEWS.forEach(view -> names.add(view.name()));
        for (final String name : names)
        {
            assertThat(export.resolve(name + ".parquet")).as(name).isNotEmptyFile();
        }
        try (var connection = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = connection.createStatement();
            ResultSet row = statement.executeQuery("SELECT count(*), typeof(any_value(price)), typeof(any_value(time)), " +
                "sum(quantity) FROM read_parquet('" + export.resolve("fills.parquet") + "')"))
        {
            row.next();
            assertThat(List.of(row.getString(1), row.getString(2), row.getString(3), row.getString(4)))
                .containsExactly("3", "DECIMAL(18,4)", "TIMESTAMP_NS", "0.70000000");
        }
    }

    @Test
    void schemaNamesEveryTableAndViewAndTheirColumns()
    {
        assertThat(execute("audit", "--schema")).as(text(err)).isZero();

        for (final String name : List.of("inputs", "outputs", "trades", "quotes", "orders", "order_events", "fills",
            "risk_rejects", "breaker_events", "operator_commands", "reconciliation", "snapshots", "order_life",
            "daily_pnl"))
        {
            assertThat(text(out)).containsPattern("(?m)^(table|view) " + name + "[ :]");
        }
        assertThat(text(out)).contains("  price                  DECIMAL(18,4)");
    }

    /** Counts per table found by reading the journals record by record, by template id. */
    private static Map<String, Long> countJournal(final Path session)
    {
        final Map<String, Long> counts = new TreeMap<>();
        for (final AuditSchema.Table table : AuditSchema.TABLES)
        {
            counts.put(table.name(), 0L);
        }
        final Map<Integer, List<String>> inTables = Map.ofEntries(Map.entry(TradeDecoder.TEMPLATE_ID, List.of("trades")),
            Map.entry(QuoteDecoder.TEMPLATE_ID, List.of("quotes")), Map.entry(BarDecoder.TEMPLATE_ID, List.of("bars")),
            Map.entry(TimerTickDecoder.TEMPLATE_ID, List.of("timer_ticks")),
            Map.entry(OperatorCommandDecoder.TEMPLATE_ID, List.of("operator_commands")),
            Map.entry(OrderAcceptedDecoder.TEMPLATE_ID, List.of("order_events")),
            Map.entry(OrderFilledDecoder.TEMPLATE_ID, List.of("order_events", "fills")),
            Map.entry(OrderRejectedDecoder.TEMPLATE_ID, List.of("order_events")),
            Map.entry(OrderCancelledDecoder.TEMPLATE_ID, List.of("order_events")),
            Map.entry(CancelRejectedDecoder.TEMPLATE_ID, List.of("order_events")),
            Map.entry(OrderExpiredDecoder.TEMPLATE_ID, List.of("order_events")),
            Map.entry(io.ringwall.codecs.OrderReplacedDecoder.TEMPLATE_ID, List.of("order_events")),
            Map.entry(io.ringwall.codecs.ReplaceRejectedDecoder.TEMPLATE_ID, List.of("order_events")),
            Map.entry(VenuePositionDecoder.TEMPLATE_ID, List.of("venue_reports")),
            Map.entry(VenueOpenOrderDecoder.TEMPLATE_ID, List.of("venue_reports")),
            Map.entry(ReconciliationEndDecoder.TEMPLATE_ID, List.of("venue_reports")),
            Map.entry(io.ringwall.codecs.VenueOrderStatusDecoder.TEMPLATE_ID, List.of("order_events")),
            Map.entry(io.ringwall.codecs.FeedHealthDecoder.TEMPLATE_ID, List.of("feed_events")),
            Map.entry(io.ringwall.codecs.TradingStatusDecoder.TEMPLATE_ID, List.of("feed_events")));
        final Map<Integer, List<String>> outTables = Map.ofEntries(Map.entry(NewOrderDecoder.TEMPLATE_ID, List.of("orders")),
            Map.entry(io.ringwall.codecs.ReplaceOrderDecoder.TEMPLATE_ID, List.of("order_events")),
            Map.entry(RiskRejectDecoder.TEMPLATE_ID, List.of("risk_rejects")),
            Map.entry(BreakerStateChangeDecoder.TEMPLATE_ID, List.of("breaker_events")),
            Map.entry(OperatorCommandResultDecoder.TEMPLATE_ID, List.of("operator_command_results")),
            Map.entry(ReconciliationReportDecoder.TEMPLATE_ID, List.of("reconciliation")),
            Map.entry(CancelOrderDecoder.TEMPLATE_ID, List.of("order_events")),
            Map.entry(InvalidTransitionDecoder.TEMPLATE_ID, List.of("order_events")),
            Map.entry(io.ringwall.codecs.OrderStatusQueryDecoder.TEMPLATE_ID, List.of("order_events")),
            Map.entry(io.ringwall.codecs.ShadowDecisionDecoder.TEMPLATE_ID, List.of("shadow_decisions")),
            Map.entry(io.ringwall.codecs.ShadowExecutionDecoder.TEMPLATE_ID, List.of("shadow_executions")));
        try (JournalDirectory journals = JournalDirectory.openExisting(session))
        {
            count(journals.inputReader(), "inputs", inTables, counts);
            count(journals.outputReader(), "outputs", outTables, counts);
            counts.put("instruments", (long)SessionSymbols.fromManifest(journals.readManifest()).symbols().size());
            counts.put("strategies", Long.parseLong(journals.readManifest().getOrDefault("logic.strategies", "0")));
        }
        try (Stream<Path> files = Files.list(session))
        {
            counts.put("snapshots", files.filter(f -> f.getFileName().toString().matches("snapshot-\\d{20}\\.rwsnap")).count());
        }
        catch (final java.io.IOException ex)
        {
            throw new java.io.UncheckedIOException(ex);
        }
        return counts;
    }

    private static void count(final JournalReader reader, final String all, final Map<Integer, List<String>> tables,
        final Map<String, Long> counts)
    {
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        try (reader)
        {
            reader.readAll((sequence, timeNs, frame, offset, length) ->
            {
                counts.merge(all, 1L, Long::sum);
                header.wrap(frame, offset);
                final List<String> into = header.schemaId() == MessageHeaderDecoder.SCHEMA_ID ?
                    tables.getOrDefault(header.templateId(), List.of("unknown_frames")) : List.of("unknown_frames");
                into.forEach(table -> counts.merge(table, 1L, Long::sum));
            });
        }
    }

    /** count(*) of every table and of the inputs and outputs views, through the command. */
    private Map<String, Long> countTables(final Path session)
    {
        final StringBuilder sql = new StringBuilder("SELECT 'inputs', count(*) FROM inputs UNION ALL " +
            "SELECT 'outputs', count(*) FROM outputs");
        AuditSchema.TABLES.forEach(table -> sql.append(" UNION ALL SELECT '").append(table.name())
            .append("', count(*) FROM ").append(table.name()));
        final Map<String, Long> counts = new TreeMap<>();
        for (final String line : query(session, sql.toString()))
        {
            final String[] cells = line.split(",");
            counts.put(cells[0], Long.parseLong(cells[1]));
        }
        return counts;
    }

    /** @return the result's rows as CSV lines, without the header. */
    private List<String> query(final Path session, final String sql)
    {
        out.reset();
        err.reset();
        assertThat(execute("audit", "--journal", session.toString(), "--format", "csv", "--sql", sql)).as(text(err))
            .isZero();
        final List<String> lines = new ArrayList<>(List.of(text(out).split("\r\n")));
        return lines.subList(1, lines.size());
    }

    private List<String> auditCsv(final Path session, final Path cache, final String sql)
    {
        out.reset();
        err.reset();
        assertThat(execute("audit", "--journal", session.toString(), "--cache", cache.toString(), "--format", "csv",
            "--sql", sql)).as(text(err)).isZero();
        return List.of(text(out).split("\r\n"));
    }

    @Test
    void theV5OrderStatusFramesAreOrderEventsNotUnknownRows()
    {
        final Path session = dir.resolve("status");
        final UnsafeBuffer frame = new UnsafeBuffer(new byte[128]);
        try (JournalDirectory journals = JournalDirectory.open(session); JournalWriter in = journals.inputWriter();
            JournalWriter outputs = journals.outputWriter())
        {
            journals.writeManifest(Map.of("logic.symbols", "BTCUSD", "logic.strategies", "0"));
            in.append(1, AuditSession.time(1), frame, 0, new InputEncoder().venueOrderStatus(frame, 0, 65_536L, 0,
                io.ringwall.codecs.OrderState.PARTIALLY_FILLED, 30_000_000, AuditSession.time(1)));
            in.commit();
            final int length = MessageHeaderDecoder.ENCODED_LENGTH + new io.ringwall.codecs.OrderStatusQueryEncoder()
                .wrapAndApplyHeader(frame, 0, new io.ringwall.codecs.MessageHeaderEncoder()).clOrdId(65_536L)
                .instrumentId(0).side(io.ringwall.codecs.Side.BUY).attempt(2).causeSequence(1).encodedLength();
            outputs.append(1, AuditSession.time(1), frame, 0, length);
            outputs.commit();
        }
        final Path cache = dir.resolve("status.duckdb");
        assertThat(auditCsv(session, cache, "SELECT journal, event, cl_ord_id, instrument_id, quantity, reason, " +
            "cause_sequence FROM order_events ORDER BY journal")).containsExactly(
            "journal,event,cl_ord_id,instrument_id,quantity,reason,cause_sequence",
            "in,STATUS_REPORTED,65536,0,0.30000000,PARTIALLY_FILLED,",
            "out,STATUS_QUERIED,65536,0,,attempt 2,1");
        assertThat(auditCsv(session, cache, "SELECT (SELECT type FROM inputs) AS i, (SELECT type FROM outputs) AS o, " +
            "(SELECT count(*) FROM unknown_frames) AS unknown")).containsExactly("i,o,unknown",
            "VenueOrderStatus,OrderStatusQuery,0");
    }

    private static void appendTrades(final Path session, final long sequence, final long tradeId)
    {
        final UnsafeBuffer frame = new UnsafeBuffer(new byte[128]);
        try (JournalDirectory journals = JournalDirectory.open(session); JournalWriter in = journals.inputWriter())
        {
            final int length = new InputEncoder().trade(frame, 0, 0, tradeId, 270_000_000, 10_000_000, 0);
            in.append(sequence, AuditSession.time(sequence), frame, 0, length);
            in.commit();
        }
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
}
