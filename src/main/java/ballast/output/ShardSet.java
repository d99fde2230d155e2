package ballast.output;

import ballast.output.ShardFolder.Found;
import ballast.output.ShardFolder.Job;
import ballast.output.ShardFolder.State;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The shards of one job found in the folders a user names ({@code ballast merge}, {@code ballast
 * status}): each folder is a shard's, or holds shards' folders (directly, or in its {@code shards/},
 * as a {@code ballast slurm} folder does). Finding them reads only their manifests (or, for an
 * unfinished shard, its plan and how much its journal has saved) and checks that they belong
 * together: same job, scenario, data, seed, counts, design and cut, and (finished ones) the same
 * Ballast version and commit, each shard once. Per shard it keeps only its folder, number and state,
 * never its counts: those are read one shard at a time by whoever merges them.
 */
public final class ShardSet {
    private final Job job;
    private final List<Entry> entries;
    private final String version;

    /** A shard found: its folder, number (1 to N), whether it is finished, and how many replications it saved. */
    public record Entry(Path dir, int index, boolean finished, long savedReplications, long replications) {
    }

    /** The shards cannot be used together: one line that says why. */
    public static final class Refusal extends Exception {
        private static final long serialVersionUID = 1L;

        Refusal(String message) {
            super(message);
        }
    }

    private ShardSet(Job job, List<Entry> entries, String version) {
        this.job = job;
        this.entries = entries;
        this.version = version;
    }

    /**
     * Finds the shards in {@code folders} and checks that they belong together.
     *
     * @throws Refusal if a folder holds no shard, shards are of different jobs or versions, or a shard
     *     is there twice
     * @throws FolderException if a shard's manifest or plan is damaged
     */
    public static ShardSet find(List<Path> folders) throws IOException, Refusal {
        Job job = null;
        Path jobDir = null;
        String version = null;
        Path versionDir = null;
        List<Entry> entries = new ArrayList<>();
        Map<Integer, Path> seen = new HashMap<>();
        for (Path folder : folders) {
            List<Found> found = shardsIn(folder);
            for (Found f : found) {
                if (job == null) {
                    job = f.job();
                    jobDir = f.dir();
                } else {
                    String mismatch = job.mismatch(jobDir, f.job(), f.dir());
                    if (mismatch != null) {
                        throw new Refusal(mismatch);
                    }
                }
                if (f.manifest() != null) {
                    String v = f.manifest().versionText();
                    if (version == null) {
                        version = v;
                        versionDir = f.dir();
                    } else if (!version.equals(v)) {
                        throw new Refusal(versionDir + " was written by " + version + " and " + f.dir() + " by " + v
                                + ": shards of different versions may count differently; run them again with one");
                    }
                }
                Path before = seen.putIfAbsent(f.part().index(), f.dir());
                if (before != null) {
                    throw new Refusal(sameFolder(before, f.dir()) ? before + " is given twice"
                            : "shard " + f.part().shard() + " is there twice: " + before + " and " + f.dir()
                                    + " (give each shard once)");
                }
                entries.add(new Entry(f.dir(), f.part().index(), f.state() == State.FINISHED, f.savedReplications(),
                        f.part().replications()));
            }
        }
        return new ShardSet(job, entries, version);
    }

    private static boolean sameFolder(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }

    /** Returns the shards in {@code folder}: itself, or the shard folders in it or in its {@code shards/}. */
    private static List<Found> shardsIn(Path folder) throws IOException, Refusal {
        Found self = ShardFolder.inspect(folder);
        if (self.state() == State.FINISHED || self.state() == State.UNFINISHED) {
            return List.of(self);
        }
        if (!Files.isDirectory(folder)) {
            throw new Refusal(folder + ": " + self.why());
        }
        List<Found> out = new ArrayList<>();
        for (Path parent : List.of(folder, folder.resolve("shards"))) {
            if (!Files.isDirectory(parent)) {
                continue;
            }
            List<Path> children;
            try (Stream<Path> list = Files.list(parent)) {
                children = list.filter(Files::isDirectory).sorted().toList();
            }
            for (Path child : children) {
                Found f = ShardFolder.inspect(child);
                if (f.state() == State.FINISHED || f.state() == State.UNFINISHED) {
                    out.add(f);
                }
            }
        }
        if (out.isEmpty()) {
            throw new Refusal(folder + " is neither a shard's folder nor a folder of shards ("
                    + (self.why() != null ? self.why() : "it is empty") + ")");
        }
        return out;
    }

    /** Returns the job the shards are part of. */
    public Job job() {
        return job;
    }

    /** Returns the shards found, in the order found. */
    public List<Entry> entries() {
        return entries;
    }

    /** Returns the finished shards, in the order found. */
    public List<Entry> finished() {
        return entries.stream().filter(Entry::finished).toList();
    }

    /** Returns the Ballast version (and commit) that wrote the finished shards, or null if none is finished. */
    public String version() {
        return version;
    }

    /** Returns the numbers of the shards not found at all, in order. */
    public List<Integer> absent() {
        BitSet present = new BitSet(job.shards() + 1);
        for (Entry e : entries) {
            present.set(e.index());
        }
        List<Integer> out = new ArrayList<>();
        for (int i = present.nextClearBit(1); i <= job.shards(); i = present.nextClearBit(i + 1)) {
            out.add(i);
        }
        return out;
    }

    /**
     * Checks that every shard is there and finished.
     *
     * @param resume how to resume an unfinished shard's folder, e.g. {@code dir -> "ballast batch --resume " + dir}
     * @throws Refusal naming the shards missing and the unfinished ones
     */
    public void checkComplete(java.util.function.Function<Path, String> resume) throws Refusal {
        List<Entry> unfinished = entries.stream().filter(e -> !e.finished()).toList();
        List<Integer> absent = absent();
        if (unfinished.isEmpty() && absent.isEmpty()) {
            return;
        }
        List<String> parts = new ArrayList<>();
        if (!absent.isEmpty()) {
            parts.add((absent.size() == 1 ? "shard " : "shards ") + ranges(absent) + (absent.size() == 1 ? " is" : " are")
                    + " missing");
        }
        int shown = 0;
        for (Entry e : unfinished) {
            if (shown++ == 3) {
                parts.add("and " + (unfinished.size() - 3) + " more unfinished");
                break;
            }
            parts.add(String.format(Locale.ROOT, "shard %d is unfinished in %s (%,d of %,d replications saved; '%s' "
                    + "finishes it)", e.index(), e.dir(), e.savedReplications(), e.replications(), resume.apply(e.dir())));
        }
        throw new Refusal(String.format(Locale.ROOT, "%d of the %d shards of %s %s not done: %s", absent.size()
                + unfinished.size(), job.shards(), job.describe(), absent.size() + unfinished.size() == 1 ? "is"
                : "are", String.join("; ", parts)));
    }

    /** Returns e.g. "2, 5 to 9 and 12" for [2, 5, 6, 7, 8, 9, 12], shortened after 10 runs. */
    public static String ranges(List<Integer> numbers) {
        List<String> runs = new ArrayList<>();
        int i = 0;
        while (i < numbers.size()) {
            int j = i;
            while (j + 1 < numbers.size() && numbers.get(j + 1) == numbers.get(j) + 1) {
                j++;
            }
            runs.add(i == j ? Integer.toString(numbers.get(i)) : numbers.get(i) + " to " + numbers.get(j));
            i = j + 1;
        }
        if (runs.size() > 10) {
            int more = runs.size() - 10;
            runs = new ArrayList<>(runs.subList(0, 10));
            runs.add(more + " more runs");
        }
        return runs.size() == 1 ? runs.get(0) : String.join(", ", runs.subList(0, runs.size() - 1)) + " and "
                + runs.get(runs.size() - 1);
    }

    /**
     * Reads a finished shard found earlier again, for its counts, and checks it is still of this job.
     *
     * @throws Refusal if it changed since it was found
     * @throws FolderException if its manifest is damaged
     */
    public Found reread(Entry entry) throws IOException, Refusal {
        Found f = ShardFolder.inspect(entry.dir());
        if (f.state() != State.FINISHED || f.part().index() != entry.index() || job.mismatch(entry.dir(), f.job(),
                entry.dir()) != null || !f.manifest().versionText().equals(version)) {
            throw new Refusal(entry.dir() + " changed while the shards were being merged");
        }
        return f;
    }
}
