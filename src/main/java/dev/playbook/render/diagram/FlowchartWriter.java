package dev.playbook.render.diagram;

import dev.playbook.render.Messages;
import dev.playbook.model.Branch;
import dev.playbook.model.Outcome;
import dev.playbook.model.Playbook;
import dev.playbook.model.Route;
import dev.playbook.model.Stage;
import dev.playbook.model.StageStatus;
import dev.playbook.model.Target;
import dev.playbook.model.Track;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes a playbook as a PlantUML activity diagram: the main path from start to the won end,
 * grouped by the buyer's phases; each branch as a decision with the rep's words on it; each
 * track as its own flow that rejoins the main path or ends; lost ends drawn apart from won ones.
 * Links in the diagram are relative to the playbook's folder, where the diagram is shown.
 */
final class FlowchartWriter {
    static final String WON_COLOR = "#D5F0DF";
    static final String LOST_COLOR = "#F8D3CF";
    static final String LINK_COLOR = "#E3ECFA";
    /** Beyond this many tasks a stage box shows their number instead of the list. */
    static final int MAX_LISTED_TASKS = 4;

    private final Playbook playbook;
    private final Route route;
    private final Messages messages;
    /** Lost stages more than one arrow leads to, drawn once and reached through a lettered connector. */
    private final Map<String, Character> sharedLost = new LinkedHashMap<>();
    private final StringBuilder out = new StringBuilder();

    private FlowchartWriter(Playbook playbook, Messages messages) {
        this.playbook = playbook;
        this.route = playbook.route();
        this.messages = messages;
        char letter = 'A';
        for (Stage lost : playbook.allStages()) {
            if (lost.isLost() && arrowsInto(lost) > 1 && letter <= 'Z') sharedLost.put(lost.id(), letter++);
        }
    }

    public static String write(Playbook playbook, Messages messages) {
        return new FlowchartWriter(playbook, messages).flowchart();
    }

    private String flowchart() {
        line("@startuml");
        // no label under 12 px: the size phones and Lighthouse take as legible
        line("skinparam ArrowFontSize 12");
        line("skinparam ActivityDiamondFontSize 12");
        // no title: every page that shows the drawing names it above, and its labels name it to
        // screen readers, so renaming a playbook leaves the drawing (and its cache entry) as it is
        line("start");
        List<Stage> path = route.mainPath();
        String phase = null;
        for (Stage stage : path) {
            String stagePhase = stage.buyerPhase();
            if (!Objects.equals(stagePhase, phase)) {
                if (phase != null) line("}");
                if (stagePhase != null) {
                    line("partition \"" + PlantUmlText.escape(messages.get("flow.buyerPhase") + ": "
                            + playbook.buyerPhase(stagePhase).map(p -> p.title()).orElse(stagePhase)) + "\" {");
                }
                phase = stagePhase;
            }
            stageBox(stage);
            branches(stage);
            jumpIfNextIsElsewhere(stage, path);
        }
        if (phase != null) line("}");
        Stage last = path.isEmpty() ? null : path.get(path.size() - 1);
        if (last == null || last.status() != StageStatus.WON) {
            end(Outcome.WON);
        } else {
            line("stop");
        }
        for (Track track : playbook.tracks()) track(track);
        for (Map.Entry<String, Character> shared : sharedLost.entrySet()) {
            line("(" + shared.getValue() + ")");
            lostStage(playbook.stage(shared.getKey()).orElseThrow());
        }
        for (Stage lost : unreferencedLostStages()) {
            line("start");
            lostStage(lost);
        }
        line("@enduml");
        return out.toString();
    }

    private void stageBox(Stage stage) {
        StringBuilder label = new StringBuilder();
        label.append("[[").append(stageLink(stage)).append(' ').append(PlantUmlText.escape(stage.title())).append("]]");
        if (!stage.tasks().isEmpty()) {
            if (stage.tasks().size() <= MAX_LISTED_TASKS) {
                for (var task : stage.tasks()) {
                    label.append("\n<size:12>").append("&#8226; ").append(PlantUmlText.escape(task.title())).append("</size>");
                }
            } else {
                label.append("\n<size:12>").append(PlantUmlText.escape(messages.plural("tasks", stage.tasks().size())))
                        .append("</size>");
            }
        }
        String color = switch (stage.status()) {
            case WON -> WON_COLOR;
            case LOST -> LOST_COLOR;
            case OPEN -> null;
        };
        line(":" + label + ";" + (color == null ? "" : " <<" + color + ">>"));
    }

    private void branches(Stage stage) {
        if (stage.branches().isEmpty()) return;
        boolean first = true;
        for (Branch branch : stage.branches()) {
            line((first ? "if (" : "elseif (") + PlantUmlText.escape(branch.when()) + ") then ("
                    + PlantUmlText.escape(messages.get("flow.yes")) + ")");
            first = false;
            leadTo(branch.to());
        }
        line("else (" + PlantUmlText.escape(messages.get("flow.otherwise")) + ")");
        line("endif");
    }

    /** Draws where a branch goes, ending that arm of the decision. */
    private void leadTo(Target target) {
        if (target instanceof Target.ToEnd end) {
            end(end.outcome());
        } else if (target instanceof Target.ToTrack t) {
            Track track = playbook.track(t.trackId()).orElseThrow();
            connector("&#8594; " + PlantUmlText.escape(track.title()), stageLink(track.stages().get(0)));
            line("detach");
        } else {
            Stage to = playbook.stage(((Target.ToStage) target).stageId()).orElseThrow();
            if (sharedLost.containsKey(to.id())) {
                // drawn once at the end; each way into it ends in the same lettered circle
                line("(" + sharedLost.get(to.id()) + ")");
                line("detach");
            } else if (to.status() == StageStatus.LOST) {
                lostStage(to);
            } else if (to.status() == StageStatus.WON) {
                stageBox(to);
                line("stop");
            } else {
                connector("&#8594; " + PlantUmlText.escape(to.title()), stageLink(to));
                line("detach");
            }
        }
    }

    private void lostStage(Stage lost) {
        stageBox(lost);
        if (lost.next() != null) {
            leadTo(lost.next());
        } else {
            line("end");
        }
    }

    /** Where a stage's `next` is not simply the following box, say so with a connector. */
    private void jumpIfNextIsElsewhere(Stage stage, List<Stage> path) {
        if (stage.next() == null || stage.status() != StageStatus.OPEN) return;
        int i = path.indexOf(stage);
        Stage following = i + 1 < path.size() ? path.get(i + 1) : null;
        if (following != null && stage.next() instanceof Target.ToStage s && s.stageId().equals(following.id())) return;
        if (following == null && stage.next() instanceof Target.ToEnd) return;
        leadTo(stage.next());
    }

    private void track(Track track) {
        line("start");
        line("partition \"" + PlantUmlText.escape(messages.get("flow.track") + ": " + track.title()) + "\" {");
        for (Stage stage : track.stages()) {
            stageBox(stage);
            branches(stage);
            if (stage.status() == StageStatus.LOST) {
                line("end");
                line("}");
                return;
            }
            if (stage.status() == StageStatus.WON) {
                line("stop");
                line("}");
                return;
            }
        }
        line("}");
        Stage last = track.stages().get(track.stages().size() - 1);
        if (last.next() != null && !(last.next() instanceof Target.ToStage s && track.stages().stream().anyMatch(x -> x.id().equals(s.stageId())))) {
            leadTo(last.next());
        } else {
            line("stop");
        }
    }

    /** How many arrows lead into a stage: each `next` and each branch that names it. */
    private int arrowsInto(Stage stage) {
        int arrows = 0;
        for (Stage from : playbook.allStages()) {
            if (from.next() != null && stage.id().equals(Route.entryStage(playbook, from.next()))) arrows++;
            for (Branch b : from.branches()) if (stage.id().equals(Route.entryStage(playbook, b.to()))) arrows++;
        }
        return arrows;
    }

    private List<Stage> unreferencedLostStages() {
        return playbook.allStages().stream().filter(s -> s.isLost() && route.arrivalsAt(s).isEmpty()).toList();
    }

    private void end(Outcome outcome) {
        if (outcome == Outcome.WON) {
            line(":" + PlantUmlText.escape(messages.get("end.won")) + "; <<" + WON_COLOR + ">>");
            line("stop");
        } else {
            line(":" + PlantUmlText.escape(messages.get("end.lost")) + "; <<" + LOST_COLOR + ">>");
            line("end");
        }
    }

    private void connector(String label, String link) {
        line(":[[" + link + " " + label + "]]; <<" + LINK_COLOR + ">>");
    }

    private static String stageLink(Stage stage) {
        return "stages/" + stage.id() + ".html";
    }

    private void line(String text) {
        out.append(text).append('\n');
    }
}
