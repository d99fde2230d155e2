package ballast.experiment;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shard {@code index} of {@code count} (numbered from 1, as {@code --shard 3/4} and SLURM array tasks
 * are): a fixed, contiguous part of a job's units, so shards can run anywhere and merge into the
 * counts of one process. A unit is one replication of one design point, numbered
 * {@code point * replications + replication} (a batch is one point); the {@code units} units of a job
 * are cut into {@code count} runs whose sizes differ by at most one, the larger ones first. Every
 * unit lies in exactly one shard, and a unit keeps the seed it has in a one-process run: shards
 * choose which replications run, never how.
 *
 * @param index which shard, 1 to {@code count}
 * @param count how many shards, 1 to {@link #MAX_SHARDS}
 */
public record Shard(int index, int count) {
    /** The most shards of one job: far beyond any cluster's job arrays (SLURM's default limit is 1,000 tasks). */
    public static final int MAX_SHARDS = 1_000_000;
    private static final Pattern FORM = Pattern.compile("\\s*([0-9]+)\\s*/\\s*([0-9]+)\\s*");

    /** @throws IllegalArgumentException if {@code count} or {@code index} is out of range */
    public Shard {
        if (count < 1 || count > MAX_SHARDS) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "the number of shards must be between 1 and "
                    + "%,d, got %,d", MAX_SHARDS, count));
        }
        if (index < 1 || index > count) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "shard %d of %d does not exist: shards are "
                    + "numbered 1 to %d", index, count, count));
        }
    }

    /**
     * Reads {@code I/N}, e.g. {@code 3/4}.
     *
     * @throws IllegalArgumentException if it is not of that form or out of range
     */
    public static Shard parse(String text) {
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a shard; write I/N, e.g. 3/4 for the third of four");
        }
        // Any number of digits: a number too large for an int gets the range's message, not "not a shard".
        String index = m.group(1).replaceFirst("^0+(?=.)", "");
        String count = m.group(2).replaceFirst("^0+(?=.)", "");
        if (count.length() > 9) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "the number of shards must be between 1 and "
                    + "%,d, got %s", MAX_SHARDS, digits(count)));
        }
        if (index.length() > 9) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "shard %s of %s does not exist: shards are "
                    + "numbered 1 to %s", digits(index), count, count));
        }
        return new Shard(Integer.parseInt(index), Integer.parseInt(count));
    }

    /** A long number as a message quotes it: at most 20 digits, then "…". */
    private static String digits(String number) {
        return number.length() <= 20 ? number : number.substring(0, 20) + "…";
    }

    /**
     * Returns the first unit of this shard among {@code units} units.
     *
     * @throws IllegalArgumentException if there are fewer units than shards (a shard would be empty)
     */
    public long first(long units) {
        check(units);
        return start(index - 1, units);
    }

    /** Returns the end (exclusive) of this shard's units among {@code units} units. */
    public long end(long units) {
        check(units);
        return start(index, units);
    }

    /** Returns how many units this shard holds among {@code units} units. */
    public long size(long units) {
        return end(units) - first(units);
    }

    // The first (units mod count) shards get one unit more; no product leaves the range of a long.
    private long start(int zeroBasedIndex, long units) {
        long base = units / count;
        long extra = units % count;
        return zeroBasedIndex * base + Math.min(zeroBasedIndex, extra);
    }

    private void check(long units) {
        if (units < count) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%,d replications cannot be cut into %,d "
                    + "shards: every shard needs at least one (use at most %,d shards)", units, count, units));
        }
    }

    /** Returns {@code I/N}. */
    @Override
    public String toString() {
        return index + "/" + count;
    }
}
