package org.relay.calendar;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;

import java.time.LocalDate;
import java.time.Year;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The days a calendar is closed: the public and bank holidays of a country or subdivision (ISO 3166 codes such as
 * {@code US} or {@code US-NY}) computed by Jollyday's rules for any year, plus configured extra days (a bank's own
 * closures). Jollyday's observances (e.g. New York's Lincoln's Birthday) are days the bank works. A calendar with
 * extra days only has holiday data up to its last listed day.
 */
public final class HolidayRules {

    private final String holidayRegion;
    private final HolidayManager manager;
    private final String[] subdivision;
    private final Set<LocalDate> extraDays;
    private final Map<Integer, Set<LocalDate>> byYear = new ConcurrentHashMap<>();

    private HolidayRules(String holidayRegion, HolidayManager manager, String[] subdivision, Set<LocalDate> extraDays) {
        this.holidayRegion = holidayRegion;
        this.manager = manager;
        this.subdivision = subdivision;
        this.extraDays = Set.copyOf(extraDays);
    }

    /** Only the listed days: holiday data ends with the last of them. */
    public static HolidayRules listed(Set<LocalDate> days) {
        return new HolidayRules(null, null, new String[0], days);
    }

    /**
     * A country's or subdivision's holidays ({@code US}, {@code US-NY}, {@code DE-BY}) plus {@code extraDays}; an
     * unknown country or subdivision is refused, so a typo never silently means "no holidays".
     */
    public static HolidayRules of(String holidayRegion, Set<LocalDate> extraDays) {
        String[] parts = holidayRegion.trim().toLowerCase(Locale.ROOT).split("-", 2);
        String country = parts[0];
        if (HolidayManager.getSupportedCalendarCodes().stream().noneMatch(country::equalsIgnoreCase)) {
            throw new IllegalArgumentException("Holiday region " + holidayRegion + ": the holiday library (Jollyday) has"
                    + " no country " + country.toUpperCase(Locale.ROOT) + "; use an ISO 3166 code such as US or US-NY");
        }
        HolidayManager manager = HolidayManager.getInstance(ManagerParameters.create(country));
        String[] subdivision = parts.length == 2 ? new String[]{parts[1]} : new String[0];
        if (subdivision.length == 1 && !manager.getCalendarHierarchy().getChildren().containsKey(parts[1])) {
            throw new IllegalArgumentException("Holiday region " + holidayRegion + ": the holiday library (Jollyday) has"
                    + " no subdivision " + parts[1].toUpperCase(Locale.ROOT) + " of " + country.toUpperCase(Locale.ROOT)
                    + "; known: " + manager.getCalendarHierarchy().getChildren().keySet().stream().sorted()
                    .map(code -> country.toUpperCase(Locale.ROOT) + "-" + code.toUpperCase(Locale.ROOT))
                    .collect(Collectors.joining(", ")));
        }
        return new HolidayRules(holidayRegion.trim().toUpperCase(Locale.ROOT), manager, subdivision, extraDays);
    }

    public boolean isHoliday(LocalDate date) {
        return extraDays.contains(date) || libraryHolidays(date.getYear()).contains(date);
    }

    /** The closed days from {@code from} up to, not including, {@code until}. */
    public Set<LocalDate> between(LocalDate from, LocalDate until) {
        TreeSet<LocalDate> days = new TreeSet<>();
        for (int year = from.getYear(); year <= until.getYear(); year++) {
            days.addAll(libraryHolidays(year));
        }
        days.addAll(extraDays);
        return days.subSet(from, until);
    }

    /** The last day this calendar knows holidays for; empty when its holidays come from rules without an end. */
    public Optional<LocalDate> knownUntil() {
        if (manager != null) {
            return Optional.empty();
        }
        return extraDays.stream().max(LocalDate::compareTo);
    }

    /** "US-NY (Jollyday) + 2 extra days", "3 listed days": where the holidays come from. */
    public String source() {
        String extra = extraDays.size() == 1 ? "1 extra day" : extraDays.size() + " extra days";
        if (manager == null) {
            return extraDays.size() == 1 ? "1 listed day" : extraDays.size() + " listed days";
        }
        return holidayRegion + " (Jollyday)" + (extraDays.isEmpty() ? "" : " + " + extra);
    }

    private Set<LocalDate> libraryHolidays(int year) {
        if (manager == null) {
            return Set.of();
        }
        return byYear.computeIfAbsent(year, y -> manager.getHolidays(Year.of(y), subdivision).stream()
                .filter(holiday -> holiday.getType() != HolidayType.OBSERVANCE)
                // the day the bank closes: Jollyday's date is the observed one (a Sunday's holiday on Monday)
                .map(Holiday::getDate)
                .collect(Collectors.toUnmodifiableSet()));
    }
}
