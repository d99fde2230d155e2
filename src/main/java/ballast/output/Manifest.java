package ballast.output;

import ballast.scenario.Scenario;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code manifest.json}: everything needed to trace a result back and reproduce it: the resolved
 * scenario and its SHA-256, every source file's hash, the seeds, the effective parameters, Ballast's
 * version and git commit, the command line and the start time. Timestamps live here, never in tables.
 */
public final class Manifest {
    public static final String FILE = "manifest.json";

    // Keys and values that readers of a results folder (the charts, compare) rely on, written once here.
    /** Top-level key: what made the folder, one of the kinds below. */
    public static final String KIND = "kind";
    /** Kinds; a kind's own section of settings is under the same key (e.g. {@code "batch": {...}}). */
    public static final String BATCH = "batch";
    public static final String RUN = "run";
    public static final String SWEEP = "sweep";
    public static final String SENSITIVITY = "sensitivity";
    public static final String BACKTEST = "backtest";
    public static final String COMPARE = "compare";
    public static final String CALIBRATE = "calibrate";
    /** Top-level key of the scenario section, and its key for the scenario's name. */
    public static final String SCENARIO = "scenario";
    public static final String NAME = "name";
    /** Key in the {@code batch} section: replications run. */
    public static final String REPLICATIONS = "replications";
    /** Key in the {@code sweep} section: {@link #GRID} or {@code lhs}. */
    public static final String DESIGN = "design";
    public static final String GRID = "grid";
    /** Key in the {@code backtest} section: true for a rolling back-test of one-year forecasts. */
    public static final String ROLLING = "rolling";
    /** Key in the {@code sensitivity} section: {@code sobol} or {@code morris}. */
    public static final String METHOD = "method";
    /** Keys in the {@code sweep} and {@code sensitivity} sections: design points, factors (each with a path). */
    public static final String POINTS = "points";
    public static final String FACTORS = "factors";
    public static final String PATH = "path";
    /** Key in the {@code sensitivity} section: the outputs analysed. */
    public static final String OUTPUTS = "outputs";
    /** Top-level key of a comparison of batch folders: one entry per folder compared. */
    public static final String INPUTS = "inputs";
    /**
     * Top-level keys of a paired comparison: its settings, with the states compared under {@link #COUNTRIES},
     * and one entry per scenario compared.
     */
    public static final String COMPARISON = "comparison";
    public static final String SCENARIOS = "scenarios";
    /**
     * Top-level key of the model parameters (a batch, run or back-test), and the keys in it that readers
     * use: the names of {@link ballast.model.ModelParameters}' fields.
     */
    public static final String PARAMETERS = "parameters";
    public static final String HORIZON_MONTHS = "horizonMonths";
    public static final String TICK_MONTHS = "tickMonths";
    public static final String COUNTRIES = "countries";

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.WRITE_ENUMS_USING_TO_STRING) // a rule's weights under their scenario keys
            .enable(SerializationFeature.INDENT_OUTPUT);

    private final Map<String, Object> root = new LinkedHashMap<>();

    /** Starts a manifest for a command that reads results rather than a scenario (e.g. compare). */
    public Manifest(String kind, String commandLine, Instant startedAt) {
        root.put("tool", "Ballast");
        root.put("version", Provenance.version());
        root.put("gitCommit", Provenance.gitCommit());
        root.put(KIND, kind);
        root.put("commandLine", commandLine);
        root.put("startedAt", startedAt.toString());
    }

    /**
     * Starts a manifest for {@code command} run on {@code scenario}.
     *
     * @param sourceHashes the SHA-256 of each file the scenario read, taken when the job started
     *     (absolute, normalised path to hex, as {@link #sourceHashes} gives): the manifest records the
     *     files the results come from, even if one is edited before the job ends. A file it lacks is
     *     hashed now; that is not expected (the map is made by {@link #sourceHashes} from the same
     *     scenario files), and failing at the end of a long job would lose its results
     */
    public Manifest(String kind, Scenario scenario, Map<String, String> sourceHashes, String commandLine,
            Instant startedAt) throws IOException {
        this(kind, commandLine, startedAt);
        Map<String, Object> s = new LinkedHashMap<>();
        s.put(NAME, scenario.name());
        s.put("file", scenario.file().toString());
        s.put("sha256", resolvedSha256(scenario));
        s.put("resolved", scenario.resolved());
        root.put(SCENARIO, s);
        List<Map<String, String>> sources = new ArrayList<>();
        for (Path p : scenario.sources()) {
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put(PATH, p.toString());
            String hash = sourceHashes.get(p.toAbsolutePath().normalize().toString());
            entry.put("sha256", hash != null ? hash : Provenance.sha256(p));
            sources.add(entry);
        }
        root.put("sources", sources);
        root.put("masterSeed", scenario.seed());
    }

    /** Returns the SHA-256 of every file {@code scenario} read, by absolute, normalised path, in reading order. */
    public static Map<String, String> sourceHashes(Scenario scenario) throws IOException {
        Map<String, String> sources = new LinkedHashMap<>();
        for (Path p : scenario.sources()) {
            sources.put(p.toAbsolutePath().normalize().toString(), Provenance.sha256(p));
        }
        return sources;
    }

    /** Returns the SHA-256 of the resolved scenario written as compact JSON. */
    public static String resolvedSha256(Scenario scenario) throws IOException {
        return Provenance.sha256(new ObjectMapper().writeValueAsBytes(scenario.resolved()));
    }

    /** Adds or replaces a top-level entry (plain values, maps, lists or records). */
    public Manifest put(String key, Object value) {
        root.put(key, value);
        return this;
    }

    /** Writes the manifest to {@code dir/manifest.json}. */
    public void write(Path dir) throws IOException {
        String text = JSON.writeValueAsString(root) + "\n";
        Files.writeString(dir.resolve(FILE), text, StandardCharsets.UTF_8);
    }
}
