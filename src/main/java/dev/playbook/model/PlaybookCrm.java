package dev.playbook.model;

import dev.playbook.diagnostics.Position;

/**
 * Where a playbook goes in each CRM; a null value means the export chooses it from the playbook's title.
 *
 * @param at where the playbook is defined, so that an export can point at it
 */
public record PlaybookCrm(CrmName salesforceProcess, CrmName salesforceRecordType, CrmName hubspotPipeline, Position at) {

    public static PlaybookCrm none(Position at) {
        return new PlaybookCrm(null, null, null, at);
    }
}
