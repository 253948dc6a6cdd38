package dev.playbook.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes synthetic sites for the benchmark, the same work for Playbook and its peers: N playbooks
 * of 7 stages with 5 tasks each, 2 branches and a winback track, a ```plantuml block in one stage
 * out of ten, Polish and English text. Beside the definitions it writes the same pages as Hugo
 * content and the same diagrams as .puml files for PlantUML's own command line.
 *
 * <p>Usage: {@code SyntheticSite COUNT DIR} writes {@code DIR/process-definitions},
 * {@code DIR/hugo} and {@code DIR/puml}.
 */
public final class SyntheticSite {
    static final int STAGES = 7;
    static final int TASKS = 5;
    private static final String[] STAGE_PL = {"Poszukiwanie", "Kwalifikacja", "Prezentowanie", "Obiekcje",
            "Propozycja", "Negocjacje", "Zamknięcie"};
    private static final String[] STAGE_EN = {"Prospecting", "Qualification", "Presenting", "Objections",
            "Proposal", "Negotiation", "Closing"};

    private SyntheticSite() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: SyntheticSite COUNT DIR");
            System.exit(2);
        }
        write(Integer.parseInt(args[0]), Path.of(args[1]));
    }

    /** Writes the three forms of a site of {@code count} playbooks below {@code dir}. */
    public static void write(int count, Path dir) throws IOException {
        Path definitions = Files.createDirectories(dir.resolve("process-definitions"));
        Path hugo = Files.createDirectories(dir.resolve("hugo"));
        Path puml = Files.createDirectories(dir.resolve("puml"));
        Files.writeString(definitions.resolve("site.yaml"), "title: Benchmark\nlanguage: en\n", StandardCharsets.UTF_8);
        hugoSkeleton(hugo);
        int diagram = 0;
        for (int p = 0; p < count; p++) {
            boolean polish = p % 2 == 0;
            String id = "playbook-" + p;
            StringBuilder yaml = new StringBuilder();
            yaml.append("playbook: ").append(id).append('\n')
                    .append("title: ").append(polish ? "Proces sprzedaży nr " : "Sales process no. ").append(p).append('\n')
                    .append("language: ").append(polish ? "pl" : "en").append('\n')
                    .append("version: \"1.").append(p).append("\"\n")
                    .append("summary: ").append(sentence(polish, p, 0)).append('\n')
                    .append("roles:\n  - { id: sdr, title: SDR }\n  - { id: ae, title: ").append(polish ? "Handlowiec" : "Account executive").append(" }\n")
                    .append("buyer_journey:\n");
            for (int s = 0; s < STAGES; s++) yaml.append("  - { id: phase-").append(s).append(", title: ").append(polish ? "Faza " : "Phase ").append(s + 1).append(" }\n");
            yaml.append("stages:\n");
            Path content = Files.createDirectories(hugo.resolve("content").resolve(id));
            StringBuilder index = new StringBuilder(front(polish ? "Proces sprzedaży nr " + p : "Sales process no. " + p))
                    .append(sentence(polish, p, 0)).append("\n\n");
            for (int s = 0; s < STAGES; s++) {
                String title = (polish ? STAGE_PL : STAGE_EN)[s];
                String stageId = "stage-" + s;
                boolean withDiagram = (p * STAGES + s) % 10 == 0;
                yaml.append("  - id: ").append(stageId).append('\n')
                        .append("    title: ").append(title).append('\n')
                        .append("    buyer_phase: phase-").append(s).append('\n')
                        .append("    goal: ").append(sentence(polish, p, s + 1)).append('\n')
                        .append("    description: |\n      ").append(sentence(polish, p, s + 2)).append("\n");
                StringBuilder page = new StringBuilder(front(title)).append(sentence(polish, p, s + 1)).append("\n\n")
                        .append(sentence(polish, p, s + 2)).append("\n\n");
                if (withDiagram) {
                    String source = "start\n:" + title + " " + p + ";\nif (OK?) then (yes)\n  :Next;\nelse (no)\n  :Winback;\nendif\nstop";
                    yaml.append("\n      ```plantuml\n");
                    for (String line : source.split("\n")) yaml.append("      ").append(line).append('\n');
                    yaml.append("      ```\n");
                    Files.writeString(puml.resolve("d" + (diagram++) + ".puml"), "@startuml\n!pragma layout smetana\n" + source
                            + "\n@enduml\n", StandardCharsets.UTF_8);
                }
                yaml.append("    tasks:\n");
                for (int t = 0; t < TASKS; t++) {
                    String task = (polish ? "Zadanie " : "Task ") + (t + 1) + ": " + sentence(polish, p + t, s).replace(":", "");
                    yaml.append("      - { title: \"").append(task).append("\", role: ").append(t % 2 == 0 ? "sdr" : "ae").append(" }\n");
                    page.append("- [ ] ").append(task).append('\n');
                }
                yaml.append("    exit_criteria:\n      - ").append(sentence(polish, p, s + 3)).append('\n')
                        .append("    probability: ").append(10 + s * 10).append('\n')
                        .append("    duration: ").append(s + 1).append("w\n");
                if (s == 1 || s == 4) {
                    // numbered, so that no two playbooks draw the same flowchart: real ones differ, and
                    // identical sources are drawn once, which PlantUML's command line would not do
                    yaml.append("    branches:\n      - when: ").append(polish ? "Klient nie jest gotowy" : "The buyer is not ready")
                            .append(" (").append(p).append('.').append(s).append(")\n        to: winback\n");
                }
                Files.writeString(content.resolve(stageId + ".md"), page.toString(), StandardCharsets.UTF_8);
                index.append("- ").append(title).append('\n');
            }
            yaml.append("tracks:\n  - id: winback\n    title: Winback\n    returns_to: stage-1\n    stages:\n");
            for (int w = 0; w < 2; w++) {
                yaml.append("      - id: winback-").append(w).append("\n        title: Winback ").append(w + 1)
                        .append("\n        tasks: [").append(polish ? "Zadzwoń ponownie" : "Call again").append("]\n")
                        .append("        exit_criteria: [").append(polish ? "Klient odpowiedział" : "The buyer answered").append("]\n");
                Files.writeString(content.resolve("winback-" + w + ".md"), front("Winback " + (w + 1))
                        + (polish ? "- [ ] Zadzwoń ponownie\n" : "- [ ] Call again\n"), StandardCharsets.UTF_8);
            }
            Files.writeString(content.resolve("_index.md"), index.toString(), StandardCharsets.UTF_8);
            // the overview's sibling views (flowchart, checklist, buyer view) are pages too
            for (String view : List.of("flow", "checklist", "buyer")) {
                Files.writeString(content.resolve(view + ".md"), front(view) + index, StandardCharsets.UTF_8);
            }
            Files.writeString(definitions.resolve(id + ".yaml"), yaml.toString(), StandardCharsets.UTF_8);
        }
    }

    private static String front(String title) {
        return "---\ntitle: \"" + title.replace("\"", "'") + "\"\n---\n\n";
    }

    private static String sentence(boolean polish, int p, int s) {
        List<String> pl = List.of("Handlowiec ustala z klientem kolejny krok i zapisuje go w CRM",
                "Zespół sprawdza, czy szansa spełnia kryteria przejścia",
                "Kupujący potwierdza budżet, potrzebę i harmonogram zakupu",
                "Przygotowujemy spersonalizowaną prezentację dla interesariuszy");
        List<String> en = List.of("The rep agrees the next step with the buyer and records it in the CRM",
                "The team checks that the deal meets the exit criteria",
                "The buyer confirms budget, need and timing of the purchase",
                "We prepare a tailored presentation for the stakeholders");
        List<String> words = new ArrayList<>(polish ? pl : en);
        return words.get((p + s) % words.size()) + " (" + p + "." + s + ").";
    }

    private static void hugoSkeleton(Path hugo) throws IOException {
        Files.writeString(hugo.resolve("hugo.toml"), "baseURL = 'http://localhost/'\ntitle = 'Benchmark'\n"
                + "disableKinds = ['taxonomy', 'term', 'RSS', 'sitemap', 'robotsTXT', '404']\n", StandardCharsets.UTF_8);
        Path layouts = Files.createDirectories(hugo.resolve("layouts/_default"));
        String page = "<!DOCTYPE html><html lang=\"{{ .Site.Language.Lang }}\"><head><meta charset=\"utf-8\">"
                + "<title>{{ .Title }}</title></head><body><header><a href=\"{{ \"/\" | relURL }}\">{{ .Site.Title }}</a></header>"
                + "<main><h1>{{ .Title }}</h1>{{ .Content }}{{ range .Pages }}<p><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></p>{{ end }}"
                + "</main></body></html>\n";
        Files.writeString(layouts.resolve("single.html"), page, StandardCharsets.UTF_8);
        Files.writeString(layouts.resolve("list.html"), page, StandardCharsets.UTF_8);
        Files.writeString(hugo.resolve("layouts/index.html"), page, StandardCharsets.UTF_8);
    }
}
