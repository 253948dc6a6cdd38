package dev.playbook.resolve;

import dev.playbook.diagnostics.Diagnostics;
import dev.playbook.load.Definitions.PlaybookCrmDefinition;
import dev.playbook.load.Definitions.PlaybookDefinition;
import dev.playbook.load.Definitions.StageCrmDefinition;
import dev.playbook.load.Definitions.StageDefinition;
import dev.playbook.load.Located;
import dev.playbook.model.CrmName;
import dev.playbook.model.ForecastCategory;
import dev.playbook.model.PlaybookCrm;
import dev.playbook.model.StageCrm;
import dev.playbook.model.StageStatus;

import java.util.List;
import java.util.Locale;

/** Turns the {@code crm:} blocks into the model, checking what needs the stage's final status. */
final class CrmSettings {
    private final Diagnostics diagnostics;

    CrmSettings(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    /** Null when the block holds a mistake, which is reported. */
    StageCrm stage(StageDefinition def, StageStatus status) {
        StageCrmDefinition crm = def.crm();
        if (crm == null) return StageCrm.none(def.at());
        ForecastCategory forecast = crm.forecast() == null ? null : crm.forecast().value();
        if (forecast != null && status != StageStatus.OPEN && forecast != ForecastCategory.defaultFor(status)) {
            // Salesforce fixes these itself: a closed won stage forecasts as Closed, a closed lost one is left out
            diagnostics.error(crm.forecast().at(), "a " + status.name().toLowerCase(Locale.ROOT)
                    + " stage is always forecast as `" + ForecastCategory.defaultFor(status).written()
                    + "` in Salesforce; remove `forecast:` or write `" + ForecastCategory.defaultFor(status).written() + "`");
            return null;
        }
        List<String> fields = crm.fields() == null ? List.of() : crm.fields().items().stream().map(Located::value).toList();
        return new StageCrm(name(crm.name()), forecast, fields, crm.guidance(), crm.at());
    }

    PlaybookCrm playbook(PlaybookDefinition def) {
        PlaybookCrmDefinition crm = def.crm();
        if (crm == null) return PlaybookCrm.none(def.at());
        return new PlaybookCrm(name(crm.salesforceProcess()), name(crm.salesforceRecordType()), name(crm.hubspotPipeline()),
                def.at());
    }

    private static CrmName name(Located<String> value) {
        return value == null ? null : new CrmName(value.value(), value.at());
    }
}
