package dev.playbook.crm.salesforce;

import dev.playbook.crm.CrmPlaybooks;
import dev.playbook.crm.salesforce.MetadataReader.Node;
import dev.playbook.crm.starter.BadInputException;
import dev.playbook.crm.starter.ImportedPipeline;
import dev.playbook.crm.starter.ImportedStage;
import dev.playbook.crm.starter.InputFiles;
import dev.playbook.model.ForecastCategory;
import dev.playbook.model.StageCrm;
import dev.playbook.model.StageStatus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads opportunity stages from Salesforce metadata: a retrieved {@code OpportunityStage} value set
 * on its own (one pipeline of all its active stages), or a project folder, where each sales process
 * (business process) becomes a pipeline of its stages in the value set's order, with the key
 * fields and guidance of the Path of the record type that uses it.
 */
public final class SalesforceImport {
    private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,79}");
    private static final int MAX_DEPTH = 16;
    private static final int MAX_FILES = 100_000;
    private static final String MASTER = "__MASTER__";
    /** Salesforce's limit on the values of a picklist. */
    static final int MAX_VALUES = 1000;
    /** Far more sales processes than an org has; each becomes a file of its own. */
    static final int MAX_PROCESSES = 200;

    private final PathInfoReader guidance = new PathInfoReader();
    private final Consumer<String> notes;

    /** @param notes takes what the import left out and why, one sentence each */
    public SalesforceImport(Consumer<String> notes) {
        this.notes = notes;
    }

    /** One opportunity stage of the value set, as Salesforce has it. */
    private record Value(String name, String label, StageStatus status, Integer probability, ForecastCategory forecast,
                         boolean active, int line) {
    }

    private record Step(List<String> fields, String info) {
    }

    /**
     * @param input a value set file, or a project folder
     * @param shown how the user named it
     * @param process the one sales process to import, or null for all of them
     */
    public List<ImportedPipeline> read(Path input, String shown, String process) throws BadInputException {
        if (!Files.isDirectory(input)) {
            if (process != null) {
                throw new BadInputException(shown, 0, "--process picks a sales process of a project folder; give the "
                        + "folder (with objects/Opportunity/businessProcesses) instead of a single file");
            }
            List<Value> values = valueSet(input, shown);
            return List.of(pipeline("Opportunity stages", "the OpportunityStage value set", values, null, null, Map.of()));
        }
        Found found = files(input);
        if (found.valueSets.isEmpty()) {
            throw new BadInputException(shown, 0, "no OpportunityStage value set in this folder; retrieve it with "
                    + "`sf project retrieve start --metadata StandardValueSet:OpportunityStage`");
        }
        if (found.valueSets.size() > 1) {
            throw new BadInputException(shown, 0, "the folder holds " + found.valueSets.size() + " OpportunityStage value sets ("
                    + String.join(", ", found.valueSets.stream().map(p -> relative(input, shown, p)).toList())
                    + "); keep one, or import a project folder that has one");
        }
        Path valueSetFile = found.valueSets.get(0);
        List<Value> values = valueSet(valueSetFile, relative(input, shown, valueSetFile));
        Map<String, String> recordTypeOfProcess = new HashMap<>();
        Map<String, String> recordTypeLabels = new HashMap<>();
        for (Path file : found.recordTypes) {
            String where = relative(input, shown, file);
            Node rt = MetadataReader.read(InputFiles.read(file, where), where, "RecordType", "a record type");
            String name = orStem(rt.text("fullName"), file, ".recordType-meta.xml");
            if (rt.text("businessProcess") != null) recordTypeOfProcess.putIfAbsent(key(rt.text("businessProcess")), name);
            recordTypeLabels.put(key(name), rt.text("label") != null ? rt.text("label") : name);
        }
        Map<String, Map<String, Step>> pathsByRecordType = new HashMap<>();
        for (Path file : found.paths) {
            String where = relative(input, shown, file);
            Node path = MetadataReader.read(InputFiles.read(file, where), where, "PathAssistant", "a Path");
            if (!"Opportunity".equals(path.text("entityName")) || path.text("recordTypeName") == null) continue;
            Map<String, Step> steps = new HashMap<>();
            for (Node step : path.all("pathAssistantSteps")) {
                if (step.text("picklistValueName") == null) continue;
                steps.put(key(step.text("picklistValueName")), new Step(
                        step.all("fieldNames").stream().map(Node::text).toList(), step.text("info")));
            }
            pathsByRecordType.put(key(path.text("recordTypeName")), steps);
        }
        if (found.processes.isEmpty()) {
            if (process != null) {
                throw new BadInputException(shown, 0, "--process " + process + ": the folder has no sales processes "
                        + "(objects/Opportunity/businessProcesses/*.businessProcess-meta.xml)");
            }
            return List.of(pipeline("Opportunity stages", "the OpportunityStage value set", values, null, null,
                    pathsByRecordType.getOrDefault(key(MASTER), Map.of())));
        }
        Map<String, Node> processes = new LinkedHashMap<>();
        Map<String, String> processFiles = new HashMap<>();
        for (Path file : found.processes) {
            String where = relative(input, shown, file);
            Node bp = MetadataReader.read(InputFiles.read(file, where), where, "BusinessProcess", "a sales process");
            String name = orStem(bp.text("fullName"), file, ".businessProcess-meta.xml");
            processes.put(name, bp);
            processFiles.put(name, where);
        }
        List<String> chosen = choose(processes, process, shown);
        if (chosen.size() > MAX_PROCESSES) {
            throw new BadInputException(shown, 0, "the folder holds " + chosen.size() + " sales processes; pick one with --process");
        }
        List<ImportedPipeline> pipelines = new ArrayList<>();
        for (String name : chosen) {
            Node bp = processes.get(name);
            List<String> members = bp.all("values").stream().map(v -> v.text("fullName")).filter(n -> n != null).toList();
            List<Value> own = new ArrayList<>();
            for (String member : members) {
                if (values.stream().noneMatch(v -> key(v.name()).equals(key(member)))) {
                    notes.accept("sales process \"" + name + "\" lists the stage \"" + member
                            + "\", which the value set does not have; it was left out");
                }
            }
            for (Value v : values) {
                if (members.stream().anyMatch(m -> key(m).equals(key(v.name())))) own.add(v);
            }
            if (own.stream().noneMatch(Value::active)) {
                throw new BadInputException(processFiles.get(name), bp.line(), "sales process \"" + name
                        + "\" has no active stage of the value set");
            }
            String recordType = recordTypeOfProcess.get(key(name));
            Map<String, Step> steps = recordType == null ? Map.of() : pathsByRecordType.getOrDefault(key(recordType), Map.of());
            String recordTypeLabel = recordType == null ? null : recordTypeLabels.get(key(recordType));
            pipelines.add(pipeline(name, "sales process \"" + name + "\"", own, name, recordTypeLabel, steps));
        }
        return pipelines;
    }

    private List<String> choose(Map<String, Node> processes, String wanted, String shown) throws BadInputException {
        if (wanted == null) {
            List<String> active = processes.entrySet().stream().filter(e -> !"false".equals(e.getValue().text("isActive")))
                    .map(Map.Entry::getKey).toList();
            for (String name : processes.keySet()) {
                if (!active.contains(name)) notes.accept("sales process \"" + name + "\" is inactive and was left out "
                        + "(--process \"" + name + "\" imports it)");
            }
            if (active.isEmpty()) throw new BadInputException(shown, 0, "every sales process in the folder is inactive; "
                    + "pick one with --process");
            return active;
        }
        for (String name : processes.keySet()) if (name.equals(wanted)) return List.of(name);
        for (String name : processes.keySet()) if (key(name).equals(key(wanted))) return List.of(name);
        throw new BadInputException(shown, 0, "no sales process \"" + wanted + "\"; the folder has: "
                + String.join(", ", processes.keySet().stream().map(n -> "\"" + n + "\"").toList()));
    }

    private ImportedPipeline pipeline(String title, String origin, List<Value> values, String process, String recordType,
                                      Map<String, Step> steps) {
        List<ImportedStage> stages = new ArrayList<>();
        for (Value v : values) {
            if (!v.active()) {
                notes.accept("the stage \"" + v.label() + "\" is inactive and was left out");
                continue;
            }
            Step step = steps.get(key(v.name()));
            PathInfoReader.Guidance read = step == null || step.info() == null || step.info().isBlank()
                    ? new PathInfoReader.Guidance(null, List.of()) : guidance.read(step.info());
            List<String> fields = step == null ? List.of() : fields(step.fields(), v.label());
            ForecastCategory forecast = v.forecast() == ForecastCategory.defaultFor(v.status()) ? null : v.forecast();
            if (forecast != null && v.status() != StageStatus.OPEN) {
                notes.accept("the " + v.status().name().toLowerCase(Locale.ROOT) + " stage \"" + v.label() + "\" has the forecast "
                        + "category " + forecast.written() + ", which Salesforce does not keep for closed stages; it was left out");
                forecast = null;
            }
            String stageTitle = oneLine(v.label());
            stages.add(new ImportedStage(stageTitle, v.name().equals(stageTitle) ? null : v.name(), v.status(), v.probability(), forecast,
                    read.goal(), read.exitCriteria(), fields));
        }
        String processName = process == null || !validProcessName(process) ? null : process;
        if (process != null && processName == null) {
            notes.accept("the sales process name \"" + process + "\" has characters a playbook's `crm.salesforce.process` "
                    + "cannot, so it was not written; add one by hand");
        }
        String recordTypeLabel = recordType == null || oneLine(recordType).length() > 80 ? null : oneLine(recordType);
        return new ImportedPipeline(oneLine(title), origin, stages, processName, processName == null ? null : recordTypeLabel, null);
    }

    private List<String> fields(List<String> fields, String stage) {
        List<String> usable = new ArrayList<>();
        for (String f : fields) {
            if (f == null || !FIELD_NAME.matcher(f).matches() || usable.contains(f)) continue;
            if (usable.size() == StageCrm.MAX_FIELDS) {
                notes.accept("the Path of stage \"" + stage + "\" has more than " + StageCrm.MAX_FIELDS + " key fields; the first "
                        + StageCrm.MAX_FIELDS + " were kept");
                break;
            }
            usable.add(f);
        }
        return usable;
    }

    private static boolean validProcessName(String name) {
        return !name.isBlank() && name.equals(name.strip()) && name.length() <= 80
                && name.chars().noneMatch(c -> Character.isISOControl(c) || "/\\:*?\"<>|.%".indexOf(c) >= 0);
    }

    /** Labels become titles; a line break or control character in one (which Salesforce never writes) becomes a space. */
    private static String oneLine(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
        return out.toString().replaceAll(" {2,}", " ").strip();
    }

    // --- the value set -----------------------------------------------------------------------------

    private List<Value> valueSet(Path file, String shown) throws BadInputException {
        Node root = MetadataReader.read(InputFiles.read(file, shown), shown, "StandardValueSet",
                "a value set (OpportunityStage.standardValueSet-meta.xml)");
        List<Value> values = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Node v : root.all("standardValue")) {
            String name = v.text("fullName");
            if (name == null || name.isBlank()) throw new BadInputException(shown, v.line(), "a <standardValue> without <fullName>");
            String label = v.text("label") == null || v.text("label").isBlank() ? name : v.text("label");
            for (String text : List.of(name, label)) {
                if (text.codePointCount(0, text.length()) > CrmPlaybooks.MAX_VALUE_LENGTH) {
                    throw new BadInputException(shown, v.line(), "the stage \"" + text.substring(0, 40) + "...\" is longer than "
                            + "Salesforce's " + CrmPlaybooks.MAX_VALUE_LENGTH + " characters");
                }
            }
            if (name.chars().anyMatch(Character::isISOControl)) {
                throw new BadInputException(shown, v.line(), "the stage's <fullName> holds a line break or control character");
            }
            Integer earlier = seen.putIfAbsent(key(name), v.line());
            if (earlier != null) {
                throw new BadInputException(shown, v.line(), "the stage \"" + name + "\" is listed twice (first at line " + earlier + ")");
            }
            boolean closed = bool(v, "closed", false, shown);
            boolean won = bool(v, "won", false, shown);
            StageStatus status = closed ? (won ? StageStatus.WON : StageStatus.LOST) : StageStatus.OPEN;
            values.add(new Value(name, label, status, probability(v, shown), forecast(v, status), bool(v, "isActive", true, shown),
                    v.line()));
        }
        if (values.size() > MAX_VALUES) {
            throw new BadInputException(shown, root.line(), "the value set has " + values.size() + " stages; Salesforce allows "
                    + MAX_VALUES + " values in a picklist");
        }
        if (values.stream().noneMatch(Value::active)) {
            throw new BadInputException(shown, root.line(), values.isEmpty() ? "the value set has no stages (<standardValue>)"
                    : "every stage of the value set is inactive");
        }
        return values;
    }

    private static boolean bool(Node value, String name, boolean fallback, String shown) throws BadInputException {
        Node n = value.child(name);
        if (n == null || n.text().isEmpty()) return fallback;
        return switch (n.text().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new BadInputException(shown, n.line(), "<" + name + "> should be true or false, not \"" + n.text() + "\"");
        };
    }

    private static Integer probability(Node value, String shown) throws BadInputException {
        Node n = value.child("probability");
        if (n == null || n.text().isEmpty()) return null;
        try {
            double p = Double.parseDouble(n.text());
            if (p >= 0 && p <= 100) return (int) Math.round(p);
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadInputException(shown, n.line(), "<probability> should be a percentage from 0 to 100, not \"" + n.text() + "\"");
    }

    private ForecastCategory forecast(Node value, StageStatus status) {
        String written = value.text("forecastCategory");
        if (written == null || written.isEmpty()) return ForecastCategory.defaultFor(status);
        ForecastCategory category = ForecastCategory.fromWritten(written);
        if (category == null) {
            notes.accept("the forecast category \"" + written + "\" of stage \"" + value.text("fullName")
                    + "\" is not one a playbook knows; the stage gets its default");
            return ForecastCategory.defaultFor(status);
        }
        return category;
    }

    // --- finding the files -------------------------------------------------------------------------

    private static final class Found {
        final List<Path> valueSets = new ArrayList<>();
        final List<Path> processes = new ArrayList<>();
        final List<Path> recordTypes = new ArrayList<>();
        final List<Path> paths = new ArrayList<>();
    }

    private static Found files(Path folder) throws BadInputException {
        Found found = new Found();
        try (Stream<Path> walk = Files.walk(folder, MAX_DEPTH)) {
            List<Path> all = walk.filter(p -> !hidden(folder.relativize(p))).limit(MAX_FILES).sorted().toList();
            for (Path p : all) {
                if (!Files.isRegularFile(p)) continue;
                String name = p.getFileName().toString();
                String parent = p.getParent() == null ? "" : p.getParent().toString().replace('\\', '/');
                if (name.equals("OpportunityStage.standardValueSet-meta.xml") || name.equals("OpportunityStage.standardValueSet")) {
                    found.valueSets.add(p);
                } else if (name.endsWith(".businessProcess-meta.xml") && parent.endsWith("objects/Opportunity/businessProcesses")) {
                    found.processes.add(p);
                } else if (name.endsWith(".recordType-meta.xml") && parent.endsWith("objects/Opportunity/recordTypes")) {
                    found.recordTypes.add(p);
                } else if (name.endsWith(".pathAssistant-meta.xml") && parent.endsWith("pathAssistants")) {
                    found.paths.add(p);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new BadInputException(folder.toString(), 0, "cannot read the folder: " + e.getMessage());
        }
        return found;
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            String name = part.toString();
            if (name.startsWith(".") || name.equals("node_modules")) return true;
        }
        return false;
    }

    private static String relative(Path folder, String shown, Path file) {
        String rel = folder.relativize(file).toString().replace('\\', '/');
        return shown.isEmpty() ? rel : shown + "/" + rel;
    }

    private static String orStem(String fullName, Path file, String suffix) {
        if (fullName != null && !fullName.isBlank()) return fullName;
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - suffix.length());
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
