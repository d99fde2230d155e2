package ballast.cli;

import ballast.experiment.DesignRun;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * Options of the commands that run the model many times ({@code batch}, {@code sweep},
 * {@code sensitivity}, {@code backtest}): {@code -n} and {@code --threads}, with their checks, and
 * {@link Count}, the one way every count on the command line is read ({@code -n}, {@code --samples},
 * {@code --points}).
 *
 * <pre>{@code
 * @Mixin JobOptions job = new JobOptions(10_000);   // the command's default -n
 * long n = job.replications();                       // checked: 1 to 10^9
 * }</pre>
 */
final class JobOptions {
    /** The most worker threads; a larger number is a typing mistake, not a machine. */
    static final int MAX_THREADS = 1024;
    /** How counts may be written, for messages and help. */
    static final String COUNT_FORMS = "10000, 10_000, 10,000, 10k, 2.5M or 1e5";

    @Option(names = {"-n", "--replications"}, paramLabel = "N", converter = Count.class,
            description = "Replications (default: ${DEFAULT-VALUE}; in a sweep or sensitivity analysis, at each "
                    + "design point; in compare, of each scenario); written " + COUNT_FORMS + "; at most 10^9.")
    Long replications;

    @Option(names = "--threads", paramLabel = "N",
            description = "Worker threads (default: all cores, here ${sys:ballast.cores}).")
    Integer threads;

    static {
        System.setProperty("ballast.cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
    }

    /** Options whose {@code -n} defaults to {@code defaultReplications}. */
    JobOptions(long defaultReplications) {
        this.replications = defaultReplications;
    }

    /** Returns {@code -n}, checked to lie between 1 and {@link DesignRun#MAX_REPLICATIONS}. */
    long replications() throws UserException {
        if (replications > DesignRun.MAX_REPLICATIONS) {
            throw new UserException(String.format(Locale.ROOT, "-n must be at most %,d (10^9, the most that one batch "
                    + "or design point counts exactly; for more, run batches with different --seed), got %,d",
                    DesignRun.MAX_REPLICATIONS, replications));
        }
        return checkedCount("-n", replications, 1, DesignRun.MAX_REPLICATIONS);
    }

    /** Returns {@code --threads}, or every core; checked to lie between 1 and {@link #MAX_THREADS}. */
    int threads() throws UserException {
        return threads(threads);
    }

    /** Checks a {@code --threads} value (null: every core). */
    static int threads(Integer option) throws UserException {
        return (int) checkedCount("--threads", option == null ? Runtime.getRuntime().availableProcessors() : option, 1,
                MAX_THREADS);
    }

    /** Returns {@code value} if it lies in [min, max], else a message naming the option and the limit. */
    static long checkedCount(String option, long value, long min, long max) throws UserException {
        if (value < min) {
            throw new UserException(String.format(Locale.ROOT, "%s must be at least %,d, got %,d", option, min, value));
        }
        if (value > max) {
            throw new UserException(String.format(Locale.ROOT, "%s must be at most %,d, got %,d", option, max, value));
        }
        return value;
    }

    /**
     * Reads a count as people write one: {@code 10000}, {@code 10_000}, {@code 10,000} (groups of
     * three), {@code 10k}, {@code 2.5M}, {@code 1G} (k = 10^3, M = 10^6, G = 10^9) or {@code 1e5}.
     * The value must be a whole number within a long; the range of each option is checked by its
     * command.
     */
    static final class Count implements ITypeConverter<Long> {
        private static final Pattern FORM = Pattern.compile(
                "([0-9][0-9_]*(?:,[0-9]{3})*)(\\.[0-9]+)?(?:[eE]\\+?([0-9]{1,3}))?([kKmMgG])?");

        @Override
        public Long convert(String text) {
            return parse(text);
        }

        /** @throws TypeConversionException with a message that says what is accepted */
        static long parse(String text) {
            String t = text.trim();
            Matcher m = FORM.matcher(t);
            if (!m.matches() || m.group(1).endsWith("_") || m.group(1).contains("__")
                    || m.group(1).contains(",") && m.group(1).contains("_")) {
                throw new TypeConversionException("'" + text + "' is not a count; write it " + COUNT_FORMS);
            }
            BigDecimal value = new BigDecimal(m.group(1).replace("_", "").replace(",", "")
                    + (m.group(2) == null ? "" : m.group(2)));
            if (m.group(3) != null) {
                value = value.scaleByPowerOfTen(Integer.parseInt(m.group(3)));
            }
            if (m.group(4) != null) {
                value = value.scaleByPowerOfTen(switch (Character.toLowerCase(m.group(4).charAt(0))) {
                    case 'k' -> 3;
                    case 'm' -> 6;
                    default -> 9;
                });
            }
            BigDecimal whole = value.stripTrailingZeros();
            if (whole.scale() > 0) {
                throw new TypeConversionException("'" + text + "' is not a whole number");
            }
            BigInteger n = whole.toBigInteger();
            if (n.bitLength() > 63) {
                throw new TypeConversionException("'" + text + "' is far too large");
            }
            return n.longValue();
        }
    }

    /**
     * {@code --resume DIR} of the commands whose jobs save their progress ({@code batch},
     * {@code sweep}, {@code sensitivity}), with its rule: a resumed job is the job that was started,
     * so {@code --resume} takes nothing but {@code --threads}.
     */
    static final class Resume {
        @Spec(Spec.Target.MIXEE)
        CommandSpec spec;

        @Option(names = "--resume", paramLabel = "DIR",
                description = "Finish the interrupted ${COMMAND-NAME} in DIR (takes only --threads).")
        Path dir;

        /** Returns whether {@code --resume} was given. */
        boolean requested() {
            return dir != null;
        }

        /**
         * With {@code --resume}: refuses every argument but {@code --threads}. Without: requires
         * {@code scenario}.
         */
        void check(Path scenario) throws UserException {
            if (dir == null) {
                if (scenario == null) {
                    throw new UserException("name a scenario file (e.g. scenarios/baseline.yaml) or --resume DIR");
                }
                return;
            }
            ParseResult parsed = spec.commandLine().getParseResult();
            List<String> others = new ArrayList<>();
            for (OptionSpec o : parsed.matchedOptions()) {
                if (!o.longestName().equals("--resume") && !o.longestName().equals("--threads")) {
                    others.add(o.longestName());
                }
            }
            if (!parsed.matchedPositionals().isEmpty()) {
                others.add(0, "a scenario file");
            }
            if (!others.isEmpty()) {
                throw new UserException("--resume takes only --threads (not " + String.join(", ", others)
                        + "): everything else is that of the " + spec.name() + " being resumed");
            }
        }
    }
}
