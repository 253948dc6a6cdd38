package dev.playbook.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.playbook.testing.DiagnosticSpec;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JSON Schemas editors use must say exactly what the loader accepts, and describe all of it. */
@Execution(ExecutionMode.CONCURRENT)
class SchemaTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode schemaNode(String name) throws IOException {
        try (InputStream in = SchemaTest.class.getResourceAsStream("/schema/" + name)) {
            return JSON.readTree(in);
        }
    }

    private static JsonSchema schema(String name) throws IOException {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaNode(name));
    }

    @Test
    void everyBundledExampleValidates() throws IOException {
        JsonSchema playbook = schema("playbook.schema.json");
        JsonSchema site = schema("site.schema.json");
        List<String> problems = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of("process-definitions"))) {
            files = walk.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
        }
        assertFalse(files.isEmpty());
        for (Path file : files) {
            JsonSchema against = file.getFileName().toString().equals("site.yaml") ? site : playbook;
            for (ValidationMessage m : against.validate(YAML.readTree(file.toFile()))) problems.add(file + ": " + m);
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void crmBlocksValidateAndTheirMistakesAreUnderlined() throws IOException {
        JsonSchema playbook = schema("playbook.schema.json");
        for (String name : List.of("crm/playbooks/enterprise.yaml", "crm/playbooks/enterprise-emea.yaml")) {
            assertEquals(Set.of(), playbook.validate(YAML.readTree(DiagnosticSpec.resource(name).toFile())), name);
        }
        String messages = playbook.validate(YAML.readTree(DiagnosticSpec.resource("errors/load/crm-playbook-block/playbook.yaml")
                .toFile())).toString() + playbook.validate(YAML.readTree(DiagnosticSpec.resource(
                "errors/load/crm-stage-block/playbook.yaml").toFile()));
        for (String expected : List.of("'recordtype'", "'pipedrive'", "'notes'", "$.crm.salesforce.process:", "$.stages[0].crm.name:",
                "$.stages[0].crm.forecast:", "$.stages[1].crm.fields: must have at most 5", "$.stages[1].crm.fields[2]:")) {
            assertTrue(messages.contains(expected), expected + " in " + messages);
        }
    }

    @Test
    void aTypoIsUnderlined() throws IOException {
        Set<ValidationMessage> messages = schema("playbook.schema.json").validate(
                YAML.readTree(DiagnosticSpec.resource("schema/typo/typo.yaml").toFile()));
        assertTrue(messages.stream().anyMatch(m -> m.getMessage().contains("exit_criterias")), messages.toString());
    }

    @Test
    void theSchemaHasEveryKeyTheLoaderAcceptsAndNothingElse() throws IOException {
        JsonNode playbook = schemaNode("playbook.schema.json");
        JsonNode stage = playbook.at("/$defs/stage");
        JsonNode taskObject = stage.at("/properties/tasks/anyOf/0/items/anyOf/1");
        assertEquals(DefinitionReader.PLAYBOOK_KEYS, keys(playbook));
        assertEquals(DefinitionReader.STAGE_KEYS, keys(stage));
        assertEquals(DefinitionReader.TRACK_KEYS, keys(playbook.at("/$defs/track")));
        assertEquals(DefinitionReader.TASK_KEYS, keys(taskObject));
        assertEquals(DefinitionReader.RESOURCE_KEYS, keys(taskObject.at("/properties/resources/items")));
        assertEquals(DefinitionReader.BRANCH_KEYS, keys(stage.at("/properties/branches/anyOf/0/items")));
        assertEquals(DefinitionReader.NAMED_KEYS, keys(playbook.at("/properties/roles/items")));
        assertEquals(DefinitionReader.NAMED_KEYS, keys(playbook.at("/properties/buyer_journey/items")));
        assertEquals(DefinitionReader.SITE_KEYS, keys(schemaNode("site.schema.json")));
        assertEquals(CrmBlockReader.STAGE_CRM_KEYS, keys(stage.at("/properties/crm")));
        assertEquals(CrmBlockReader.PLAYBOOK_CRM_KEYS, keys(playbook.at("/properties/crm")));
        assertEquals(CrmBlockReader.SALESFORCE_KEYS, keys(playbook.at("/properties/crm/properties/salesforce")));
        assertEquals(CrmBlockReader.HUBSPOT_KEYS, keys(playbook.at("/properties/crm/properties/hubspot")));
    }

    @Test
    void everyFieldHasADescriptionForEditorsToShow() throws IOException {
        List<String> missing = new ArrayList<>();
        for (String name : List.of("playbook.schema.json", "site.schema.json")) {
            collectUndescribed(schemaNode(name), name, missing);
        }
        assertEquals(List.of(), missing);
    }

    private static void collectUndescribed(JsonNode node, String path, List<String> missing) {
        JsonNode properties = node.get("properties");
        if (properties != null && node.get("type") != null && node.get("type").asText().equals("object")
                && !path.endsWith("append")) {
            Iterator<String> names = properties.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (!properties.get(name).has("description")) missing.add(path + "/" + name);
            }
        }
        Iterator<String> children = node.fieldNames();
        while (children.hasNext()) {
            String child = children.next();
            if (node.get(child).isContainerNode()) collectUndescribed(node.get(child), path + "/" + child, missing);
        }
        if (node.isArray()) for (int i = 0; i < node.size(); i++) collectUndescribed(node.get(i), path + "/" + i, missing);
    }

    private static Set<String> keys(JsonNode objectSchema) {
        Set<String> keys = new TreeSet<>();
        objectSchema.get("properties").fieldNames().forEachRemaining(keys::add);
        return keys;
    }
}
