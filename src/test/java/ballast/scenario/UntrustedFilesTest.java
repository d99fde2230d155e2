package ballast.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import ballast.experiment.HistoricalRecord;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A scenario may name any path, in {@code extends} or as a data table: whatever is there, the answer
 * is a clear refusal naming the place, never a hang (a FIFO), an OutOfMemoryError ({@code /dev/zero},
 * a huge file) or an unreadable message (bytes that are not UTF-8). Every table is read through one
 * opener, {@link InputFile}.
 */
class UntrustedFilesTest {
    /** Guards against a hang; a refusal takes well under a second. */
    private static final Duration HANG = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    /** Where a path can be written in tiny.yaml: what to replace (with {@code PATH} for the path), the line it gives. */
    static Stream<Arguments> placesForAPath() {
        return Stream.of(
                Arguments.of("extends", "name: tiny", "name: tiny\nextends: PATH", "bad.yaml:3:10: extends: "),
                Arguments.of("data.countries", "countries: states.csv", "countries: PATH",
                        "bad.yaml:7:14: data.countries: "),
                Arguments.of("data.elections", "countries: states.csv", "countries: states.csv\n  elections: PATH",
                        "bad.yaml:8:14: data.elections: "),
                Arguments.of("a partner's engagements", "budgetUsdMillionsPerYear: 10}",
                        "budgetUsdMillionsPerYear: 10, engagements: PATH}", "bad.yaml:13:88: patrons.japan.engagements: "),
                Arguments.of("record.switches", "events:",
                        "record: {switches: PATH, alliesByYear: states.csv}\nevents:", "bad.yaml:15:20: record.switches: "));
    }

    private Path scenarioNaming(String from, String to, Path target) throws IOException {
        return Fixtures.tinyWith(dir, "bad.yaml", from, to.replace("PATH", target.toString()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("placesForAPath")
    void aFifoIsRefusedWithoutOpeningIt(String place, String from, String to, String prefix) throws Exception {
        Path fifo = dir.resolve("pipe");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertEquals(0, mkfifo.waitFor());
        Path bad = scenarioNaming(from, to, fifo);
        // Opening a FIFO that nobody writes to blocks for ever: the refusal must come first.
        List<String> lines = assertTimeoutPreemptively(HANG, () -> Refusals.lines(bad));
        assertEquals(List.of(prefix + "pipe is not a regular file (a device, FIFO or socket), not "
                + (place.equals("extends") ? "a scenario file" : "a data table")), lines);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("placesForAPath")
    void devZeroIsRefusedWithoutReadingIt(String place, String from, String to, String prefix) throws Exception {
        Path zero = Path.of("/dev/zero");
        List<String> lines = assertTimeoutPreemptively(HANG, () -> Refusals.lines(scenarioNaming(from, to, zero)));
        assertEquals(1, lines.size(), lines.toString());
        assertEquals(prefix + "/dev/zero is not a regular file (a device, FIFO or socket), not "
                + (place.equals("extends") ? "a scenario file" : "a data table"), lines.get(0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("placesForAPath")
    void aDirectoryIsRefused(String place, String from, String to, String prefix) throws Exception {
        Path folder = Files.createDirectory(dir.resolve("folder"));
        List<String> lines = Refusals.lines(scenarioNaming(from, to, folder));
        assertEquals(List.of(prefix + "folder is a directory, not "
                + (place.equals("extends") ? "a scenario file" : "a data table")), lines);
    }

    @Test
    void aSocketIsRefused() throws Exception {
        Path socket = dir.resolve("sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            Path bad = scenarioNaming("countries: states.csv", "countries: PATH", socket);
            assertEquals(List.of("bad.yaml:7:14: data.countries: sock"
                    + " is not a regular file (a device, FIFO or socket), not a data table"), Refusals.lines(bad));
        }
    }

    @Test
    void aFiveMegabyteSingleLineScenarioIsRefusedBySize() throws Exception {
        Path big = Files.writeString(dir.resolve("big.yaml"), "x".repeat(5_000_000));
        assertEquals(List.of("big.yaml: is 5 MB; a scenario file may be at most 1 MB"), Refusals.lines(big));
    }

    @Test
    void aHugeFileIsRefusedBeforeAnyOfItIsRead() throws Exception {
        // A sparse 4 GB file: reading it would take minutes and more memory than a JVM has.
        Path huge = dir.resolve("huge.csv");
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(4_000_000_000L);
        }
        Path bad = scenarioNaming("countries: states.csv", "countries: PATH", huge);
        List<String> lines = assertTimeoutPreemptively(HANG, () -> Refusals.lines(bad));
        assertEquals(List.of("bad.yaml:7:14: data.countries: huge.csv is 4000 MB; a data table may be at most 20 MB"),
                lines);
    }

    @Test
    void aTableOneByteOverTheLimitIsRefusedAndSaysTheLimit() throws Exception {
        Path table = dir.resolve("table.csv");
        try (RandomAccessFile f = new RandomAccessFile(table.toFile(), "rw")) {
            f.setLength(InputFile.Kind.TABLE.maxBytes() + 1);
        }
        Path bad = scenarioNaming("countries: states.csv", "countries: PATH", table);
        assertEquals(List.of("bad.yaml:7:14: data.countries: table.csv is over 20 MB; a data table may be at most 20 MB"),
                Refusals.lines(bad));
    }

    @Test
    void aScenarioOfExactlyTheSizeLimitLoads() throws Exception {
        Fixtures.copyTiny(dir);
        String tiny = Files.readString(dir.resolve("tiny.yaml"));
        // Padded with a comment: the YAML reader's own code-point limit must not be tighter than the file limit.
        int pad = (int) InputFile.Kind.SCENARIO.maxBytes() - tiny.length() - 3;
        Path full = Files.writeString(dir.resolve("full.yaml"), tiny + "# " + "x".repeat(pad) + "\n");
        assertEquals(InputFile.Kind.SCENARIO.maxBytes(), Files.size(full));
        assertEquals("tiny", ScenarioLoader.load(full).name());
        Files.writeString(full, "\n", java.nio.file.StandardOpenOption.APPEND);
        assertEquals(List.of("full.yaml: is over 1 MB; a scenario file may be at most 1 MB"), Refusals.lines(full));
    }

    @Test
    void aScenarioThatIsNotUtf8NamesTheLineAndColumnOfTheFirstBadByte() throws Exception {
        Fixtures.copyTiny(dir);
        String tiny = Files.readString(dir.resolve("tiny.yaml"));
        // "café" saved as Latin-1, as an old editor does: é is the single byte 0xE9.
        byte[] latin1 = tiny.replace("name: tiny", "name: tiny\ndescription: caf\u00e9").getBytes(StandardCharsets.ISO_8859_1);
        Path bad = Files.write(dir.resolve("bad.yaml"), latin1);
        assertEquals(List.of("bad.yaml:3:17: not UTF-8 text: byte 0xE9 cannot be read as UTF-8 (save the file as UTF-8)"),
                Refusals.lines(bad));
    }

    @Test
    void aTableThatIsNotUtf8NamesTheLineAndColumnOfTheFirstBadByte() throws Exception {
        Fixtures.copyTiny(dir);
        String states = Files.readString(dir.resolve("states.csv")).replace("Mid Island", "Mid \u00cele");
        Files.write(dir.resolve("states.csv"), states.getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(List.of("states.csv:3:9: not UTF-8 text: byte 0xCE cannot be read as UTF-8 (save the file as UTF-8)"),
                Refusals.lines(dir.resolve("tiny.yaml")));
    }

    @Test
    void aTableSavedByExcelWithAByteOrderMarkLoads() throws Exception {
        Fixtures.copyTiny(dir);
        Path states = dir.resolve("states.csv");
        Files.write(states, concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Files.readAllBytes(states)));
        Scenario s = ScenarioLoader.load(dir.resolve("tiny.yaml"));
        assertEquals("TUV", s.parameters().countries().get(0).code(), "the first column is iso3, not '\\uFEFFiso3'");
    }

    @Test
    void aScenarioWithAByteOrderMarkLoads() throws Exception {
        Path tiny = Fixtures.copyTiny(dir);
        Files.write(tiny, concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Files.readAllBytes(tiny)));
        assertEquals("tiny", ScenarioLoader.load(tiny).name());
    }

    @Test
    void aTableBrokenOnEveryRowListsAHundredProblemsAndStopsReading() throws Exception {
        Fixtures.copyTiny(dir);
        StringBuilder table = new StringBuilder("iso3,name,region,gdp_usd_millions,population\n");
        for (int i = 0; i < 100_000; i++) {
            table.append("TUV,Small Island,north,lots,1000\n");
        }
        Files.writeString(dir.resolve("states.csv"), table);
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(dir.resolve("tiny.yaml")));
        List<String> fromTable = e.problems().stream().map(Problem::toString)
                .filter(l -> l.startsWith(dir.resolve("states.csv").toString())).toList();
        assertEquals(Problems.MAX_LISTED_PER_FILE + 1, fromTable.size(), "100 listed and one line saying so");
        assertEquals(dir.resolve("states.csv") + ": more problems than the 100 listed; reading stopped at line 103",
                fromTable.get(fromTable.size() - 1));
    }

    @Test
    void theBacktestRecordIsReadThroughTheSameOpener() throws Exception {
        Path fifo = dir.resolve("pipe");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor());
        Path allies = Files.writeString(dir.resolve("allies.csv"), "year,allies_on_1_jan\n2000,29\n");
        HistoricalRecord.RecordException e = assertTimeoutPreemptively(HANG,
                () -> assertThrows(HistoricalRecord.RecordException.class, () -> HistoricalRecord.read(fifo, allies)));
        assertEquals(fifo + " is not a regular file (a device, FIFO or socket), not a data table", e.getMessage());
        Files.write(allies, "year,allies_on_1_jan\n2000,2\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        Path switches = Files.writeString(dir.resolve("switches.csv"), "date,iso3,direction,event_type\n");
        e = assertThrows(HistoricalRecord.RecordException.class, () -> HistoricalRecord.read(switches, allies));
        assertEquals(allies + ":2:7: not UTF-8 text: byte 0xE9 cannot be read as UTF-8 (save the file as UTF-8)",
                e.getMessage());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
