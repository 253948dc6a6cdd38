package dev.playbook.crm.hubspot;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.playbook.crm.CrmPlaybooks;
import dev.playbook.crm.starter.BadInputException;
import dev.playbook.crm.starter.ImportedPipeline;
import dev.playbook.crm.starter.ImportedStage;
import dev.playbook.crm.starter.InputFiles;
import dev.playbook.model.StageStatus;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads HubSpot deal pipelines: a response of {@code GET /crm/v3/pipelines/deals}
 * ({@code {"results": [...]}}) or one pipeline. Stages come in {@code displayOrder}, archived ones
 * are dropped; a stage with probability 1.0 is won, one that is closed with probability 0.0 lost.
 */
public final class HubSpotImport {
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build());

    /** Far more pipelines than an account has; each becomes a file of its own. */
    static final int MAX_PIPELINES = 200;

    private final Consumer<String> notes;

    /** @param notes takes what the import left out and why, one sentence each */
    public HubSpotImport(Consumer<String> notes) {
        this.notes = notes;
    }

    /** @param pipeline the one pipeline to import, by id or label, or null for every pipeline that is not archived */
    public List<ImportedPipeline> read(Path file, String shown, String pipeline) throws BadInputException {
        JsonNode root = parse(InputFiles.read(file, shown), shown);
        List<JsonNode> pipelines = new ArrayList<>();
        if (root.isObject() && root.has("results")) {
            if (!root.get("results").isArray()) throw new BadInputException(shown, 0, "`results` should be a list of pipelines");
            root.get("results").forEach(pipelines::add);
        } else if (root.isObject() && root.has("stages")) {
            pipelines.add(root);
        } else {
            throw new BadInputException(shown, 0, "this is not a HubSpot pipelines response (`{\"results\": [...]}`) "
                    + "nor a pipeline (with `stages`)");
        }
        for (JsonNode p : pipelines) {
            if (!p.isObject()) throw new BadInputException(shown, 0, "a pipeline should be an object, not " + p.getNodeType());
        }
        pipelines = new ArrayList<>(pipelines);
        pipelines.sort(Comparator.comparingDouble(p -> order(p, Double.MAX_VALUE)));
        List<JsonNode> chosen = choose(pipelines, pipeline, shown);
        if (chosen.size() > MAX_PIPELINES) {
            throw new BadInputException(shown, 0, "the file holds " + chosen.size() + " pipelines; pick one with --pipeline");
        }
        List<ImportedPipeline> result = new ArrayList<>();
        for (JsonNode p : chosen) result.add(pipeline(p, shown));
        return result;
    }

    private static JsonNode parse(byte[] bytes, String shown) throws BadInputException {
        try (JsonParser parser = JSON.createParser(bytes)) {
            JsonNode root = JSON.readTree(parser);
            if (root == null) throw new BadInputException(shown, 0, "the file holds no JSON");
            if (parser.nextToken() != null) {
                throw new BadInputException(shown, parser.currentLocation().getLineNr(), "more JSON follows the first value");
            }
            return root;
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new BadInputException(shown, Math.max(line, 0), "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new BadInputException(shown, 0, "cannot read the file: " + e.getMessage());
        }
    }

    private List<JsonNode> choose(List<JsonNode> pipelines, String wanted, String shown) throws BadInputException {
        if (wanted == null) {
            List<JsonNode> live = new ArrayList<>();
            for (JsonNode p : pipelines) {
                if (truth(p.get("archived"))) notes.accept("pipeline \"" + text(p, "label") + "\" is archived and was left out");
                else live.add(p);
            }
            if (live.isEmpty()) throw new BadInputException(shown, 0, "the file has no pipeline that is not archived");
            return live;
        }
        for (JsonNode p : pipelines) if (wanted.equals(text(p, "id"))) return List.of(p);
        for (JsonNode p : pipelines) if (wanted.equals(text(p, "label"))) return List.of(p);
        for (JsonNode p : pipelines) if (wanted.equalsIgnoreCase(text(p, "label"))) return List.of(p);
        throw new BadInputException(shown, 0, "no pipeline with the id or label \"" + wanted + "\"; the file has: "
                + String.join(", ", pipelines.stream().map(p -> text(p, "id") + " (\"" + text(p, "label") + "\")").toList()));
    }

    private ImportedPipeline pipeline(JsonNode p, String shown) throws BadInputException {
        String label = text(p, "label");
        if (label == null || label.isBlank()) throw new BadInputException(shown, 0, "a pipeline without a `label`");
        String where = "pipeline \"" + label + "\"";
        JsonNode stagesNode = p.get("stages");
        if (stagesNode == null || !stagesNode.isArray()) throw new BadInputException(shown, 0, where + " has no `stages` list");
        List<JsonNode> stages = new ArrayList<>();
        for (JsonNode s : stagesNode) {
            if (!s.isObject()) throw new BadInputException(shown, 0, where + ": a stage should be an object");
            if (truth(s.get("archived"))) notes.accept(where + ": the archived stage \"" + text(s, "label") + "\" was left out");
            else stages.add(s);
        }
        // the list's own order is not the pipeline's: HubSpot orders stages by displayOrder
        stages.sort(Comparator.comparingDouble(s -> order(s, Double.MAX_VALUE)));
        if (stages.isEmpty()) throw new BadInputException(shown, 0, where + " has no stages that are not archived");
        if (stages.size() > HubSpotExport.MAX_STAGES) {
            throw new BadInputException(shown, 0, where + " has " + stages.size() + " stages; a HubSpot pipeline has at most "
                    + HubSpotExport.MAX_STAGES);
        }
        List<ImportedStage> imported = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode s : stages) {
            String stageLabel = text(s, "label");
            if (stageLabel == null || stageLabel.isBlank()) throw new BadInputException(shown, 0, where + ": a stage without a `label`");
            if (stageLabel.chars().anyMatch(Character::isISOControl)) {
                throw new BadInputException(shown, 0, where + ": the stage label \"" + stageLabel.strip().replaceAll("\\p{Cntrl}", " ")
                        + "\" holds a line break or control character");
            }
            if (stageLabel.codePointCount(0, stageLabel.length()) > CrmPlaybooks.MAX_VALUE_LENGTH) {
                throw new BadInputException(shown, 0, where + ": a stage label is longer than " + CrmPlaybooks.MAX_VALUE_LENGTH + " characters");
            }
            if (!seen.add(stageLabel.strip().toLowerCase(Locale.ROOT))) {
                throw new BadInputException(shown, 0, where + " has two stages labelled \"" + stageLabel + "\"");
            }
            imported.add(stage(s, stageLabel.strip(), where, shown));
        }
        String pipelineLabel = label.strip().replaceAll("\\p{Cntrl}+", " ");
        return new ImportedPipeline(pipelineLabel, "deal pipeline \"" + pipelineLabel + "\"" + (text(p, "id") == null ? ""
                : ", id " + text(p, "id")), imported, null, null, pipelineLabel.length() <= 255 ? pipelineLabel : null);
    }

    private ImportedStage stage(JsonNode s, String label, String where, String shown) throws BadInputException {
        JsonNode metadata = s.get("metadata");
        if (metadata != null && !metadata.isObject()) throw new BadInputException(shown, 0, where + ", stage \"" + label
                + "\": `metadata` should be an object");
        JsonNode probabilityNode = metadata == null ? null : metadata.get("probability");
        if (probabilityNode == null && metadata != null && metadata.has("ticketState")) {
            throw new BadInputException(shown, 0, where + " is a ticket pipeline (its stages have a `ticketState`); import a deal pipeline");
        }
        BigDecimal probability = probabilityNode == null || probabilityNode.isNull() ? null : number(probabilityNode, where, label, shown);
        boolean closed = metadata != null && truth(metadata.get("isClosed"));
        StageStatus status = StageStatus.OPEN;
        if (probability != null && probability.compareTo(BigDecimal.ONE) == 0) status = StageStatus.WON;
        else if (closed && probability != null && probability.signum() == 0) status = StageStatus.LOST;
        else if (closed) {
            notes.accept(where + ": the stage \"" + label + "\" is closed but neither won (1.0) nor lost (0.0); it became an open stage");
        }
        // through a double: a hostile "1e-999999999" would make exact decimal rounding compute a huge power of ten
        Integer percent = probability == null ? null : (int) Math.round(probability.doubleValue() * 100);
        if (probability == null) notes.accept(where + ": the stage \"" + label + "\" has no probability");
        return new ImportedStage(label, null, status, percent, null, null, List.of(), List.of());
    }

    private static BigDecimal number(JsonNode node, String where, String label, String shown) throws BadInputException {
        try {
            BigDecimal p = node.isNumber() ? node.decimalValue() : node.isTextual() ? new BigDecimal(node.asText().strip()) : null;
            if (p != null && p.signum() >= 0 && p.compareTo(BigDecimal.ONE) <= 0) return p;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadInputException(shown, 0, where + ", stage \"" + label + "\": the probability " + node
                + " is not a number from 0.0 to 1.0");
    }

    /** HubSpot writes flags as booleans in some places and as the strings "true" and "false" in others. */
    private static boolean truth(JsonNode node) {
        if (node == null) return false;
        if (node.isBoolean()) return node.booleanValue();
        return node.isTextual() && node.asText().strip().equalsIgnoreCase("true");
    }

    private static double order(JsonNode node, double fallback) {
        JsonNode order = node.get("displayOrder");
        if (order == null) return fallback;
        if (order.isNumber()) return order.doubleValue();
        try {
            return Double.parseDouble(order.asText());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
    }
}
