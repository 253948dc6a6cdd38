package dev.playbook.crm;

import dev.playbook.diagnostics.Position;
import dev.playbook.model.Playbook;

import java.util.List;

/** A playbook as a CRM pipeline: its main path's stages, in deal order. Side tracks are not CRM stages. */
public record CrmPlaybook(Playbook playbook, List<CrmStage> stages) {
    public CrmPlaybook {
        stages = List.copyOf(stages);
    }

    public String id() {
        return playbook.id();
    }

    public Position at() {
        return playbook.crm().at();
    }
}
