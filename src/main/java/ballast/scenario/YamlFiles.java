package ballast.scenario;

import ballast.scenario.YNode.Source;
import ballast.scenario.YNode.YList;
import ballast.scenario.YNode.YMap;
import ballast.scenario.YNode.YScalar;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Reads scenario files into {@link YNode} trees and resolves {@code extends}: a file that extends
 * another is merged over it. Mappings merge key by key, the top-level {@code events} lists are
 * concatenated (parent's first), and any other value in the child replaces the parent's.
 */
final class YamlFiles {
    static final String EXTENDS = "extends";
    static final String EVENTS = "events";

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
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            if (includedAt == null) {
                problems.add(new Source(file, 0, 0), "", "file not found");
            } else {
                problems.add(includedAt, EXTENDS, "file not found: " + file);
            }
            return null;
        } catch (IOException e) {
            problems.add(includedAt != null ? includedAt : new Source(file, 0, 0), includedAt != null ? EXTENDS : "",
                    "cannot read " + file + ": " + e.getMessage());
            return null;
        }
        YNode root = parse(file, text, problems);
        if (root == null) {
            return null;
        }
        if (!(root instanceof YMap map)) {
            problems.add(root.source(), "", "a scenario must be a mapping of keys to values, got " + root.describe());
            return null;
        }
        YNode ext = map.get(EXTENDS);
        if (ext == null) {
            return map;
        }
        LinkedHashMap<String, YMap.Entry> own = new LinkedHashMap<>(map.entries());
        own.remove(EXTENDS);
        YMap child = new YMap(map.source(), own);
        if (!(ext instanceof YScalar s) || s.kind() != YScalar.Kind.STRING) {
            problems.add(ext.source(), EXTENDS, "expected the path of a scenario file, got " + ext.describe());
            return child;
        }
        Path parentFile = (file.getParent() == null ? Path.of("") : file.getParent()).resolve(s.text()).normalize();
        List<Path> longer = new ArrayList<>(chain);
        longer.add(file);
        YMap parent = read(parentFile, longer, ext.source(), problems);
        return parent == null ? child : (YMap) merge(parent, child, true);
    }

    private static Path realPath(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    /** Parses one YAML document; returns null (with a problem) on a syntax error or an empty file. */
    static YNode parse(Path file, String text, Problems problems) {
        LoadSettings settings = LoadSettings.builder().setLabel(file.toString()).build();
        Optional<Node> node;
        try {
            node = new Compose(settings).composeString(text);
        } catch (MarkedYamlEngineException e) {
            Mark mark = e.getProblemMark().or(e::getContextMark).orElse(null);
            Source at = mark == null ? new Source(file, 0, 0) : new Source(file, mark.getLine() + 1, mark.getColumn() + 1);
            problems.add(at, "", "YAML syntax: " + e.getProblem());
            return null;
        } catch (YamlEngineException e) {
            problems.add(new Source(file, 0, 0), "", "YAML syntax: " + e.getMessage());
            return null;
        }
        if (node.isEmpty()) {
            problems.add(new Source(file, 1, 1), "", "the file is empty");
            return null;
        }
        return convert(file, node.get(), "", problems);
    }

    private static YNode convert(Path file, Node node, String path, Problems problems) {
        Source source = node.getStartMark()
                .map(m -> new Source(file, m.getLine() + 1, m.getColumn() + 1))
                .orElse(new Source(file, 0, 0));
        if (node instanceof MappingNode m) {
            LinkedHashMap<String, YMap.Entry> entries = new LinkedHashMap<>();
            for (NodeTuple t : m.getValue()) {
                YNode key = convert(file, t.getKeyNode(), path, problems);
                String name = key instanceof YScalar ks ? ks.text() : key.describe();
                String childPath = path.isEmpty() ? name : path + "." + name;
                YMap.Entry previous = entries.get(name);
                if (previous != null) {
                    problems.add(key.source(), childPath,
                            "duplicate key (first at line " + previous.keySource().line() + ")");
                    continue;
                }
                entries.put(name, new YMap.Entry(key.source(), convert(file, t.getValueNode(), childPath, problems)));
            }
            return new YMap(source, entries);
        }
        if (node instanceof SequenceNode s) {
            List<YNode> items = new ArrayList<>();
            int i = 0;
            for (Node item : s.getValue()) {
                items.add(convert(file, item, path + "[" + i++ + "]", problems));
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
        return new YScalar(source, scalar.getValue(), kind);
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
