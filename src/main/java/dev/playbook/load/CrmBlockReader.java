package dev.playbook.load;

import dev.playbook.diagnostics.Diagnostics;
import dev.playbook.diagnostics.Position;
import dev.playbook.diagnostics.Suggestions;
import dev.playbook.load.Definitions.PlaybookCrmDefinition;
import dev.playbook.load.Definitions.StageCrmDefinition;
import dev.playbook.model.ForecastCategory;
import dev.playbook.model.StageCrm;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the {@code crm:} blocks of a stage and of a playbook: how they appear in Salesforce,
 * HubSpot and Pipedrive. The limits checked here are the CRMs' own, so that a playbook that loads
 * also exports: a value name of at most 255 characters, five Path key fields, a sales process
 * name that can be a file name in a Salesforce project.
 */
final class CrmBlockReader {
    static final Set<String> STAGE_CRM_KEYS = Set.of("name", "forecast", "fields", "guidance");
    static final Set<String> PLAYBOOK_CRM_KEYS = Set.of("salesforce", "hubspot");
    static final Set<String> SALESFORCE_KEYS = Set.of("process", "record_type");
    static final Set<String> HUBSPOT_KEYS = Set.of("pipeline");

    /** Salesforce's limit on a picklist value's API name and label. */
    static final int MAX_VALUE_NAME = 255;
    /** Salesforce's limit on the name of a sales process and on a record type's label. */
    static final int MAX_PROCESS_NAME = 80;
    private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,79}");
    /** Characters a sales process name cannot have: it is a file name in a Salesforce project, and part of a manifest entry. */
    private static final String NOT_IN_PROCESS_NAMES = "/\\:*?\"<>|.%";

    private final SourceText source;
    private final Diagnostics diagnostics;

    CrmBlockReader(SourceText source, Diagnostics diagnostics) {
        this.source = source;
        this.diagnostics = diagnostics;
    }

    StageCrmDefinition stage(MappingReader stage) {
        YamlNode.Mapping m = stage.mappingOf("crm");
        if (m == null) return null;
        MappingReader r = new MappingReader(m, "a stage's `crm:`", STAGE_CRM_KEYS, source, diagnostics);
        Located<String> name = r.text("name");
        if (name != null && !valueName(name)) name = null;
        return new StageCrmDefinition(m.at(), name, forecast(r), fields(r), r.markdown("guidance"));
    }

    PlaybookCrmDefinition playbook(MappingReader playbook) {
        YamlNode.Mapping m = playbook.mappingOf("crm");
        if (m == null) return null;
        MappingReader r = new MappingReader(m, "a playbook's `crm:`", PLAYBOOK_CRM_KEYS, source, diagnostics);
        Located<String> process = null;
        Located<String> recordType = null;
        Located<String> pipeline = null;
        YamlNode.Mapping salesforce = r.mappingOf("salesforce");
        if (salesforce != null) {
            MappingReader s = new MappingReader(salesforce, "`crm.salesforce`", SALESFORCE_KEYS, source, diagnostics);
            process = processName(s.text("process"));
            recordType = recordTypeLabel(s.text("record_type"));
        }
        YamlNode.Mapping hubspot = r.mappingOf("hubspot");
        if (hubspot != null) {
            MappingReader h = new MappingReader(hubspot, "`crm.hubspot`", HUBSPOT_KEYS, source, diagnostics);
            pipeline = h.text("pipeline");
            if (pipeline != null && !plainName(pipeline, "pipeline", MAX_VALUE_NAME)) pipeline = null;
        }
        return new PlaybookCrmDefinition(m.at(), process, recordType, pipeline);
    }

    /** A stage's name in the CRM: what Salesforce stores in the opportunity's stage, HubSpot and Pipedrive show. */
    private boolean valueName(Located<String> name) {
        if (!plainName(name, "name", MAX_VALUE_NAME)) return false;
        if (!name.value().equals(name.value().strip())) {
            diagnostics.error(name.at(), "`name` starts or ends with spaces, which the CRM would drop; remove them");
            return false;
        }
        return true;
    }

    private Located<String> processName(Located<String> process) {
        if (process == null || !plainName(process, "process", MAX_PROCESS_NAME)) return null;
        String value = process.value();
        for (char c : value.toCharArray()) {
            if (NOT_IN_PROCESS_NAMES.indexOf(c) >= 0) {
                diagnostics.error(process.at(), "a Salesforce sales process name cannot contain `" + c
                        + "` (it becomes a file name in the project); use letters, digits, spaces and - _ ( ) & + , '");
                return null;
            }
        }
        if (!value.equals(value.strip())) {
            diagnostics.error(process.at(), "`process` starts or ends with spaces; remove them");
            return null;
        }
        return process;
    }

    private Located<String> recordTypeLabel(Located<String> recordType) {
        return recordType == null || !plainName(recordType, "record_type", MAX_PROCESS_NAME) ? null : recordType;
    }

    /** A one-line name: not empty, no line breaks or other control characters, at most {@code max} characters. */
    private boolean plainName(Located<String> name, String key, int max) {
        String value = name.value();
        if (value.isBlank()) {
            diagnostics.error(name.at(), "`" + key + "` is empty; leave the key out to use the default");
            return false;
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            diagnostics.error(name.at(), "`" + key + "` cannot contain line breaks, tabs or other control characters");
            return false;
        }
        int length = value.codePointCount(0, value.length());
        if (length > max) {
            diagnostics.error(name.at(), "`" + key + "` is " + length + " characters long; the CRM allows at most " + max);
            return false;
        }
        return true;
    }

    private Located<ForecastCategory> forecast(MappingReader r) {
        Located<String> text = r.text("forecast");
        if (text == null) return null;
        String written = text.value().trim();
        ForecastCategory category = ForecastCategory.fromWritten(written);
        if (category != null) return new Located<>(category, text.at());
        List<String> allowed = ForecastCategory.allWritten();
        String hint = Suggestions.didYouMean(written, allowed);
        String squeezed = written.replace(" ", "").toLowerCase(Locale.ROOT);
        for (String a : allowed) {
            if (a.toLowerCase(Locale.ROOT).equals(squeezed)) hint = "; did you mean `" + a + "`?";
        }
        diagnostics.error(text.at(), "`forecast` must be a Salesforce forecast category: " + String.join(", ", allowed)
                + "; `" + text.value() + "` is not" + hint);
        return null;
    }

    private ListValue<Located<String>> fields(MappingReader r) {
        ListValue<Located<String>> fields = r.list("fields", this::field);
        if (fields == null) return null;
        if (fields.append()) {
            diagnostics.error(fields.at(), "`fields` takes a plain list of at most " + StageCrm.MAX_FIELDS + " field names");
            return null;
        }
        Map<String, Position> seen = new HashMap<>();
        boolean usable = true;
        for (Located<String> f : fields.items()) {
            Position earlier = seen.putIfAbsent(f.value().toLowerCase(Locale.ROOT), f.at());
            if (earlier != null) {
                diagnostics.error(f.at(), "the field `" + f.value() + "` is listed twice (first at line " + earlier.line() + ")");
                usable = false;
            }
        }
        int count = fields.items().size() + fields.rejected();
        if (count > StageCrm.MAX_FIELDS) {
            diagnostics.error(fields.at(), "Salesforce's Path shows at most " + StageCrm.MAX_FIELDS
                    + " key fields for a stage; this list has " + count);
            usable = false;
        }
        return usable ? fields : null;
    }

    private Located<String> field(YamlNode node) {
        if (!(node instanceof YamlNode.Scalar s) || MappingReader.isNull(s)) {
            diagnostics.error(node.at(), "a key field should be a field's API name, like `Amount` or `Next_Step__c`, but this is "
                    + node.description());
            return null;
        }
        String name = s.text().trim();
        if (!FIELD_NAME.matcher(name).matches()) {
            diagnostics.error(s.at(), "`" + s.text() + "` is not a field's API name: use the name Salesforce shows in "
                    + "Object Manager, like `Amount`, `CloseDate` or `Next_Step__c`");
            return null;
        }
        return new Located<>(name, s.at());
    }
}
