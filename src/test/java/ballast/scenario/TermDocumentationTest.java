package ballast.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ballast.model.Term;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A term of the decision rule is stated once, in {@link Term}; the reader, the rule and the outputs
 * iterate it. The JSON Schema and the README are documents, so these tests keep them in step: a new
 * term that is not in both fails here.
 */
class TermDocumentationTest {

    @Test
    void theSchemaHasEveryTermsWeightWithItsBoundsAndNothingElse() throws Exception {
        JsonNode rule = SchemaCheck.schemaTree().at("/properties/rule/properties");
        List<String> expected = new ArrayList<>(List.of("toPrcPerYear", "toRocPerYear"));
        for (Term t : Term.values()) {
            expected.add(t.key());
            JsonNode p = rule.get(t.key());
            assertTrue(p != null, "the schema has no rule." + t.key());
            assertEquals("number", p.get("type").asText(), t.key());
            assertEquals(-Term.MAX_WEIGHT, p.get("minimum").asDouble(), 0.0, t.key());
            assertEquals(Term.MAX_WEIGHT, p.get("maximum").asDouble(), 0.0, t.key());
        }
        expected.addAll(List.of("contagionWindowMonths", "newGovernmentWindowMonths", "gdpFloorUsdMillions",
                "sameRegionLinkWeight"));
        List<String> inSchema = new ArrayList<>();
        rule.fieldNames().forEachRemaining(inSchema::add);
        assertEquals(expected, inSchema);
    }

    @Test
    void theReadmesParameterTableHasEveryTerm() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        for (Term t : Term.values()) {
            assertTrue(readme.contains("| `" + t.key() + "` |"), "README parameter table lacks `" + t.key() + "`");
            assertTrue(readme.contains("`" + t.column() + "`"), "README lacks the column `" + t.column() + "`");
        }
    }
}
