package ballast.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What goes into a job script's #SBATCH lines, as sbatch will read them. */
class SlurmScriptTest {

    private static JobSpec job(Path folder, String memory) {
        return new JobSpec("ballast-tiny", folder.resolve("logs"), folder, null, null, memory, 1, List.of());
    }

    @Test
    void plainValuesStayAsTheyAre() {
        assertEquals("--array=1-3", Slurm.directive("--array=1-3"));
        assertEquals("--output=/scratch/job/logs/ballast-%a.log", Slurm.directive("--output=/scratch/job/logs/ballast-%a.log"));
    }

    @Test
    void pathsWithSpacesQuotesOrHashesAreQuotedSoSbatchReadsOnePath() {
        // sbatch splits #SBATCH lines at white space, ends them at an unescaped #, and takes \ as an escape.
        assertEquals("--chdir=\"/tmp/other dir\"", Slurm.directive("--chdir=/tmp/other dir"));
        assertEquals("--output=\"/tmp/job \\#2 it's/x-%a.log\"", Slurm.directive("--output=/tmp/job #2 it's/x-%a.log"));
        assertEquals("--chdir=\"/a\\\"b\\\\c\"", Slurm.directive("--chdir=/a\"b\\c"));
        String script = new Slurm().arrayScript(job(Path.of("/tmp/slurm job 1"), null), 3, "exec true");
        assertTrue(script.contains("#SBATCH --output=\"/tmp/slurm job 1/logs/ballast-tiny-%a.log\"\n"), script);
        assertTrue(script.contains("#SBATCH --chdir=\"/tmp/slurm job 1\"\n"), script);
    }

    @Test
    void aFolderWithALineBreakIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> job(Path.of("/tmp/a\ntouch x"), null));
        assertTrue(e.getMessage().contains("line break"), e.getMessage());
    }

    @Test
    void memoryZeroLeavesTheHeapToTheJvmAndTooLittleIsRefused() {
        assertNull(job(Path.of("/tmp/j"), "0").jvmMemory());
        assertNull(job(Path.of("/tmp/j"), "0G").jvmMemory());
        assertEquals("2g", job(Path.of("/tmp/j"), "2G").jvmMemory());
        assertEquals("2048m", job(Path.of("/tmp/j"), "2048").jvmMemory());
        for (String tooLittle : List.of("100K", "10M", "255")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> job(Path.of("/tmp/j"), tooLittle));
            assertTrue(e.getMessage().startsWith("--mem: '" + tooLittle + "' is too little"), e.getMessage());
        }
        assertEquals("256m", job(Path.of("/tmp/j"), "256").jvmMemory());
    }
}
