package ballast.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultFolderTest {
    @TempDir
    Path dir;

    @Test
    void aCommittedFolderAppearsWholeUnderItsName() throws Exception {
        Path target = dir.resolve("scenario/run");
        try (ResultFolder folder = ResultFolder.create(target)) {
            Files.writeString(folder.dir().resolve("a.csv"), "x\n");
            assertFalse(Files.exists(target), "nothing appears before the commit");
            assertEquals(target, folder.commit());
        }
        assertEquals("x\n", Files.readString(target.resolve("a.csv")));
        assertEquals(List.of("run"), names(dir.resolve("scenario")), "no temporary folder is left");
    }

    @Test
    void aFolderClosedWithoutCommitLeavesNothing() throws Exception {
        Path target = dir.resolve("run");
        try (ResultFolder folder = ResultFolder.create(target)) {
            Files.writeString(folder.dir().resolve("half.csv"), "x\n");
        }
        assertEquals(List.of(), names(dir));
    }

    @Test
    void anExistingTargetIsRefusedBeforeAndAtCommit() throws Exception {
        Files.createDirectories(dir.resolve("taken"));
        assertThrows(FileAlreadyExistsException.class, () -> ResultFolder.create(dir.resolve("taken")));
        Path late = dir.resolve("late");
        try (ResultFolder folder = ResultFolder.create(late)) {
            Files.createDirectories(late);
            assertThrows(FileAlreadyExistsException.class, folder::commit);
        }
        assertEquals(List.of("late", "taken"), names(dir));
    }

    @Test
    void theDefaultTargetIsTheUtcSecondWithASuffixWhenTaken() throws Exception {
        Instant now = Instant.parse("2026-11-24T05:06:07Z");
        Path first = ResultFolder.defaultTarget(dir, "baseline", now);
        assertEquals(dir.resolve("baseline/20261124T050607Z"), first);
        Files.createDirectories(first);
        assertEquals(dir.resolve("baseline/20261124T050607Z-2"), ResultFolder.defaultTarget(dir, "baseline", now));
        assertTrue(Files.isDirectory(first));
    }

    private static List<String> names(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
