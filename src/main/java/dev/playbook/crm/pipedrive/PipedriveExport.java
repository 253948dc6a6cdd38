package dev.playbook.crm.pipedrive;

import dev.playbook.crm.CrmExport;
import dev.playbook.crm.CrmPlaybook;
import dev.playbook.crm.CrmStage;
import dev.playbook.crm.ExportFile;
import dev.playbook.crm.ExportSettings;
import dev.playbook.crm.Json;
import dev.playbook.diagnostics.Diagnostics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each playbook's open stages as bodies for Pipedrive's stages API, and a README that says how to
 * send them. Won and lost are a deal's status in Pipedrive, not stages, so closed stages are left out.
 */
public final class PipedriveExport implements CrmExport {

    @Override
    public List<ExportFile> export(List<CrmPlaybook> playbooks, ExportSettings settings, Diagnostics diagnostics) {
        List<ExportFile> files = new ArrayList<>();
        List<String> written = new ArrayList<>();
        for (CrmPlaybook p : playbooks) {
            List<Object> stages = new ArrayList<>();
            int order = 1;
            for (CrmStage s : p.stages()) {
                if (!s.isOpen()) continue;
                Map<String, Object> stage = new LinkedHashMap<>();
                stage.put("name", s.value());
                stage.put("order_nr", order++);
                if (s.stage().probability() != null) stage.put("deal_probability", s.stage().probability());
                boolean rots = s.stage().duration() != null;
                stage.put("is_deal_rot_allowed", rots);
                if (rots) stage.put("days_to_rotten", s.stage().duration().days());
                stages.add(stage);
            }
            Map<String, Object> pipeline = new LinkedHashMap<>();
            pipeline.put("name", p.playbook().title().strip());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("pipeline", pipeline);
            body.put("stages", stages);
            files.add(ExportFile.text("pipedrive/" + p.id() + ".stages.json", Json.pretty(body)));
            written.add(p.id() + ".stages.json");
        }
        files.add(ExportFile.text("pipedrive/README.md", readme(written)));
        return files;
    }

    private static String readme(List<String> files) {
        StringBuilder list = new StringBuilder();
        for (String f : files) list.append("- `").append(f).append("`\n");
        return """
                # Pipedrive pipelines

                Written by `playbook export pipedrive`; export again after changing the playbooks.
                One file per playbook:

                {FILES}
                Each file holds the pipeline's `name` and its `stages`, each the body of a request to
                Pipedrive's stages API (`POST /api/v2/stages`), in the playbook's order:

                - `name`: the stage's `crm.name`, else its title.
                - `order_nr`: its place in the pipeline, from 1.
                - `deal_probability`: its win probability in percent (left out where the playbook
                  gives none).
                - `is_deal_rot_allowed` and `days_to_rotten`: a deal "rots" when it stays in the stage
                  longer than the stage's `duration` (in days); stages without a duration never rot.

                **Won and lost stages are not in the files.** In Pipedrive, won and lost are a deal's
                status, set with the Won and Lost buttons, not stages of the pipeline. Side tracks
                (such as a winback track) are left out as well.

                Create the pipeline, then its stages, with an API token from the environment (never
                from a file) and `jq`:

                ```sh
                export PIPEDRIVE_TOKEN=...        # Settings > Personal preferences > API
                PIPEDRIVE_URL=${PIPEDRIVE_URL:-https://api.pipedrive.com/api/v2}
                FILE=PLAYBOOK.stages.json
                PIPELINE_ID=$(jq '.pipeline' "$FILE" | curl --fail-with-body -s -X POST "$PIPEDRIVE_URL/pipelines" \\
                  -H "x-api-token: $PIPEDRIVE_TOKEN" -H "Content-Type: application/json" --data-binary @- | jq '.data.id')
                jq -c --argjson id "$PIPELINE_ID" '.stages[] | . + {pipeline_id: $id}' "$FILE" | while read -r stage; do
                  printf '%s' "$stage" | curl --fail-with-body -s -X POST "$PIPEDRIVE_URL/stages" \\
                    -H "x-api-token: $PIPEDRIVE_TOKEN" -H "Content-Type: application/json" --data-binary @-
                done
                ```

                Stages are created in the file's order, which is the pipeline's order.
                """.replace("{FILES}", list);
    }
}
