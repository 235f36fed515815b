package io.ringwall.engine.config;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.ringwall.engine.Fixed;
import io.ringwall.engine.market.CostModel;
import io.ringwall.engine.market.InstrumentMarket;
import io.ringwall.engine.market.MarketCalendar;
import io.ringwall.engine.market.MarketModel;
import io.ringwall.engine.market.VenueRules;

/**
 * {@code market.yaml} and its manifest form. The YAML's nested keys flatten to dotted keys under
 * {@code market.} ({@code market.costs.commission-bps}); the manifest stores exactly those, so one parser
 * reads both. Basis points take up to two decimals (0.01 bp = 1 ppm).
 */
final class MarketFile
{
    static final String FILE = "market.yaml";
    static final String PREFIX = "market.";
    private static final String CALENDARS = "calendars.";
    private static final String INSTRUMENTS = "instruments.";
    private static final List<String> CALENDAR_FIELDS = List.of("timezone", "open", "close", "days", "holidays");
    private static final List<String> INSTRUMENT_FIELDS = List.of("calendar", "volatility", "half-spread-bps");
    private static final List<String> SCALARS = List.of("session-calendar", "costs.commission-per-unit",
        "costs.commission-bps", "costs.commission-minimum", "costs.slippage-bps", "costs.half-spread",
        "costs.impact-coefficient", "venue.ack-latency", "venue.fill-latency", "venue.volume-limit",
        "venue.outside-hours");
    private static final int BPS_DECIMALS = 2;

    private MarketFile()
    {
    }

    /** @return the market of {@code market.yaml} at {@code location}, or null when there is none. */
    static MarketModel loadOrNull(final ConfigLocation location)
    {
        final Map<String, Object> tree = YamlFile.readOrNull(location, FILE);
        if (tree == null)
        {
            return null;
        }
        final Map<String, String> flat = new LinkedHashMap<>();
        flatten(location.describe(FILE), "", tree, flat);
        return parse(location.describe(FILE), flat);
    }

    /** @return every value, keys without the {@code market.} prefix, in a stable order. */
    static Map<String, String> format(final MarketModel model)
    {
        final Map<String, String> flat = new LinkedHashMap<>();
        flat.put("session-calendar", model.sessionCalendar());
        final CostModel costs = model.costs();
        flat.put("costs.commission-per-unit", ValueKind.MONEY.format(costs.commissionPerUnit()));
        flat.put("costs.commission-bps", Fixed.format(costs.commissionPpm(), BPS_DECIMALS));
        flat.put("costs.commission-minimum", ValueKind.MONEY.format(costs.commissionMinimum()));
        flat.put("costs.slippage-bps", Fixed.format(costs.slippagePpm(), BPS_DECIMALS));
        flat.put("costs.half-spread", Boolean.toString(costs.chargeHalfSpread()));
        flat.put("costs.impact-coefficient", ValueKind.FRACTION.format(costs.impactCoefficientPpm()));
        final VenueRules venue = model.venue();
        flat.put("venue.ack-latency", ValueKind.DURATION.format(venue.ackLatencyNs()));
        flat.put("venue.fill-latency", ValueKind.DURATION.format(venue.fillLatencyNs()));
        flat.put("venue.volume-limit", ValueKind.FRACTION.format(venue.volumeLimitPpm()));
        flat.put("venue.outside-hours", venue.outsideHours().name().toLowerCase(Locale.ROOT));
        new TreeMap<>(model.calendars()).forEach((name, calendar) ->
        {
            final String prefix = CALENDARS + name + ".";
            flat.put(prefix + "timezone", calendar.zone().getId());
            flat.put(prefix + "open", clock(calendar.openMinute()));
            flat.put(prefix + "close", clock(calendar.closeMinute()));
            flat.put(prefix + "days", String.join(",", calendar.weekdays().stream().sorted()
                .map(day -> day.name().substring(0, 3).toLowerCase(Locale.ROOT)).toList()));
            flat.put(prefix + "holidays", String.join(",", new TreeSet<>(calendar.holidays()).stream()
                .map(LocalDate::toString).toList()));
        });
        new TreeMap<>(model.markets()).forEach((symbol, market) ->
        {
            final String prefix = INSTRUMENTS + symbol + ".";
            flat.put(prefix + "calendar", market.calendar());
            flat.put(prefix + "volatility", ValueKind.FRACTION.format(market.volatilityPpm()));
            flat.put(prefix + "half-spread-bps", Fixed.format(market.halfSpreadPpm(), BPS_DECIMALS));
        });
        return flat;
    }

    /**
     * @param flat every key without the {@code market.} prefix.
     * @throws ConfigException naming the source, the key and what is wrong.
     */
    static MarketModel parse(final String source, final Map<String, String> flat)
    {
        final Map<String, Map<String, String>> calendars = new TreeMap<>();
        final Map<String, Map<String, String>> instruments = new TreeMap<>();
        for (final String key : flat.keySet())
        {
            if (key.startsWith(CALENDARS))
            {
                group(source, key, CALENDARS, CALENDAR_FIELDS, calendars, flat);
            }
            else if (key.startsWith(INSTRUMENTS))
            {
                group(source, key, INSTRUMENTS, INSTRUMENT_FIELDS, instruments, flat);
            }
            else if (!SCALARS.contains(key))
            {
                throw new ConfigException(source + ": unknown key " + PREFIX + key + " (known: " + SCALARS +
                    ", calendars.<name>." + CALENDAR_FIELDS + ", instruments.<symbol>." + INSTRUMENT_FIELDS + ")");
            }
        }
        final Map<String, MarketCalendar> calendarModels = new LinkedHashMap<>();
        calendars.forEach((name, fields) -> calendarModels.put(name, calendar(source, name, fields)));
        final Map<String, InstrumentMarket> markets = new LinkedHashMap<>();
        instruments.forEach((symbol, fields) -> markets.put(symbol, new InstrumentMarket(
            field(source, INSTRUMENTS + symbol + ".calendar", fields.get("calendar")),
            number(source, INSTRUMENTS + symbol + ".volatility", fields.get("volatility"), ValueKind.FRACTION),
            bps(source, INSTRUMENTS + symbol + ".half-spread-bps", fields.get("half-spread-bps")))));
        try
        {
            final CostModel costs = new CostModel(
                number(source, "costs.commission-per-unit", flat.get("costs.commission-per-unit"), ValueKind.MONEY),
                bps(source, "costs.commission-bps", flat.get("costs.commission-bps")),
                number(source, "costs.commission-minimum", flat.get("costs.commission-minimum"), ValueKind.MONEY),
                bps(source, "costs.slippage-bps", flat.get("costs.slippage-bps")),
                number(source, "costs.half-spread", flat.get("costs.half-spread"), ValueKind.BOOLEAN) == 1,
                number(source, "costs.impact-coefficient", flat.get("costs.impact-coefficient"), ValueKind.FRACTION));
            final VenueRules venue = new VenueRules(
                number(source, "venue.ack-latency", flat.get("venue.ack-latency"), ValueKind.DURATION),
                number(source, "venue.fill-latency", flat.get("venue.fill-latency"), ValueKind.DURATION),
                number(source, "venue.volume-limit", flat.get("venue.volume-limit"), ValueKind.FRACTION),
                outsideHours(source, flat.get("venue.outside-hours")));
            return new MarketModel(calendarModels, field(source, "session-calendar", flat.get("session-calendar")),
                markets, costs, venue);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new ConfigException(source + ": " + ex.getMessage(), ex);
        }
    }

    private static void group(final String source, final String key, final String section, final List<String> fields,
        final Map<String, Map<String, String>> groups, final Map<String, String> flat)
    {
        final String rest = key.substring(section.length());
        final int dot = rest.lastIndexOf('.');
        final String field = dot < 0 ? "" : rest.substring(dot + 1);
        if (dot <= 0 || !fields.contains(field))
        {
            throw new ConfigException(source + ": unknown key " + PREFIX + key + " (a " + section + "<name> entry " +
                "has " + fields + ")");
        }
        groups.computeIfAbsent(rest.substring(0, dot), name -> new LinkedHashMap<>()).put(field, flat.get(key));
    }

    private static MarketCalendar calendar(final String source, final String name, final Map<String, String> fields)
    {
        final String prefix = CALENDARS + name + ".";
        try
        {
            final ZoneId zone = ZoneId.of(field(source, prefix + "timezone", fields.get("timezone")));
            final Set<DayOfWeek> days = new LinkedHashSet<>();
            for (final String day : list(field(source, prefix + "days", fields.get("days"))))
            {
                days.add(dayOfWeek(source, prefix + "days", day));
            }
            final Set<LocalDate> holidays = new LinkedHashSet<>();
            for (final String day : list(fields.getOrDefault("holidays", "")))
            {
                holidays.add(LocalDate.parse(day));
            }
            return new MarketCalendar(name, zone, minute(source, prefix + "open", fields.get("open")),
                minute(source, prefix + "close", fields.get("close")), days, holidays);
        }
        catch (final DateTimeException | IllegalArgumentException ex)
        {
            throw new ConfigException(source + ": calendar " + name + ": " + ex.getMessage(), ex);
        }
    }

    private static DayOfWeek dayOfWeek(final String source, final String key, final String text)
    {
        for (final DayOfWeek day : DayOfWeek.values())
        {
            if (day.name().substring(0, 3).equalsIgnoreCase(text))
            {
                return day;
            }
        }
        throw new ConfigException(source + ": " + PREFIX + key + ": '" + text + "' is not a day (mon, tue, ... sun)");
    }

    private static int minute(final String source, final String key, final String text)
    {
        final String value = field(source, key, text);
        final int colon = value.indexOf(':');
        try
        {
            final int hours = Integer.parseInt(value.substring(0, colon));
            final int minutes = Integer.parseInt(value.substring(colon + 1));
            if (colon < 1 || minutes < 0 || minutes > 59 || hours < 0 || hours * 60 + minutes > MarketCalendar.MINUTES_PER_DAY)
            {
                throw new NumberFormatException(value);
            }
            return hours * 60 + minutes;
        }
        catch (final NumberFormatException | StringIndexOutOfBoundsException ex)
        {
            throw new ConfigException(source + ": " + PREFIX + key + ": '" + value + "' is not a time HH:MM " +
                "(00:00 to 24:00)", ex);
        }
    }

    private static String clock(final int minute)
    {
        return String.format(Locale.ROOT, "%02d:%02d", minute / 60, minute % 60);
    }

    private static List<String> list(final String text)
    {
        final List<String> items = new ArrayList<>();
        for (final String item : text.split(","))
        {
            if (!item.isBlank())
            {
                items.add(item.trim());
            }
        }
        return items;
    }

    private static String field(final String source, final String key, final String value)
    {
        if (value == null || value.isBlank())
        {
            throw new ConfigException(source + ": " + PREFIX + key + " is missing");
        }
        return value.trim();
    }

    private static long number(final String source, final String key, final String text, final ValueKind kind)
    {
        try
        {
            return kind.parse(field(source, key, text));
        }
        catch (final RuntimeException ex)
        {
            throw new ConfigException(source + ": " + PREFIX + key + ": '" + text + "' is not a " + kind.label(), ex);
        }
    }

    private static long bps(final String source, final String key, final String text)
    {
        final String value = field(source, key, text);
        try
        {
            return Fixed.parse(value, 0, value.length(), BPS_DECIMALS);
        }
        catch (final RuntimeException ex)
        {
            throw new ConfigException(source + ": " + PREFIX + key + ": '" + value + "' is not basis points " +
                "(up to 2 decimals)", ex);
        }
    }

    private static VenueRules.OutsideHours outsideHours(final String source, final String text)
    {
        final String value = field(source, "venue.outside-hours", text);
        for (final VenueRules.OutsideHours policy : VenueRules.OutsideHours.values())
        {
            if (policy.name().equalsIgnoreCase(value))
            {
                return policy;
            }
        }
        throw new ConfigException(source + ": " + PREFIX + "venue.outside-hours: '" + value + "' is not queue | reject");
    }

    private static void flatten(final String source, final String path, final Map<?, ?> tree,
        final Map<String, String> flat)
    {
        tree.forEach((key, value) ->
        {
            final String name = path.isEmpty() ? key.toString() : path + "." + key;
            if (value instanceof Map<?, ?> map)
            {
                flatten(source, name, map, flat);
            }
            else if (value instanceof List<?> items)
            {
                flat.put(name, String.join(",", items.stream().map(Object::toString).toList()));
            }
            else
            {
                flat.put(name, value == null ? "" : value.toString());
            }
        });
    }
}
