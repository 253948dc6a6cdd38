package dev.playbook.crm.starter;

import dev.playbook.model.StageStatus;

import java.util.List;

/**
 * A starter playbook as YAML text: a header comment that says where it came from, the playbook's
 * title and CRM names, and its stages with what the CRM knew of them. Every text is written so
 * that it reads back exactly (see {@link YamlText}).
 */
final class StarterYaml {
    private StarterYaml() {
    }

    /**
     * @param header the lines of the header comment, without {@code #}
     * @param stageIds the stages' ids, in the order of the pipeline's stages
     */
    static String of(ImportedPipeline pipeline, String id, List<String> stageIds, List<String> header) {
        StringBuilder y = new StringBuilder();
        for (String line : header) y.append("# ").append(commentSafe(line)).append('\n');
        y.append("playbook: ").append(YamlText.id(id)).append('\n');
        y.append("title: ").append(YamlText.quoted(pipeline.title())).append('\n');
        if (pipeline.salesforceProcess() != null || pipeline.hubspotPipeline() != null) {
            y.append("crm:\n");
            if (pipeline.salesforceProcess() != null) {
                y.append("  salesforce:\n    process: ").append(YamlText.quoted(pipeline.salesforceProcess())).append('\n');
                if (pipeline.salesforceRecordType() != null) {
                    y.append("    record_type: ").append(YamlText.quoted(pipeline.salesforceRecordType())).append('\n');
                }
            }
            if (pipeline.hubspotPipeline() != null) {
                y.append("  hubspot:\n    pipeline: ").append(YamlText.quoted(pipeline.hubspotPipeline())).append('\n');
            }
        }
        y.append("stages:\n");
        for (int i = 0; i < pipeline.stages().size(); i++) stage(y, pipeline.stages().get(i), stageIds.get(i));
        return y.toString();
    }

    private static void stage(StringBuilder y, ImportedStage s, String id) {
        y.append("  - id: ").append(YamlText.id(id)).append('\n');
        y.append("    title: ").append(YamlText.quoted(s.title())).append('\n');
        if (s.status() != StageStatus.OPEN) y.append("    status: ").append(s.status() == StageStatus.WON ? "won" : "lost").append('\n');
        if (s.goal() != null) y.append("    goal: ").append(YamlText.value(s.goal(), 4)).append('\n');
        if (!s.exitCriteria().isEmpty()) {
            y.append("    exit_criteria:\n");
            for (String c : s.exitCriteria()) y.append("      - ").append(YamlText.value(c, 6)).append('\n');
        }
        if (s.probability() != null) y.append("    probability: ").append(s.probability()).append('\n');
        if (s.crmName() != null || s.forecast() != null || !s.fields().isEmpty()) {
            y.append("    crm:\n");
            if (s.crmName() != null) y.append("      name: ").append(YamlText.quoted(s.crmName())).append('\n');
            if (s.forecast() != null) y.append("      forecast: ").append(s.forecast().written()).append('\n');
            if (!s.fields().isEmpty()) {
                y.append("      fields: [").append(String.join(", ", s.fields().stream().map(YamlText::quoted).toList())).append("]\n");
            }
        }
    }

    /** A comment ends at a line break; anything that could end it early is shown as a question mark. */
    private static String commentSafe(String line) {
        StringBuilder out = new StringBuilder();
        line.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) || c == 0x2028 || c == 0x2029
                || c == 0x85 || c == 0xFEFF ? '?' : c));
        return out.toString();
    }
}
