package dev.playbook.render.diagram;

import dev.playbook.render.Messages;
import dev.playbook.render.RenderFixtures;
import dev.playbook.model.Branch;
import dev.playbook.model.Playbook;
import dev.playbook.model.Stage;
import dev.playbook.model.Track;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Execution(ExecutionMode.CONCURRENT)
class FlowchartWriterTest {
    private static Playbook playbook;
    private static Messages messages;
    private static String source;

    @BeforeAll
    static void write() throws Exception {
        playbook = RenderFixtures.site("flow").playbooks().get(0);
        messages = RenderFixtures.messages(playbook.language());
        source = FlowchartWriter.write(playbook, messages);
    }

    @Test
    void everyStageIsDrawnAsABoxLinkingToItsPage() {
        for (Stage stage : playbook.allStages()) {
            assertTrue(source.contains("[[stages/" + stage.id() + ".html " + PlantUmlText.escape(stage.title()) + "]]"),
                    () -> "no box for " + stage.id() + " in\n" + source);
        }
    }

    @Test
    void everyBranchIsADecisionWithTheRepsWords() {
        for (Stage stage : playbook.allStages()) {
            for (Branch branch : stage.branches()) {
                assertTrue(source.contains("(" + PlantUmlText.escape(branch.when()) + ") then ("),
                        () -> "no decision for `" + branch.when() + "` in\n" + source);
            }
        }
    }

    @Test
    void tracksAreGroupsOfTheirOwnThatRejoinOrEnd() {
        for (Track track : playbook.tracks()) {
            assertTrue(source.contains("partition \"" + PlantUmlText.escape(messages.get("flow.track") + ": " + track.title()) + "\""),
                    () -> "no group for track " + track.id());
        }
        // winback returns to qualification: a connector leads back there
        assertTrue(source.contains("[[stages/qualification.html &#8594; " + PlantUmlText.escape(playbook.stage("qualification").orElseThrow().title()) + "]]"));
    }

    @Test
    void wonAndLostEndsAreDrawnDifferently() {
        assertTrue(source.contains("\nstop\n"), "the won end is a stop");
        assertTrue(source.contains("\nend\n"), "the lost end is an end");
        assertTrue(source.contains(PlantUmlText.escape("Utracona szansa") + "]]; <<" + FlowchartWriter.LOST_COLOR + ">>\nend\n"),
                "the lost stage is drawn in the lost colour and ends the deal");
        assertTrue(source.contains("<<" + FlowchartWriter.WON_COLOR + ">>"));
    }

    @Test
    void buyerPhasesGroupTheirStages() {
        for (var phase : playbook.buyerJourney()) {
            assertTrue(source.contains("partition \"" + PlantUmlText.escape(messages.get("flow.buyerPhase") + ": " + phase.title()) + "\" {"));
        }
    }

    @Test
    void authorTextCannotBecomePlantUmlSyntax() {
        assertFalse(source.contains("!include"), "a directive in a branch label must be inert");
        assertFalse(source.contains("<pierwsza>"), "angle brackets are entities");
        assertFalse(source.contains("\"BANT\""), "quotes are entities");
        assertEquals("a&#60;b&#62; &#91;&#91;x&#93;&#93; &#37;getenv&#40;&#41; &#33;include",
                PlantUmlText.escape("a<b> [[x]] %getenv() !include"));
    }

    @Test
    void swimlanesHaveALanePerRoleWithTheTasksInThem() {
        String lanes = SwimlaneWriter.write(playbook, messages);
        assertNotNull(lanes);
        for (var role : playbook.roles()) assertTrue(lanes.contains("|" + PlantUmlText.escape(role.title()) + "|"));
        assertTrue(lanes.contains("|SDR|\nstart\n:[[stages/qualification.html " + PlantUmlText.escape("Zadzwoń do leada")), lanes);
        assertTrue(lanes.contains("|" + PlantUmlText.escape("Handlowiec") + "|\n:[[stages/offer.html "), lanes);
        assertTrue(lanes.contains("|" + PlantUmlText.escape(messages.get("flow.unassigned")) + "|"), "tasks without a role get a lane");
    }
}
