package ballast.scenario;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML node that remembers the file, line and column it came from, so a problem found after
 * {@code extends} has merged several files still names the right place.
 */
public sealed interface YNode {

    /** Returns where this node starts. */
    Source source();

    /** Returns the plain Java value: {@code LinkedHashMap}, {@code List}, String, Long, Double, Boolean or null. */
    Object toPlain();

    /**
     * Returns a short description of the node's type for messages ("a mapping", "text 'abc'"); quotes
     * at most {@value Problem#MAX_QUOTED} characters of a value.
     */
    String describe();

    /** A place in a file; line and column are 1-based. */
    record Source(Path file, int line, int column) {
    }

    /** A mapping whose keys keep their order. */
    record YMap(Source source, LinkedHashMap<String, Entry> entries) implements YNode {
        /** A key with its own position and its value. */
        public record Entry(Source keySource, YNode value) {
        }

        public YNode get(String key) {
            Entry e = entries.get(key);
            return e == null ? null : e.value();
        }

        @Override
        public Object toPlain() {
            Map<String, Object> out = new LinkedHashMap<>();
            entries.forEach((k, e) -> out.put(k, e.value().toPlain()));
            return out;
        }

        @Override
        public String describe() {
            return "a mapping";
        }
    }

    /** A sequence. */
    record YList(Source source, List<YNode> items) implements YNode {
        @Override
        public Object toPlain() {
            List<Object> out = new ArrayList<>();
            items.forEach(i -> out.add(i.toPlain()));
            return out;
        }

        @Override
        public String describe() {
            return "a list";
        }
    }

    /** A scalar with the type YAML's core schema resolved for it. */
    record YScalar(Source source, String text, Kind kind) implements YNode {
        /** Core-schema types; quoted text is always {@code STRING}. */
        public enum Kind { STRING, INT, FLOAT, BOOL, NULL }

        @Override
        public Object toPlain() {
            return switch (kind) {
                case STRING -> text;
                case INT -> {
                    BigInteger v = integer();
                    yield v.bitLength() < 64 ? (Object) v.longValue() : v;
                }
                case FLOAT -> number();
                case BOOL -> Boolean.parseBoolean(text.toLowerCase(java.util.Locale.ROOT));
                case NULL -> null;
            };
        }

        /** Returns the value of an {@code INT} scalar (decimal, 0x hex or 0o octal). */
        public BigInteger integer() {
            String t = text.startsWith("+") ? text.substring(1) : text;
            if (t.startsWith("0x")) {
                return new BigInteger(t.substring(2), 16);
            }
            if (t.startsWith("0o")) {
                return new BigInteger(t.substring(2), 8);
            }
            return new BigInteger(t);
        }

        /** Returns the value of an {@code INT} or {@code FLOAT} scalar. */
        public double number() {
            if (kind == Kind.INT) {
                return integer().doubleValue();
            }
            String t = text.toLowerCase(java.util.Locale.ROOT);
            if (t.endsWith(".inf")) {
                return t.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            }
            if (t.equals(".nan")) {
                return Double.NaN;
            }
            return Double.parseDouble(text);
        }

        @Override
        public String describe() {
            return switch (kind) {
                case STRING -> "text '" + Problem.shorten(text) + "'";
                case INT, FLOAT -> "the number " + Problem.shorten(text);
                case BOOL -> "the boolean " + text;
                case NULL -> "an empty value";
            };
        }
    }
}
