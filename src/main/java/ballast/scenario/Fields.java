package ballast.scenario;

import ballast.scenario.YNode.Source;
import ballast.scenario.YNode.YList;
import ballast.scenario.YNode.YMap;
import ballast.scenario.YNode.YScalar;
import java.time.DateTimeException;
import java.time.YearMonth;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Reads typed, range-checked values from one mapping of a scenario. Every read names the key it
 * accepts; {@link #finish()} then reports each key nobody asked for, with a "did you mean"
 * suggestion. A bad value becomes a {@link Problem} and the read returns its default, so reading
 * goes on and a file's problems are all found in one pass.
 */
final class Fields {
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})(-\\d{2})?");

    private final YMap map;
    private final String path;
    private final Problems problems;
    private final Set<String> known = new LinkedHashSet<>();

    Fields(YMap map, String path, Problems problems) {
        this.map = map;
        this.path = path;
        this.problems = problems;
    }

    /** Returns the fields of mapping {@code node}, or null (with a problem) if it is not a mapping. */
    static Fields of(YNode node, String path, Problems problems) {
        if (node instanceof YMap m) {
            return new Fields(m, path, problems);
        }
        problems.add(node.source(), path, "expected a mapping of keys to values, got " + node.describe());
        return null;
    }

    String path(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    YMap map() {
        return map;
    }

    Source source() {
        return map.source();
    }

    boolean has(String key) {
        known.add(key);
        return map.get(key) != null;
    }

    /** Returns the raw node for {@code key}, or null. */
    YNode node(String key) {
        known.add(key);
        return map.get(key);
    }

    /** Reports a problem with a key itself (e.g. an unknown country code used as a key). */
    void keyProblem(String key, String message) {
        YMap.Entry e = map.entries().get(key);
        problems.add(e != null ? e.keySource() : map.source(), path(key), message);
    }

    void problem(String key, String message) {
        YNode n = map.get(key);
        problems.add(n != null ? n.source() : map.source(), path(key), message);
    }

    private YScalar scalar(String key, boolean required) {
        YNode n = node(key);
        if (n == null || (n instanceof YScalar s && s.kind() == YScalar.Kind.NULL)) {
            if (required) {
                problems.add(map.source(), path(key), "is required");
            }
            return null;
        }
        if (n instanceof YScalar s) {
            return s;
        }
        problems.add(n.source(), path(key), "expected a single value, got " + n.describe());
        return null;
    }

    /** Reads a number in [min, max]; returns {@code fallback} if absent or wrong. */
    double number(String key, double fallback, double min, double max, boolean required) {
        YScalar s = scalar(key, required);
        if (s == null) {
            readNumber(key, min, max, false, fallback);
            return fallback;
        }
        if (s.kind() != YScalar.Kind.INT && s.kind() != YScalar.Kind.FLOAT) {
            problems.add(s.source(), path(key), "expected a number, got " + s.describe());
            return fallback;
        }
        double v = s.number();
        if (!Double.isFinite(v)) {
            problems.add(s.source(), path(key), "expected a finite number, got " + Problem.shorten(s.text()));
            return fallback;
        }
        if (v < min || v > max) {
            problems.add(s.source(), path(key), rangeMessage(min, max, v < min, s.text()));
            return fallback;
        }
        readNumber(key, min, max, false, v);
        return v;
    }

    private void readNumber(String key, double min, double max, boolean whole, double value) {
        if (!Double.isNaN(value)) {
            problems.readNumber(new NumericField(path(key), min, max, whole, value));
        }
    }

    double number(String key, double fallback, double min, double max) {
        return number(key, fallback, min, max, false);
    }

    /** Reads an optional number; null if absent. */
    Double optionalNumber(String key, double min, double max) {
        if (!has(key)) {
            return null;
        }
        int before = problems.size();
        double v = number(key, Double.NaN, min, max, false);
        return problems.size() > before || Double.isNaN(v) ? null : v;
    }

    /** Reads a whole number in [min, max]. */
    long integer(String key, long fallback, long min, long max, boolean required) {
        YScalar s = scalar(key, required);
        if (s == null) {
            readNumber(key, min, max, true, fallback);
            return fallback;
        }
        if (s.kind() != YScalar.Kind.INT) {
            problems.add(s.source(), path(key), "expected a whole number, got " + s.describe());
            return fallback;
        }
        java.math.BigInteger v = s.integer();
        boolean below = v.compareTo(java.math.BigInteger.valueOf(min)) < 0;
        if (below || v.compareTo(java.math.BigInteger.valueOf(max)) > 0) {
            problems.add(s.source(), path(key), rangeMessage(min, max, below, s.text()));
            return fallback;
        }
        readNumber(key, min, max, true, v.doubleValue());
        return v.longValue();
    }

    /**
     * Says the range a value left: only its lower bound where the upper is no real limit (infinity, or
     * the largest long or int of a whole number), and the other way round, so that a value above such a bound is told
     * the bound it passed. {@code got} is quoted shortened (a number may have 100 digits).
     */
    private static String rangeMessage(double min, double max, boolean belowMin, String got) {
        return rangeMessage(NumericField.format(min), NumericField.format(max),
                min == Double.NEGATIVE_INFINITY, max == Double.POSITIVE_INFINITY, belowMin, got);
    }

    /** The same for whole numbers, whose bounds are written exactly. */
    private static String rangeMessage(long min, long max, boolean belowMin, String got) {
        return rangeMessage(Long.toString(min), Long.toString(max), min == Long.MIN_VALUE || min == Integer.MIN_VALUE,
                max == Long.MAX_VALUE || max == Integer.MAX_VALUE, belowMin, got);
    }

    private static String rangeMessage(String min, String max, boolean noMin, boolean noMax, boolean belowMin,
            String got) {
        String value = Problem.shorten(got);
        if (belowMin ? noMax : noMin) {
            return (belowMin ? "must be at least " + min : "must be at most " + max) + ", got " + value;
        }
        return "must be between " + min + " and " + max + ", got " + value;
    }

    Boolean bool(String key) {
        YScalar s = scalar(key, false);
        if (s == null) {
            return null;
        }
        if (s.kind() != YScalar.Kind.BOOL) {
            problems.add(s.source(), path(key), "expected true or false, got " + s.describe());
            return null;
        }
        return (Boolean) s.toPlain();
    }

    /** Reads text; returns null if absent or not text. */
    String text(String key, boolean required) {
        YScalar s = scalar(key, required);
        if (s == null) {
            return null;
        }
        if (s.kind() != YScalar.Kind.STRING) {
            problems.add(s.source(), path(key), "expected text, got " + s.describe());
            return null;
        }
        return s.text();
    }

    /** Reads one of {@code choices}; an unknown value gets a "did you mean". */
    String choice(String key, Collection<String> choices, boolean required) {
        String v = text(key, required);
        if (v == null) {
            return null;
        }
        if (!choices.contains(v)) {
            problem(key, "unknown value '" + v + "'" + suggestion(v, choices) + "; expected one of "
                    + String.join(", ", choices));
            return null;
        }
        return v;
    }

    /** Reads a month written {@code YYYY-MM}. */
    YearMonth month(String key, boolean required) {
        YScalar s = scalar(key, required);
        if (s == null) {
            return null;
        }
        YearMonth m = parseMonth(s.text());
        if (s.kind() != YScalar.Kind.STRING || m == null) {
            problems.add(s.source(), path(key), "expected a month as YYYY-MM (e.g. 2025-07), got " + s.describe());
            return null;
        }
        return m;
    }

    /** Parses {@code YYYY-MM} (or {@code YYYY-MM-DD}, whose day is dropped); null if it is not a real month. */
    static YearMonth parseMonth(String text) {
        java.util.regex.Matcher m = MONTH.matcher(text.trim());
        if (!m.matches()) {
            return null;
        }
        try {
            YearMonth month = YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            if (m.group(3) != null) {
                month.atDay(Integer.parseInt(m.group(3).substring(1)));
            }
            return month;
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** Returns the list under {@code key}, or null (with a problem if it is not a list). */
    YList list(String key) {
        YNode n = node(key);
        if (n == null || (n instanceof YScalar s && s.kind() == YScalar.Kind.NULL)) {
            return null;
        }
        if (n instanceof YList l) {
            return l;
        }
        problems.add(n.source(), path(key), "expected a list, got " + n.describe());
        return null;
    }

    /** Returns the fields of the mapping under {@code key}, or null if absent or not a mapping. */
    Fields object(String key) {
        YNode n = node(key);
        if (n == null || (n instanceof YScalar s && s.kind() == YScalar.Kind.NULL)) {
            return null;
        }
        return of(n, path(key), problems);
    }

    /**
     * Returns the fields of the mapping under {@code key}, or of an empty mapping if the key is absent,
     * so that every field the mapping could hold is read (and so known to sweeps) even when a file
     * leaves the whole mapping out. Null only if the key holds something other than a mapping.
     */
    Fields objectOrEmpty(String key) {
        YNode n = node(key);
        if (n == null || (n instanceof YScalar s && s.kind() == YScalar.Kind.NULL)) {
            return new Fields(new YMap(n == null ? map.source() : n.source(), new java.util.LinkedHashMap<>()),
                    path(key), problems);
        }
        return of(n, path(key), problems);
    }

    /** Reports every key that no read asked for. */
    void finish() {
        map.entries().forEach((key, entry) -> {
            if (!known.contains(key)) {
                problems.add(entry.keySource(), path(key), "unknown key" + suggestion(key, known));
            }
        });
    }

    /** Returns {@code " (did you mean 'x'?)"} for the closest name, or "" if none is close. */
    static String suggestion(String given, Collection<String> names) {
        LevenshteinDistance distance = LevenshteinDistance.getDefaultInstance();
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String name : names) {
            int d = distance.apply(given.toLowerCase(Locale.ROOT), name.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = name;
                bestDistance = d;
            }
        }
        int allowed = Math.max(2, given.length() / 3);
        return best != null && bestDistance <= allowed ? " (did you mean '" + best + "'?)" : "";
    }
}
