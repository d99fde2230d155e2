package ballast.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** Validates one scenario file, on its own, against the shipped JSON Schema. */
final class SchemaCheck {
    static final Path SCHEMA = Path.of("scenarios/schema/scenario.schema.json");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchema SCHEMA_VALIDATOR = load();

    private SchemaCheck() {
    }

    private static JsonSchema load() {
        try (InputStream in = Files.newInputStream(SCHEMA)) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode schemaTree() throws IOException {
        return JSON.readTree(SCHEMA.toFile());
    }

    /** Returns the schema's complaints about {@code file} (empty when it passes). */
    static Set<ValidationMessage> problems(Path file) throws IOException {
        Object yaml = new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file));
        return SCHEMA_VALIDATOR.validate(JSON.valueToTree(yaml));
    }
}
