package dev.playbook.crm;

import dev.playbook.diagnostics.Diagnostics;
import dev.playbook.model.CrmName;
import dev.playbook.model.Playbook;
import dev.playbook.model.Stage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Makes CRM pipelines of resolved playbooks, checking what every CRM refuses: a stage name that is
 * too long or spans lines, two stages of one pipeline under the same name.
 */
public final class CrmPlaybooks {
    /** The longest stage value Salesforce takes (its picklist values); HubSpot and Pipedrive take as much. */
    public static final int MAX_VALUE_LENGTH = 255;

    private CrmPlaybooks() {
    }

    /** The playbook as a pipeline, or null when one of its stages cannot be a CRM stage (reported). */
    public static CrmPlaybook of(Playbook playbook, Diagnostics diagnostics) {
        List<CrmStage> stages = new ArrayList<>();
        Map<String, CrmStage> byValue = new HashMap<>();
        boolean usable = true;
        for (Stage stage : playbook.stages()) {
            CrmName name = stage.crm().name();
            String title = stage.title().strip();
            if (name == null && !usableAsName(title, stage, diagnostics)) {
                usable = false;
                continue;
            }
            // with a name of its own, a stage whose title cannot be a label is labelled by that name
            String label = name == null || problem(title) == null ? title : name.value();
            CrmStage crm = new CrmStage(stage, name != null ? name.value() : title, label);
            CrmStage earlier = byValue.putIfAbsent(crm.value().toLowerCase(Locale.ROOT), crm);
            if (earlier != null) {
                diagnostics.error(name != null ? name.at() : crm.at(), "stages `" + earlier.stage().id() + "` and `"
                        + stage.id() + "` would both be `" + crm.value() + "` in the CRM, which keeps one stage per name; "
                        + "give one of them its own `crm.name`");
                usable = false;
            }
            stages.add(crm);
        }
        return usable ? new CrmPlaybook(playbook, stages) : null;
    }

    private static boolean usableAsName(String title, Stage stage, Diagnostics diagnostics) {
        String problem = problem(title);
        if (problem != null) {
            diagnostics.error(stage.crm().at(), "the title of stage `" + stage.id() + "` " + problem);
        }
        return problem == null;
    }

    /** Why a title cannot be a CRM stage name, or null when it can. */
    private static String problem(String title) {
        if (title.chars().anyMatch(Character::isISOControl)) {
            return "spans lines or holds control characters, which a CRM stage name cannot; give the stage a one-line `crm.name`";
        }
        int length = title.codePointCount(0, title.length());
        if (length > MAX_VALUE_LENGTH) {
            return "is " + length + " characters long; a CRM stage name has at most " + MAX_VALUE_LENGTH
                    + ", so give the stage a shorter `crm.name`";
        }
        return null;
    }
}
