package dev.playbook.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One sales process, resolved: variants merged, defaults filled in, references checked.
 * Optional text fields are null when not given.
 *
 * @param extendsId the playbook this one is a variant of, or null
 * @param sourceFile the definition file, as shown to the user
 * @param crm where the playbook goes in each CRM; never null
 * @param pdf whether the playbook gets its printable onboarding pack
 * @param lastChanged the day the author says the playbook last changed, or null
 */
public record Playbook(
        String id,
        String title,
        Language language,
        String version,
        String owner,
        Markdown summary,
        String extendsId,
        List<Role> roles,
        List<BuyerPhase> buyerJourney,
        List<String> lossReasons,
        List<Stage> stages,
        List<Track> tracks,
        String sourceFile,
        PlaybookCrm crm,
        boolean pdf,
        LocalDate lastChanged) {

    public Playbook {
        roles = List.copyOf(roles);
        buyerJourney = List.copyOf(buyerJourney);
        lossReasons = List.copyOf(lossReasons);
        stages = List.copyOf(stages);
        tracks = List.copyOf(tracks);
    }

    /** The main path's stages followed by every track's, in the order they are written. */
    public List<Stage> allStages() {
        List<Stage> all = new ArrayList<>(stages);
        for (Track t : tracks) all.addAll(t.stages());
        return all;
    }

    public Optional<Stage> stage(String stageId) {
        return allStages().stream().filter(s -> s.id().equals(stageId)).findFirst();
    }

    public Optional<Track> track(String trackId) {
        return tracks.stream().filter(t -> t.id().equals(trackId)).findFirst();
    }

    public Optional<Role> role(String roleId) {
        return roles.stream().filter(r -> r.id().equals(roleId)).findFirst();
    }

    public Optional<BuyerPhase> buyerPhase(String phaseId) {
        return buyerJourney.stream().filter(p -> p.id().equals(phaseId)).findFirst();
    }

    public long openStageCount() {
        return stages.stream().filter(Stage::isOpen).count();
    }

    /** How a deal moves through this playbook: its main path, side paths and buyer-phase runs. */
    public Route route() {
        return Route.of(this);
    }
}
