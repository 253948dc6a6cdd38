package dev.playbook.crm.hubspot;

import dev.playbook.crm.CrmExport;
import dev.playbook.crm.CrmPlaybook;
import dev.playbook.crm.CrmStage;
import dev.playbook.crm.ExportFile;
import dev.playbook.crm.ExportSettings;
import dev.playbook.crm.Json;
import dev.playbook.diagnostics.Diagnostics;
import dev.playbook.model.CrmName;
import dev.playbook.model.StageStatus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Each playbook as the request body that creates a HubSpot deal pipeline
 * ({@code POST /crm/v3/pipelines/deals}), and a README that says how to send it.
 */
public final class HubSpotExport implements CrmExport {
    /** HubSpot's limit on the stages of one pipeline. */
    static final int MAX_STAGES = 100;

    @Override
    public List<ExportFile> export(List<CrmPlaybook> playbooks, ExportSettings settings, Diagnostics diagnostics) {
        Diagnostics found = new Diagnostics();
        List<ExportFile> files = new ArrayList<>();
        Map<String, CrmPlaybook> byLabel = new HashMap<>();
        List<String> written = new ArrayList<>();
        for (int i = 0; i < playbooks.size(); i++) {
            CrmPlaybook p = playbooks.get(i);
            CrmName own = p.playbook().crm().hubspotPipeline();
            String label = own != null ? own.value() : p.playbook().title().strip();
            CrmPlaybook other = byLabel.putIfAbsent(label.toLowerCase(Locale.ROOT), p);
            if (other != null) {
                found.error(own != null ? own.at() : p.at(), "playbooks `" + other.id() + "` and `" + p.id()
                        + "` would both be the HubSpot pipeline `" + label + "`; give one of them its own `crm.hubspot.pipeline`");
            }
            if (p.stages().size() > MAX_STAGES) {
                found.error(p.at(), "playbook `" + p.id() + "` has " + p.stages().size() + " stages; a HubSpot pipeline "
                        + "holds at most " + MAX_STAGES);
            }
            closedStages(p, found);
            String file = "hubspot/" + p.id() + ".pipeline.json";
            files.add(ExportFile.text(file, Json.pretty(pipeline(p, label, i, found))));
            written.add(p.id() + ".pipeline.json");
        }
        files.add(ExportFile.text("hubspot/README.md", readme(written)));
        diagnostics.addAll(found);
        return found.hasErrors() ? List.of() : files;
    }

    private static Map<String, Object> pipeline(CrmPlaybook p, String label, int order, Diagnostics diagnostics) {
        List<Object> stages = new ArrayList<>();
        for (int i = 0; i < p.stages().size(); i++) {
            CrmStage s = p.stages().get(i);
            Map<String, Object> metadata = new LinkedHashMap<>();
            metadata.put("probability", probability(s, diagnostics));
            metadata.put("isClosed", Boolean.toString(!s.isOpen()));
            Map<String, Object> stage = new LinkedHashMap<>();
            stage.put("label", s.value());
            stage.put("displayOrder", i);
            stage.put("metadata", metadata);
            stages.add(stage);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("label", label);
        body.put("displayOrder", order);
        body.put("stages", stages);
        return body;
    }

    /**
     * HubSpot's deal probability: "0.0" to "1.0" in steps of 0.1, where "1.0" marks the won stages
     * and "0.0" the lost ones. An open stage's percentage is rounded to the nearest step, and
     * kept below "1.0", which would make it a won stage.
     */
    static String probability(CrmStage s, Diagnostics diagnostics) {
        if (s.status() == StageStatus.WON) return "1.0";
        if (s.status() == StageStatus.LOST) return "0.0";
        Integer percent = s.stage().probability();
        if (percent == null) {
            diagnostics.warning(s.at(), "stage `" + s.stage().id() + "` has no `probability:`; HubSpot needs one for "
                    + "each deal stage, so it gets 0.0");
            return "0.0";
        }
        int tenths = (percent + 5) / 10;
        if (tenths >= 10) tenths = 9;
        String value = "0." + tenths;
        if (percent != tenths * 10) {
            diagnostics.warning(s.at(), "HubSpot takes deal probabilities in steps of 10%, so the " + percent
                    + " of stage `" + s.stage().id() + "` becomes " + value
                    + (percent >= 95 ? " (1.0 would make it a won stage)" : ""));
        }
        return value;
    }

    private static void closedStages(CrmPlaybook p, Diagnostics diagnostics) {
        boolean won = p.stages().stream().anyMatch(s -> s.status() == StageStatus.WON);
        boolean lost = p.stages().stream().anyMatch(s -> s.status() == StageStatus.LOST);
        if (!won || !lost) {
            String missing = won ? "lost" : lost ? "won" : "won or lost";
            diagnostics.warning(p.at(), "playbook `" + p.id() + "` has no " + missing + " stage, so its HubSpot pipeline "
                    + "has no closed " + missing + " stage; add a stage with `status: " + (won ? "lost" : "won") + "`");
        }
    }

    private static String readme(List<String> files) {
        StringBuilder list = new StringBuilder();
        for (String f : files) list.append("- `").append(f).append("`\n");
        return """
                # HubSpot deal pipelines

                Written by `playbook export hubspot`; export again after changing the playbooks.
                Each file is the request body that creates one deal pipeline with HubSpot's CRM
                pipelines API:

                {FILES}
                Create a pipeline with a private app token (with the scopes HubSpot lists for the pipelines API) in the
                environment, never in a file:

                ```sh
                export HUBSPOT_TOKEN=...          # your private app's access token
                HUBSPOT_PIPELINES_URL=${HUBSPOT_PIPELINES_URL:-https://api.hubapi.com/crm/v3/pipelines/deals}
                curl --fail-with-body -X POST "$HUBSPOT_PIPELINES_URL" \\
                  -H "Authorization: Bearer $HUBSPOT_TOKEN" \\
                  -H "Content-Type: application/json" \\
                  --data-binary @FILE.pipeline.json
                ```

                HubSpot is moving its APIs to dated versions (for example
                `https://api.hubapi.com/crm/pipelines/2026-03/deals`); set `HUBSPOT_PIPELINES_URL` to
                the path your account uses. To change a pipeline that exists, send the same body with
                `PUT` to `$HUBSPOT_PIPELINES_URL/{pipelineId}`: a `POST` always makes a new one.

                What the files say:

                - `label`: the pipeline's name (`crm.hubspot.pipeline`, else the playbook's title).
                - `stages[].label`: each stage's `crm.name`, else its title, in the playbook's order
                  (`displayOrder`). Side tracks (such as a winback track) are not deal stages and are
                  left out.
                - `metadata.probability`: the stage's win probability in steps of 0.1; won stages are
                  `1.0`, lost stages `0.0`. Probabilities that are not a multiple of 10% are rounded
                  (the export warns about each).
                - `metadata.isClosed`: `true` for won and lost stages.

                `playbook import hubspot` reads a `GET` of the same URL back into a starter playbook.
                """.replace("{FILES}", list);
    }
}
