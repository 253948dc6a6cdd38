package dev.playbook.crm.starter;

import java.util.List;

/**
 * One pipeline (a Salesforce sales process, a HubSpot pipeline) read from a CRM's files.
 *
 * @param title the pipeline's name in the CRM; the playbook's title
 * @param origin where it came from, for the header of the written file, e.g. {@code Salesforce, sales process "Enterprise"}
 * @param salesforceProcess the Salesforce sales process, or null
 * @param salesforceRecordType the label of the record type using it, or null
 * @param hubspotPipeline the HubSpot pipeline's label, or null
 */
public record ImportedPipeline(String title, String origin, List<ImportedStage> stages, String salesforceProcess,
                               String salesforceRecordType, String hubspotPipeline) {
    public ImportedPipeline {
        stages = List.copyOf(stages);
    }
}
