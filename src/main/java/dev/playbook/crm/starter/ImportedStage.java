package dev.playbook.crm.starter;

import dev.playbook.model.ForecastCategory;
import dev.playbook.model.StageStatus;

import java.util.List;

/**
 * A stage as a CRM holds it, ready to become a stage of a starter playbook.
 *
 * @param title the CRM's label, exactly
 * @param crmName the CRM's own name for the stage where exporting the title would not give it back, else null
 * @param probability the win probability in percent, or null
 * @param forecast a Salesforce forecast category other than the default of the stage's status, else null
 * @param goal Markdown read back from the CRM's guidance, or null
 * @param exitCriteria Markdown items read back from the CRM's guidance
 * @param fields Salesforce Path's key fields
 */
public record ImportedStage(String title, String crmName, StageStatus status, Integer probability,
                            ForecastCategory forecast, String goal, List<String> exitCriteria, List<String> fields) {
    public ImportedStage {
        exitCriteria = List.copyOf(exitCriteria);
        fields = List.copyOf(fields);
    }
}
