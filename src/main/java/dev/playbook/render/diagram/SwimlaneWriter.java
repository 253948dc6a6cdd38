package dev.playbook.render.diagram;

import dev.playbook.render.Messages;
import dev.playbook.model.Playbook;
import dev.playbook.model.Role;
import dev.playbook.model.Stage;
import dev.playbook.model.Task;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes the "who does what" diagram: one swimlane per role, and every task of the main path,
 * in order, in the lane of the role that does it. Tasks without a role get a lane of their own.
 */
final class SwimlaneWriter {
    private SwimlaneWriter() {
    }

    /** Null when the playbook names no roles, so there is nothing to draw. */
    public static String write(Playbook playbook, Messages messages) {
        if (playbook.roles().isEmpty()) return null;
        List<String> lanes = new ArrayList<>();
        for (Role role : playbook.roles()) lanes.add(lane(role.title()));
        String unassigned = lane(messages.get("flow.unassigned"));
        StringBuilder out = new StringBuilder("@startuml\n");
        // untitled, as the flowchart is (see FlowchartWriter)
        // declaring the lanes first fixes their order to the order of the roles
        for (String lane : lanes) out.append(lane).append('\n');
        boolean started = false;
        for (Stage stage : playbook.route().mainPath()) {
            for (Task task : stage.tasks()) {
                String lane = task.role() == null ? unassigned
                        : lane(playbook.role(task.role()).map(Role::title).orElse(task.role()));
                out.append(lane).append('\n');
                if (!started) {
                    out.append("start\n");
                    started = true;
                }
                out.append(":[[stages/").append(stage.id()).append(".html ").append(PlantUmlText.escape(task.title()))
                        .append("]]\n<size:12>").append(PlantUmlText.escape(stage.title())).append("</size>;")
                        .append(task.optional() ? " <<#F4F4F4>>" : "").append('\n');
            }
        }
        if (!started) return null;
        out.append("stop\n@enduml\n");
        return out.toString();
    }

    private static String lane(String title) {
        return "|" + PlantUmlText.escape(title) + "|";
    }
}
