package ballast.scenario;

import ballast.scenario.YNode.Source;
import ballast.scenario.YNode.YList;
import ballast.scenario.YNode.YMap;
import ballast.scenario.YNode.YScalar;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Reads scenario files into {@link YNode} trees and resolves {@code extends}: a file that extends
 * another is merged over it. Mappings merge key by key, the top-level {@code events} lists are
 * concatenated (parent's first), and any other value in the child replaces the parent's.
 *
 * <p>A scenario file may come from anyone, so reading is bounded: files are read through
 * {@link InputFile} (regular files of at most 1 MB, UTF-8), and the YAML may nest at most
 * {@value #MAX_DEPTH} levels, use at most {@value #MAX_ALIASES} aliases, hold values of at most
 * {@value #MAX_SCALAR_CHARS} characters (numbers at most {@value #MAX_NUMBER_CHARS}, no control
 * characters but tabs and line breaks) and expand to at most {@value #MAX_NODES} values; an
 * {@code extends} chain has at most {@value #MAX_EXTENDS} files. A file is taken for a scenario only
 * if it is a YAML mapping with at least one of the {@link #TOP_LEVEL_KEYS}; anything else is "not a
 * scenario file", in one line that quotes nothing of it.
 */
final class YamlFiles {
    static final String EXTENDS = "extends";
    static final String EVENTS = "events";
    /** The keys a scenario may have at the top; the same as the JSON Schema's top-level properties. */
    static final Set<String> TOP_LEVEL_KEYS = Set.of(EXTENDS, "name", "description", "seed", "start",
            "horizonMonths", "tickMonths", "knownAfterStart", "data", "rule", "parameterUncertainty",
            "engagementPoints", "countryDefaults", "countries", "patrons", "record", "calibrate", "calibration",
            EVENTS);
    /** Deepest nesting of mappings and lists (the shipped scenarios nest 4 deep). */
    static final int MAX_DEPTH = 64;
    /** Most aliases ({@code *name}) in one file. */
    static final int MAX_ALIASES = 50;
    /** Longest value (or key), in characters. */
    static final int MAX_SCALAR_CHARS = 10_000;
    /** Longest number, in characters: far past any value in range, and short enough to parse at once. */
    static final int MAX_NUMBER_CHARS = 100;
    /** Most values (mappings, lists and scalars) in one file once its aliases are expanded. */
    static final int MAX_NODES = 100_000;
    /** Most files in an {@code extends} chain. */
    static final int MAX_EXTENDS = 16;

    private YamlFiles() {
    }

    /**
     * Reads {@code file} and everything it extends. Problems go to {@code problems}; returns the
     * merged tree, or null if nothing usable was read.
     */
    static YMap readResolved(Path file, Problems problems) {
        return read(file, new ArrayList<>(), null, problems);
    }

    private static YMap read(Path file, List<Path> chain, Source includedAt, Problems problems) {
        Path real = realPath(file);
        for (Path p : chain) {
            if (realPath(p).equals(real)) {
                List<String> names = new ArrayList<>();
                chain.forEach(c -> names.add(c.toString()));
                names.add(file.toString());
                problems.add(includedAt, EXTENDS, "files extend each other in a cycle: " + String.join(" -> ", names));
                return null;
            }
        }
        if (chain.size() >= MAX_EXTENDS) {
            problems.add(includedAt, EXTENDS, "more than " + MAX_EXTENDS + " files extend each other in a chain");
            return null;
        }
        String text;
        try {
            text = InputFile.read(file, InputFile.Kind.SCENARIO);
        } catch (InputFile.Refused r) {
            problems.refused(r, includedAt, EXTENDS);
            return null;
        }
        // Problems found while converting (a duplicate key) name keys: kept only if the file is a scenario.
        Problems found = new Problems();
        YNode root = parse(file, text, found);
        String notScenario = root == null ? null : notAScenario(root);
        if (root == null || notScenario == null) {
            problems.addAll(found);
        }
        if (root == null) {
            return null;
        }
        if (notScenario != null) {
            if (includedAt == null) {
                problems.add(new Source(file, 0, 0), "", "not a scenario file (" + notScenario + ")");
            } else {
                problems.add(includedAt, EXTENDS, file + " is not a scenario file (" + notScenario + ")");
            }
            return null;
        }
        YMap map = (YMap) root;
        YNode ext = map.get(EXTENDS);
        if (ext == null) {
            return map;
        }
        LinkedHashMap<String, YMap.Entry> own = new LinkedHashMap<>(map.entries());
        own.remove(EXTENDS);
        YMap child = new YMap(map.source(), own);
        // One file, or a list of files merged in order (a scenario and the overlays it includes).
        List<YNode> parents = ext instanceof YList l ? l.items() : List.of(ext);
        if (parents.isEmpty()) {
            problems.add(ext.source(), EXTENDS, "expected the path of a scenario file or a list of them, got an empty list");
            return child;
        }
        List<Path> longer = new ArrayList<>(chain);
        longer.add(file);
        YMap merged = null;
        for (YNode p : parents) {
            if (!(p instanceof YScalar s) || s.kind() != YScalar.Kind.STRING) {
                problems.add(p.source(), EXTENDS, "expected the path of a scenario file, got " + p.describe());
                continue;
            }
            Path parentFile = (file.getParent() == null ? Path.of("") : file.getParent()).resolve(s.text()).normalize();
            YMap parent = read(parentFile, longer, p.source(), problems);
            if (parent != null) {
                merged = merged == null ? parent : (YMap) merge(merged, parent, true);
            }
        }
        return merged == null ? child : (YMap) merge(merged, child, true);
    }

    /**
     * Returns why {@code root} is not a scenario (without quoting any of it), or null if it is one: a
     * mapping with at least one scenario key.
     */
    private static String notAScenario(YNode root) {
        if (root instanceof YMap map) {
            boolean any = map.entries().keySet().stream().anyMatch(TOP_LEVEL_KEYS::contains);
            return any ? null : "a YAML mapping, but none of its " + map.entries().size()
                    + " keys is one a scenario has, such as name, start, data or patrons";
        }
        return root instanceof YList ? "a YAML list, not a mapping of keys to values"
                : "a single YAML value, not a mapping of keys to values";
    }

    private static Path realPath(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    /**
     * Parses one YAML document within the limits of the class comment; returns null (with a problem)
     * on a syntax error, a limit passed, or an empty file.
     */
    static YNode parse(Path file, String text, Problems problems) {
        LoadSettings settings = LoadSettings.builder().setLabel(file.toString())
                .setCodePointLimit((int) InputFile.Kind.SCENARIO.maxBytes())
                .setMaxAliasesForCollections(MAX_ALIASES)
                .setAllowRecursiveKeys(false)
                // The whole text in one buffer: with the default 1 kB buffer the reader copies its window
                // on every refill, and a value of a million characters took 10 s and 700 MB.
                .setBufferSize(text.length() + 1)
                .build();
        Optional<Node> node;
        try {
            Parser parser = new LimitedParser(new ParserImpl(settings, new StreamReader(settings, text)));
            node = new Composer(settings, parser).getSingleNode();
            if (node.isEmpty()) {
                problems.add(new Source(file, 1, 1), "", "the file is empty");
                return null;
            }
            return new Converter(file).convert(node.get(), "", problems);
        } catch (LimitPassed e) {
            problems.add(e.at(file), e.field, e.getMessage());
            return null;
        } catch (MarkedYamlEngineException e) {
            Mark mark = e.getProblemMark().or(e::getContextMark).orElse(null);
            Source at = mark == null ? new Source(file, 0, 0) : new Source(file, mark.getLine() + 1, mark.getColumn() + 1);
            problems.add(at, "", "YAML syntax: " + e.getProblem());
            return null;
        } catch (YamlEngineException e) {
            problems.add(new Source(file, 0, 0), "", "YAML: " + e.getMessage());
            return null;
        }
    }

    /** A limit of the class comment passed, at a place in the file. */
    private static final class LimitPassed extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Optional<Mark> mark;
        private final String field;

        LimitPassed(Optional<Mark> mark, String field, String message) {
            super(message, null, false, false);
            this.mark = mark;
            this.field = field;
        }

        Source at(Path file) {
            return mark.map(m -> new Source(file, m.getLine() + 1, m.getColumn() + 1)).orElse(new Source(file, 0, 0));
        }
    }

    /**
     * Checks nesting, aliases and value lengths as the events stream past, before the composer (which
     * recurses once per level) builds anything from them.
     */
    private static final class LimitedParser implements Parser {
        private final Parser parser;
        private int depth;
        private int aliases;

        LimitedParser(Parser parser) {
            this.parser = parser;
        }

        @Override
        public boolean checkEvent(Event.ID id) {
            return parser.checkEvent(id);
        }

        @Override
        public Event peekEvent() {
            return parser.peekEvent();
        }

        @Override
        public boolean hasNext() {
            return parser.hasNext();
        }

        @Override
        public Event next() {
            Event e = parser.next();
            switch (e.getEventId()) {
                case MappingStart, SequenceStart -> {
                    if (++depth > MAX_DEPTH) {
                        throw new LimitPassed(e.getStartMark(), "", "mappings and lists nested more than "
                                + MAX_DEPTH + " levels deep; a scenario needs a few");
                    }
                }
                case MappingEnd, SequenceEnd -> depth--;
                case Alias -> {
                    if (++aliases > MAX_ALIASES) {
                        throw new LimitPassed(e.getStartMark(), "", "more than " + MAX_ALIASES
                                + " aliases (*name) in one file");
                    }
                }
                case Scalar -> {
                    int length = ((ScalarEvent) e).getValue().length();
                    if (length > MAX_SCALAR_CHARS) {
                        throw new LimitPassed(e.getStartMark(), "", String.format(Locale.ROOT,
                                "a value of %,d characters; a value may have at most %,d", length, MAX_SCALAR_CHARS));
                    }
                }
                default -> {
                }
            }
            return e;
        }
    }

    /**
     * Turns the composer's nodes into {@link YNode}s, expanding aliases, within the limits (an alias
     * makes the nodes a graph, which may even hold a cycle).
     */
    private static final class Converter {
        private final Path file;
        private final Set<Node> open = Collections.newSetFromMap(new IdentityHashMap<>());
        private int nodes;

        Converter(Path file) {
            this.file = file;
        }

        YNode convert(Node node, String path, Problems problems) {
            if (++nodes > MAX_NODES) {
                throw new LimitPassed(node.getStartMark(), "", String.format(Locale.ROOT,
                        "more than %,d values once aliases are expanded; a scenario has a few thousand", MAX_NODES));
            }
            if (open.size() >= MAX_DEPTH) {
                throw new LimitPassed(node.getStartMark(), path, "mappings and lists nested more than "
                        + MAX_DEPTH + " levels deep; a scenario needs a few");
            }
            if (!open.add(node)) {
                throw new LimitPassed(node.getStartMark(), path,
                        "an alias refers to a mapping or list that contains it (a recursive alias)");
            }
            try {
                return convertNode(node, path, problems);
            } finally {
                open.remove(node);
            }
        }

        private YNode convertNode(Node node, String path, Problems problems) {
            Source source = node.getStartMark()
                    .map(m -> new Source(file, m.getLine() + 1, m.getColumn() + 1))
                    .orElse(new Source(file, 0, 0));
            if (node instanceof MappingNode m) {
                LinkedHashMap<String, YMap.Entry> entries = new LinkedHashMap<>();
                for (NodeTuple t : m.getValue()) {
                    YNode key = convert(t.getKeyNode(), path, problems);
                    String name = key instanceof YScalar ks ? ks.text() : key.describe();
                    String childPath = path.isEmpty() ? name : path + "." + name;
                    YMap.Entry previous = entries.get(name);
                    if (previous != null) {
                        problems.add(key.source(), childPath,
                                "duplicate key (first at line " + previous.keySource().line() + ")");
                        continue;
                    }
                    entries.put(name, new YMap.Entry(key.source(), convert(t.getValueNode(), childPath, problems)));
                }
                return new YMap(source, entries);
            }
            if (node instanceof SequenceNode s) {
                List<YNode> items = new ArrayList<>();
                int i = 0;
                for (Node item : s.getValue()) {
                    items.add(convert(item, path + "[" + i++ + "]", problems));
                }
                return new YList(source, items);
            }
            ScalarNode scalar = (ScalarNode) node;
            Tag tag = scalar.getTag();
            YScalar.Kind kind = tag.equals(Tag.INT) ? YScalar.Kind.INT
                    : tag.equals(Tag.FLOAT) ? YScalar.Kind.FLOAT
                    : tag.equals(Tag.BOOL) ? YScalar.Kind.BOOL
                    : tag.equals(Tag.NULL) ? YScalar.Kind.NULL
                    : YScalar.Kind.STRING;
            int length = scalar.getValue().length();
            if ((kind == YScalar.Kind.INT || kind == YScalar.Kind.FLOAT) && length > MAX_NUMBER_CHARS) {
                // Parsing a number of a million digits takes minutes: refuse it unread.
                throw new LimitPassed(node.getStartMark(), path, String.format(Locale.ROOT,
                        "a number of %,d characters; a number may have at most %,d", length, MAX_NUMBER_CHARS));
            }
            int control = scalar.getValue().codePoints()
                    .filter(c -> Character.isISOControl(c) && c != '\n' && c != '\t' && c != '\r').findFirst().orElse(-1);
            if (control >= 0) {
                // YAML lets a quoted value write any character as an escape; a NUL would make a path unusable.
                throw new LimitPassed(node.getStartMark(), path, String.format(Locale.ROOT,
                        "a value holds the control character U+%04X; only tabs and line breaks are allowed", control));
            }
            return new YScalar(source, scalar.getValue(), kind);
        }
    }

    /** Merges {@code child} over {@code parent}; see the class comment for the rules. */
    static YNode merge(YNode parent, YNode child, boolean topLevel) {
        if (!(parent instanceof YMap p) || !(child instanceof YMap c)) {
            return child;
        }
        LinkedHashMap<String, YMap.Entry> out = new LinkedHashMap<>(p.entries());
        c.entries().forEach((key, entry) -> {
            YMap.Entry old = out.get(key);
            YNode value = entry.value();
            if (old != null && topLevel && key.equals(EVENTS)
                    && old.value() instanceof YList a && value instanceof YList b) {
                List<YNode> both = new ArrayList<>(a.items());
                both.addAll(b.items());
                value = new YList(b.source(), both);
            } else if (old != null) {
                value = merge(old.value(), value, false);
            }
            out.put(key, new YMap.Entry(entry.keySource(), value));
        });
        return new YMap(c.source(), out);
    }
}
