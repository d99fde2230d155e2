package ballast.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
            assertEquals(List.of(), names(target), "the claimed folder stays empty until the commit");
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
            Files.writeString(late.resolve("someone-else.txt"), "mine\n");
            assertThrows(FileAlreadyExistsException.class, folder::commit);
        }
        assertEquals(List.of("late", "taken"), names(dir));
        assertEquals("mine\n", Files.readString(late.resolve("someone-else.txt")), "never overwritten");
    }

    @Test
    void theDefaultFolderSaysItsKindAndTheUtcSecondWithASuffixWhenTaken() throws Exception {
        Instant now = Instant.parse("2026-11-24T05:06:07Z");
        Path first = ResultFolder.Target.byDefault(dir, "baseline", "batch", now).claim();
        assertEquals(dir.resolve("baseline/batch-20261124T050607Z"), first);
        assertEquals(dir.resolve("baseline/batch-20261124T050607Z-2"),
                ResultFolder.Target.byDefault(dir, "baseline", "batch", now).claim());
        assertEquals(dir.resolve("baseline/run-20261124T050607Z"),
                ResultFolder.Target.byDefault(dir, "baseline", "run", now).claim());
        assertTrue(Files.isDirectory(first));
    }

    @Test
    void commandsStartedInTheSameSecondGetDifferentFolders() throws Exception {
        Instant now = Instant.parse("2026-11-24T05:06:07Z");
        int n = 8;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Path>> claims = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                claims.add(pool.submit(() -> {
                    go.await();
                    try (ResultFolder f = ResultFolder.create(ResultFolder.Target.byDefault(dir, "baseline", "run",
                            now))) {
                        Files.writeString(f.dir().resolve("allies.csv"), f.target().toString());
                        return f.commit();
                    }
                }));
            }
            go.countDown();
            Set<Path> folders = new HashSet<>();
            for (Future<Path> c : claims) {
                Path p = c.get();
                assertEquals(p.toString(), Files.readString(p.resolve("allies.csv")), "each wrote its own folder");
                folders.add(p);
            }
            assertEquals(n, folders.size());
        } finally {
            pool.shutdownNow();
        }
        List<String> expected = new ArrayList<>(List.of("run-20261124T050607Z"));
        for (int i = 2; i <= n; i++) {
            expected.add("run-20261124T050607Z-" + i);
        }
        assertEquals(expected.stream().sorted().toList(), names(dir.resolve("baseline")));
    }

    @Test
    void aNameThatIsNotAPlainFolderNameBecomesOne() throws Exception {
        Instant now = Instant.parse("2026-11-24T05:06:07Z");
        for (String name : List.of("..", ".", "", "a/../../b", ".hidden")) {
            Path p = ResultFolder.Target.byDefault(dir, name, "run", now).claim();
            assertEquals(dir.toAbsolutePath(), p.getParent().getParent(), name + " stays inside the root: " + p);
            assertFalse(p.getParent().getFileName().toString().startsWith("."), p.toString());
        }
    }

    private static List<String> names(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
