package dev.playbook.model;

import dev.playbook.diagnostics.Position;

import java.util.List;

/**
 * How a stage appears in a CRM. Every stage has one; its values are null (and {@code fields}
 * empty) where the author left them to the defaults: the stage's title as its name, the forecast
 * category of its status, guidance made from its goal and exit criteria.
 *
 * @param fields Salesforce Path's key fields for the stage, at most five
 * @param at where the stage's CRM settings are given (its {@code crm:} block, a variant's entry for the
 *           stage, else the stage itself), so that an export can point at it
 */
public record StageCrm(CrmName name, ForecastCategory forecast, List<String> fields, Markdown guidance, Position at) {
    public static final int MAX_FIELDS = 5;

    public StageCrm {
        fields = List.copyOf(fields);
    }

    public static StageCrm none(Position at) {
        return new StageCrm(null, null, List.of(), null, at);
    }
}
