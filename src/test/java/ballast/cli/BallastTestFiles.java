package ballast.cli;

import java.net.URISyntaxException;

/** Paths of the test fixtures. */
final class BallastTestFiles {
    private BallastTestFiles() {
    }

    static String fixture(String name) {
        try {
            return java.nio.file.Path.of(BallastTestFiles.class.getResource("/fixtures/" + name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
