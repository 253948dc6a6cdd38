package dev.playbook.crm.salesforce;

import dev.playbook.crm.CrmExport;
import dev.playbook.crm.CrmPlaybook;
import dev.playbook.crm.CrmStage;
import dev.playbook.crm.ExportFile;
import dev.playbook.crm.ExportSettings;
import dev.playbook.crm.Json;
import dev.playbook.diagnostics.Diagnostics;
import dev.playbook.diagnostics.Position;
import dev.playbook.model.CrmName;
import dev.playbook.model.ForecastCategory;
import dev.playbook.model.StageStatus;
import dev.playbook.plan.SitePaths;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The playbooks as a Salesforce DX project that {@code sf project deploy start --manifest package.xml}
 * deploys as it is: the opportunity stages (one value set shared by all sales processes), and for
 * each playbook a sales process, a record type that uses it, and a Path with each stage's key
 * fields and guidance.
 */
public final class SalesforceExport implements CrmExport {
    static final String SOURCE = "force-app/main/default/";
    static final String VALUE_SET = SOURCE + "standardValueSets/OpportunityStage.standardValueSet-meta.xml";
    static final String PROCESSES = SOURCE + "objects/Opportunity/businessProcesses/";
    static final String RECORD_TYPES = SOURCE + "objects/Opportunity/recordTypes/";
    static final String PATHS = SOURCE + "pathAssistants/";
    static final String MANIFEST = "package.xml";
    static final String PROJECT = "sfdx-project.json";
    /** Salesforce's limit on a sales process's description. */
    static final int MAX_DESCRIPTION = 255;
    private static final String NOT_IN_PROCESS_NAMES = "/\\:*?\"<>|.%";
    private static final int MAX_PROCESS_NAME = 80;

    private final PathGuidance guidance = new PathGuidance();

    /** One playbook's part of the project. */
    private record Process(CrmPlaybook playbook, String name, String recordTypeLabel, String recordType, String path) {
    }

    /** One opportunity stage of the value set, as the first playbook to use it defines it. */
    private record Value(String name, String label, StageStatus status, int probability, ForecastCategory forecast,
                         CrmStage definedBy, String playbookId) {
    }

    @Override
    public List<ExportFile> export(List<CrmPlaybook> playbooks, ExportSettings settings, Diagnostics diagnostics) {
        Diagnostics found = new Diagnostics();
        List<Process> processes = processes(playbooks, found);
        List<Value> values = new StageValues(found).merge(playbooks);
        List<ExportFile> files = new ArrayList<>();
        files.add(new ExportFile(PROJECT, project(settings).getBytes(StandardCharsets.UTF_8), true));
        files.add(ExportFile.text(VALUE_SET, valueSet(values)));
        for (Process p : processes) {
            closedStages(p.playbook(), found);
            files.add(ExportFile.text(PROCESSES + p.name() + ".businessProcess-meta.xml", businessProcess(p)));
            files.add(ExportFile.text(RECORD_TYPES + p.recordType() + ".recordType-meta.xml", recordType(p)));
            files.add(ExportFile.text(PATHS + p.path() + ".pathAssistant-meta.xml", path(p, settings, found)));
        }
        files.add(ExportFile.text(MANIFEST, manifest(processes, settings)));
        diagnostics.addAll(found);
        return found.hasErrors() ? List.of() : files;
    }

    // --- names -------------------------------------------------------------------------------------

    private List<Process> processes(List<CrmPlaybook> playbooks, Diagnostics diagnostics) {
        List<Process> processes = new ArrayList<>();
        Map<String, CrmPlaybook> byProcess = new HashMap<>();
        Map<String, CrmPlaybook> byRecordType = new HashMap<>();
        for (CrmPlaybook p : playbooks) {
            CrmName written = p.playbook().crm().salesforceProcess();
            String name = written != null ? written.value() : processName(p.playbook().title(), p.id());
            Position at = written != null ? written.at() : p.at();
            CrmPlaybook other = byProcess.putIfAbsent(name.toLowerCase(Locale.ROOT), p);
            if (other != null) {
                diagnostics.error(at, "playbooks `" + other.id() + "` and `" + p.id() + "` would both be the Salesforce "
                        + "sales process `" + name + "`; give " + (written != null ? "one of them another" : "this one a")
                        + " `crm.salesforce.process`");
                continue;
            }
            CrmName rtWritten = p.playbook().crm().salesforceRecordType();
            String rtLabel = rtWritten != null ? rtWritten.value() : name;
            String rtName = ApiNames.from(rtLabel, ApiNames.MAX_LENGTH);
            if (rtName == null) rtName = ApiNames.from(p.id(), ApiNames.MAX_LENGTH);
            other = byRecordType.putIfAbsent(ApiNames.key(rtName), p);
            if (other != null) {
                diagnostics.error(rtWritten != null ? rtWritten.at() : p.at(), "playbooks `" + other.id() + "` and `" + p.id()
                        + "` would both use the Salesforce record type `" + rtName + "`; give one of them its own "
                        + "`crm.salesforce.record_type`");
                continue;
            }
            String pathName = ApiNames.from(rtName.substring(0, Math.min(rtName.length(), ApiNames.MAX_LENGTH - 5)) + "_Path",
                    ApiNames.MAX_LENGTH);
            processes.add(new Process(p, name, rtLabel, rtName, pathName));
        }
        return processes;
    }

    /** A playbook's title as a sales process name: without the characters a file name in the project cannot have. */
    static String processName(String title, String playbookId) {
        StringBuilder out = new StringBuilder();
        title.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) || NOT_IN_PROCESS_NAMES.indexOf(c) >= 0 ? ' ' : c));
        String name = out.toString().replaceAll("\\s+", " ").strip();
        if (name.codePointCount(0, name.length()) > MAX_PROCESS_NAME) {
            name = name.substring(0, name.offsetByCodePoints(0, MAX_PROCESS_NAME)).strip();
        }
        return name.isEmpty() ? playbookId : name;
    }

    private static void closedStages(CrmPlaybook p, Diagnostics diagnostics) {
        boolean won = p.stages().stream().anyMatch(s -> s.status() == StageStatus.WON);
        boolean lost = p.stages().stream().anyMatch(s -> s.status() == StageStatus.LOST);
        if (!won || !lost) {
            diagnostics.warning(p.at(), "playbook `" + p.id() + "` has no " + (won ? "lost" : lost ? "won" : "won or lost")
                    + " stage, so in its Salesforce sales process reps cannot close a deal as " + (won ? "lost" : lost ? "won" : "won or lost")
                    + "; add a stage with `status: " + (won ? "lost" : "won") + "`");
        }
    }

    // --- files -------------------------------------------------------------------------------------

    private static String valueSet(List<Value> values) {
        MetadataXml xml = new MetadataXml("StandardValueSet");
        xml.element("sorted", false);
        for (Value v : values) {
            xml.start("standardValue")
                    .element("fullName", v.name())
                    .element("default", false)
                    .element("label", v.label())
                    .element("closed", v.status() != StageStatus.OPEN)
                    .element("forecastCategory", v.forecast().written())
                    .element("probability", v.probability())
                    .element("won", v.status() == StageStatus.WON)
                    .end();
        }
        return xml.finish();
    }

    private static String businessProcess(Process p) {
        MetadataXml xml = new MetadataXml("BusinessProcess");
        xml.element("fullName", p.name());
        String description = description(p.playbook());
        if (!description.isEmpty()) xml.element("description", description);
        xml.element("isActive", true);
        // no <default> in the values: a sales process has no default stage, and Salesforce refuses one there
        for (CrmStage s : p.playbook().stages()) xml.start("values").element("fullName", s.value()).end();
        return xml.finish();
    }

    /** The playbook's summary as plain text, cut at a word's end to fit Salesforce's 255 characters. */
    private static String description(CrmPlaybook p) {
        if (p.playbook().summary() == null) return "";
        String words = MetadataXml.xmlChars(RichText.words(new MarkdownToRichText().blocks(p.playbook().summary().source())));
        if (words.length() <= MAX_DESCRIPTION) return words;
        String cut = words.substring(0, MAX_DESCRIPTION - 1);
        int space = cut.lastIndexOf(' ');
        if (space > MAX_DESCRIPTION / 2) cut = cut.substring(0, space);
        if (Character.isHighSurrogate(cut.charAt(cut.length() - 1))) cut = cut.substring(0, cut.length() - 1);
        return cut.strip() + "\u2026";
    }

    private static String recordType(Process p) {
        return new MetadataXml("RecordType")
                .element("fullName", p.recordType())
                .element("active", true)
                .element("businessProcess", p.name())
                .element("label", p.recordTypeLabel())
                .finish();
    }

    private String path(Process p, ExportSettings settings, Diagnostics diagnostics) {
        MetadataXml xml = new MetadataXml("PathAssistant");
        xml.element("active", true)
                .element("entityName", "Opportunity")
                .element("fieldName", "StageName")
                .element("masterLabel", p.name());
        for (CrmStage s : p.playbook().stages()) {
            String page = settings.baseUrl() == null ? null
                    : settings.baseUrl() + SitePaths.stage(p.playbook().id(), s.stage().id());
            PathGuidance.Result info = guidance.of(s, p.playbook().playbook().language(), page);
            if (info.cut()) {
                diagnostics.warning(s.at(), "the Salesforce guidance of stage `" + s.stage().id() + "` is "
                        + info.fullLength() + " characters of rich text; Path keeps " + PathGuidance.MAX_LENGTH + ", so "
                        + (info.keptItems() == 0 ? "only the start of its first paragraph"
                        : info.keptItems() + " of its " + info.items() + " paragraphs and list items") + " went in"
                        + (page != null ? ", ending with a link to the stage's page" : " (set `base_url` in site.yaml, "
                        + "or --base-url, to end it with a link to the stage's page)")
                        + "; a shorter `crm.guidance` chooses what Path shows");
            }
            xml.start("pathAssistantSteps");
            for (String field : s.stage().crm().fields()) xml.element("fieldNames", field);
            if (!info.html().isEmpty()) xml.element("info", info.html());
            xml.element("picklistValueName", s.value()).end();
        }
        xml.element("recordTypeName", p.recordType());
        return xml.finish();
    }

    private static String manifest(List<Process> processes, ExportSettings settings) {
        Map<String, TreeSet<String>> types = new TreeMap<>();
        for (Process p : processes) {
            types.computeIfAbsent("BusinessProcess", k -> new TreeSet<>()).add("Opportunity." + p.name());
            types.computeIfAbsent("RecordType", k -> new TreeSet<>()).add("Opportunity." + p.recordType());
            types.computeIfAbsent("PathAssistant", k -> new TreeSet<>()).add(p.path());
        }
        types.computeIfAbsent("StandardValueSet", k -> new TreeSet<>()).add("OpportunityStage");
        MetadataXml xml = new MetadataXml("Package");
        types.forEach((type, members) -> {
            xml.start("types");
            for (String m : members) xml.element("members", m);
            xml.element("name", type).end();
        });
        xml.element("version", settings.salesforceApiVersion());
        return xml.finish();
    }

    private static String project(ExportSettings settings) {
        Map<String, Object> directory = new LinkedHashMap<>();
        directory.put("path", "force-app");
        directory.put("default", true);
        Map<String, Object> project = new LinkedHashMap<>();
        project.put("packageDirectories", List.of(directory));
        project.put("name", "playbook-crm");
        project.put("namespace", "");
        project.put("sfdcLoginUrl", "https://login.salesforce.com");
        project.put("sourceApiVersion", settings.salesforceApiVersion());
        return Json.pretty(project);
    }

    // --- the value set -----------------------------------------------------------------------------

    /**
     * Merges the playbooks' stages into the one list of opportunity stages Salesforce has. Each
     * sales process shows its stages in that list's order, so the list keeps every playbook's order
     * where the playbooks agree; where they differ, the earlier playbook's order wins.
     */
    private static final class StageValues {
        private final Diagnostics diagnostics;

        StageValues(Diagnostics diagnostics) {
            this.diagnostics = diagnostics;
        }

        List<Value> merge(List<CrmPlaybook> playbooks) {
            Map<String, Value> byName = new LinkedHashMap<>();
            Map<String, Value> byLabel = new HashMap<>();
            Map<String, TreeSet<Integer>> after = new HashMap<>();
            for (CrmPlaybook p : playbooks) {
                String previous = null;
                for (CrmStage s : p.stages()) {
                    String key = s.value().toLowerCase(Locale.ROOT);
                    Value mine = value(s, p.id());
                    Value first = byName.get(key);
                    if (first == null) {
                        Value sameLabel = byLabel.putIfAbsent(s.label().toLowerCase(Locale.ROOT), mine);
                        if (sameLabel != null) {
                            diagnostics.error(s.at(), "stage `" + s.stage().id() + "` would be labelled `" + s.label()
                                    + "` in Salesforce like the stage value `" + sameLabel.name() + "` of playbook `"
                                    + sameLabel.playbookId() + "`, and a stage list cannot show two values alike; give one "
                                    + "of them another title");
                        }
                        byName.put(key, mine);
                    } else {
                        compare(first, mine, s);
                    }
                    if (previous != null) after.computeIfAbsent(key, k -> new TreeSet<>()).add(indexOf(byName, previous));
                    previous = key;
                }
            }
            List<Value> ordered = order(new ArrayList<>(byName.values()), after, byName);
            for (CrmPlaybook p : playbooks) keptOrder(p, ordered);
            return ordered;
        }

        private Value value(CrmStage s, String playbookId) {
            Integer written = s.stage().probability();
            int probability;
            if (s.isOpen()) {
                if (written == null) {
                    diagnostics.warning(s.at(), "stage `" + s.stage().id() + "` has no `probability:`; Salesforce needs "
                            + "one for each stage, so it gets 0");
                }
                probability = written == null ? 0 : written;
            } else {
                probability = s.probability();
                if (written != null && written != probability) {
                    diagnostics.warning(s.at(), "a " + s.status().name().toLowerCase(Locale.ROOT) + " stage has the "
                            + "probability " + probability + " in Salesforce; the `probability: " + written
                            + "` of stage `" + s.stage().id() + "` is not exported");
                }
            }
            return new Value(s.value(), s.label(), s.status(), probability, s.forecast(), s, playbookId);
        }

        /** A stage value shared by two playbooks has one status, probability and label in Salesforce: the first one's. */
        private void compare(Value first, Value mine, CrmStage s) {
            String where = "stage `" + s.stage().id() + "` is the Salesforce stage `" + s.value() + "`, which playbook `"
                    + first.playbookId() + "` exports ";
            String advice = "; give this stage its own `crm.name` to keep it apart";
            if (first.status() != mine.status()) {
                diagnostics.error(s.at(), where + "as " + first.status().name().toLowerCase(Locale.ROOT) + ", and a stage "
                        + "value has one status in every sales process" + advice);
            } else if (first.probability() != mine.probability()) {
                diagnostics.warning(s.at(), where + "with the probability " + first.probability() + "; Salesforce keeps one "
                        + "probability per stage, so this playbook's " + mine.probability() + " is not exported" + advice);
            } else if (first.forecast() != mine.forecast()) {
                diagnostics.warning(s.at(), where + "with the forecast category " + first.forecast().written()
                        + "; Salesforce keeps one per stage, so this playbook's " + mine.forecast().written()
                        + " is not exported" + advice);
            } else if (!first.label().equals(mine.label())) {
                diagnostics.warning(s.at(), where + "labelled `" + first.label() + "`; Salesforce keeps one label per "
                        + "stage, so this stage's title is not its label" + advice);
            }
        }

        /** The stages in an order that keeps each one after those it follows in a playbook, else in first-seen order. */
        private static List<Value> order(List<Value> seen, Map<String, TreeSet<Integer>> after, Map<String, Value> byName) {
            List<String> keys = new ArrayList<>(byName.keySet());
            List<Value> ordered = new ArrayList<>();
            boolean[] placed = new boolean[keys.size()];
            while (ordered.size() < keys.size()) {
                int next = -1;
                for (int i = 0; i < keys.size() && next < 0; i++) {
                    if (placed[i]) continue;
                    boolean ready = true;
                    for (int before : after.getOrDefault(keys.get(i), new TreeSet<>())) {
                        if (!placed[before] && before != i) ready = false;
                    }
                    if (ready) next = i;
                }
                // playbooks that disagree on the order leave no stage ready; the earliest seen goes first
                if (next < 0) {
                    for (int i = 0; i < keys.size() && next < 0; i++) if (!placed[i]) next = i;
                }
                placed[next] = true;
                ordered.add(seen.get(next));
            }
            return ordered;
        }

        private void keptOrder(CrmPlaybook p, List<Value> ordered) {
            List<String> mine = p.stages().stream().map(s -> s.value().toLowerCase(Locale.ROOT)).toList();
            List<String> shown = ordered.stream().map(v -> v.name().toLowerCase(Locale.ROOT)).filter(mine::contains).toList();
            if (!shown.equals(mine)) {
                diagnostics.warning(p.at(), "Salesforce shows the stages of every sales process in the order of one list, "
                        + "and another playbook orders these stages differently, so playbook `" + p.id() + "` shows them as: "
                        + String.join(", ", ordered.stream().map(Value::name).filter(n -> mine.contains(n.toLowerCase(Locale.ROOT))).toList()));
            }
        }

        private static int indexOf(Map<String, Value> byName, String key) {
            int i = 0;
            for (String k : byName.keySet()) {
                if (k.equals(key)) return i;
                i++;
            }
            return -1;
        }
    }
}
