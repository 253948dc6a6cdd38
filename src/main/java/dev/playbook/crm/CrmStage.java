package dev.playbook.crm;

import dev.playbook.diagnostics.Position;
import dev.playbook.model.ForecastCategory;
import dev.playbook.model.Stage;
import dev.playbook.model.StageStatus;

/**
 * A stage as every CRM sees it.
 *
 * @param value the stage's value in the CRM: its {@code crm.name}, else its title
 * @param label what the CRM shows where it tells a value from its label (Salesforce): the title
 */
public record CrmStage(Stage stage, String value, String label) {

    public StageStatus status() {
        return stage.status();
    }

    public boolean isOpen() {
        return stage.isOpen();
    }

    /** A won stage is certain, a lost one hopeless; an open one has its own probability, or null when it has none. */
    public Integer probability() {
        return switch (stage.status()) {
            case WON -> 100;
            case LOST -> 0;
            case OPEN -> stage.probability();
        };
    }

    public ForecastCategory forecast() {
        ForecastCategory written = stage.crm().forecast();
        return written != null ? written : ForecastCategory.defaultFor(stage.status());
    }

    /** Where the stage is defined, for messages. */
    public Position at() {
        return stage.crm().at();
    }
}
