package dev.playbook.testing;

import dev.playbook.model.ItemKeys;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A throw-away git repository whose {@code process-definitions/} went through three commits:
 * the fixture {@code changes/v1} (tagged {@code v2026.1}), a commit where a file has a YAML
 * error (tagged {@code broken}), and {@code changes/v2}, which the working tree also holds.
 */
public final class ChangeRepository {
    public static final Path FIXTURES = Path.of("src/test/resources/changes");
    public static final String FOLDER = "process-definitions";
    public static final String BASELINE = "v2026.1";
    public static final String BROKEN = "broken";

    /** Every change from v1 to v2, each as "playbook | kind | stage | subject | before | after", the values as compact JSON. */
    public static final List<String> EXPECTED = List.of(
                "b2b | playbook-renamed |  |  | \"B2B sale\" | \"B2B complex sale\"",
                "b2b | version-changed |  |  | \"2026.1\" | \"2026.2\"",
                "b2b | owner-changed |  |  | \"Sales team\" | \"Revenue operations\"",
                "b2b | role-removed |  | cs | \"Customer success\" | ",
                "b2b | role-added |  | se |  | \"Sales engineer\"",
                "b2b | role-renamed |  | ae | \"Account executive\" | \"Account manager\"",
                "b2b | buyer-phase-removed |  | legacy | \"Legacy phase\" | ",
                "b2b | buyer-phase-added |  | buying |  | \"Buying\"",
                "b2b | buyer-phase-renamed |  | aware | \"Aware\" | \"Aware of the problem\"",
                "b2b | buyer-journey-reordered |  |  | [\"aware\",\"exploring\",\"deciding\",\"legacy\"] | [\"exploring\",\"aware\",\"deciding\",\"buying\"]",
                "b2b | loss-reason-removed |  | Timing | \"Timing\" | ",
                "b2b | loss-reason-added |  | No budget |  | \"No budget\"",
                "b2b | track-removed |  | archive | \"Archive\" | ",
                "b2b | track-added |  | winback |  | \"Winback\"",
                "b2b | track-renamed |  | nurture | \"Nurture\" | \"Nurture leads\"",
                "b2b | track-return-changed |  | nurture | \"qualification\" | \"lead\"",
                "b2b | stage-removed | legacy-step |  | \"Legacy step\" | ",
                "b2b | stage-removed | archive-note |  | \"Archive note\" | ",
                "b2b | stage-goal-changed | lead |  | \"Reach the lead quickly.\" | \"Reach the lead within an hour.\"",
                "b2b | stage-description-changed | lead |  | \"A new lead came in.\" | \"A new lead came in through the website.\"",
                "b2b | stage-definition-changed | lead |  | \"The lead is in the CRM.\" | \"The lead is in the CRM with a source.\"",
                "b2b | probability-changed | lead |  | 10 | 15",
                "b2b | duration-changed | lead |  | \"2d\" | \"3d\"",
                "b2b | next-changed | lead |  | \"qualification\" | \"discovery\"",
                "b2b | branch-removed | lead | nurture | {\"when\":\"Wrong contact\",\"to\":\"nurture\"} | ",
                "b2b | branch-changed | lead | lost-deal | {\"when\":\"No budget at all\",\"to\":\"lost-deal\"} | {\"when\":\"There is no budget at all\",\"to\":\"lost-deal\"}",
                "b2b | branch-added | lead | winback |  | {\"when\":\"Gone silent\",\"to\":\"winback\"}",
                "b2b | task-removed | lead | enrich | \"Enrich the record\" | ",
                "b2b | task-reworded | lead | call | \"Call the lead\" | \"Call the lead within an hour\"",
                "b2b | task-role-changed | lead | log | \"sdr\" | \"ae\"",
                "b2b | exit-criterion-removed | lead | " + ItemKeys.exitCriterion("lead", null, "A contact person is named.") + " | \"A contact person is named.\" | ",
                "b2b | exit-criterion-changed | lead | " + ItemKeys.exitCriterion("lead", null, "The need is written down.") + " | \"The need is known.\" | \"The need is written down.\"",
                "b2b | exit-criterion-added | lead | " + ItemKeys.exitCriterion("lead", null, "A budget holder is known.") + " |  | \"A budget holder is known.\"",
                "b2b | buyer-commitment-removed | lead | " + ItemKeys.commitment("lead", null, "Shares the org chart.") + " | \"Shares the org chart.\" | ",
                "b2b | buyer-commitment-changed | lead | " + ItemKeys.commitment("lead", null, "Takes the first call this week.") + " | \"Takes the first call.\" | \"Takes the first call this week.\"",
                "b2b | question-removed | lead | " + ItemKeys.question("lead", "What is the deadline?") + " | \"What is the deadline?\" | ",
                "b2b | question-changed | lead | " + ItemKeys.question("lead", "Who signs?") + " | \"Who decides?\" | \"Who signs?\"",
                "b2b | stage-renamed | qualification |  | \"Qualification\" | \"Qualify\"",
                "b2b | stage-kind-changed | qualification |  | \"milestone\" | \"activity\"",
                "b2b | stage-buyer-phase-changed | qualification |  | \"exploring\" | \"deciding\"",
                "b2b | stage-goal-changed | qualification |  | \"Qualify the deal.\" | \"Qualify the deal with BANT.\"",
                "b2b | task-moved | qualification | summary | \"lead\" | \"qualification\"",
                "b2b | task-details-changed | qualification | bant | \"Ask all four.\" | \"Ask all four, in order.\"",
                "b2b | task-optional-changed | qualification | bant | \"required\" | \"optional\"",
                "b2b | task-resources-changed | qualification | bant | \"BANT sheet <https://example.com/bant.pdf>\" | \"BANT sheet <https://example.com/bant-v2.pdf>\"",
                "b2b | task-added | qualification | check-fit |  | \"Check the fit with the ideal customer profile\"",
                "b2b | stage-added | discovery |  |  | \"Discovery\"",
                "b2b | stage-moved | demo |  | {\"track\":null,\"position\":3} | {\"track\":null,\"position\":5}",
                "b2b | task-reworded | demo | run-the-product-demo | \"Run the demo\" | \"Run the product demo\"",
                "b2b | stage-added | winback-call |  |  | \"Winback call\"",
                "new-one | playbook-added |  |  |  | \"New process\"",
                "old-one | playbook-removed |  |  | \"Old process\" | ");

    private ChangeRepository() {
    }

    /** @return the source folder in the new repository's work tree */
    public static Path create(Path root) throws IOException, GitAPIException {
        Path source = root.resolve(FOLDER);
        PersonIdent author = new PersonIdent("Test", "test@example.com", Instant.parse("2026-01-15T10:00:00Z"), ZoneOffset.UTC);
        try (Git git = Git.init().setDirectory(root.toFile()).setInitialBranch("main").call()) {
            commit(git, source, FIXTURES.resolve("v1"), author, "First version");
            git.tag().setName(BASELINE).setAnnotated(false).call();
            commit(git, source, FIXTURES.resolve("broken"), author, "A slip");
            git.tag().setName(BROKEN).setAnnotated(false).call();
            commit(git, source, FIXTURES.resolve("v2"), author, "Second version");
        }
        return source;
    }

    private static void commit(Git git, Path source, Path from, PersonIdent author, String message)
            throws IOException, GitAPIException {
        replace(source, from);
        git.add().addFilepattern(".").call();
        git.add().addFilepattern(".").setUpdate(true).call();
        git.commit().setMessage(message).setAuthor(author).setCommitter(author).setSign(false).call();
    }

    /** Makes {@code target} a copy of {@code from}, removing what {@code from} does not have. */
    public static void replace(Path target, Path from) throws IOException {
        if (Files.exists(target)) {
            try (Stream<Path> walk = Files.walk(target)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
            }
        }
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) Files.copy(file, target.resolve(file.getFileName().toString()));
        }
    }
}
