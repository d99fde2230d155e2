package ballast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * A paper can cite the tool: CITATION.cff carries the keys Citation File Format 1.2.0 requires
 * (cff-version, message, title, authors) and the version of the build, the licence is the one it
 * names, and the README says how to cite.
 */
class CitationTest {

    @Test
    void theCitationFileNamesThisVersionAndTheLicence() throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> cff = (Map<String, Object>) new Load(LoadSettings.builder().build())
                .loadFromString(Files.readString(Path.of("CITATION.cff")));
        String pomVersion = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml")
                .toFile()).getDocumentElement().getElementsByTagName("version").item(0).getTextContent();
        assertEquals("1.2.0", cff.get("cff-version"));
        assertEquals("Ballast", cff.get("title"));
        assertEquals(pomVersion, cff.get("version"), "CITATION.cff's version is the pom's");
        assertTrue(cff.get("message") instanceof String s && !s.isBlank());
        assertEquals(List.of(Map.of("name", "The Ballast developers")), cff.get("authors"));
        assertEquals("Apache-2.0", cff.get("license"));
        assertTrue(Files.readString(Path.of("LICENSE")).contains("Apache License\n                           Version 2.0"));
        assertTrue(Files.readString(Path.of("README.md")).contains("## How to cite"));
    }
}
