package dev.playbook.render;

import net.sourceforge.plantuml.ErrorUml;
import net.sourceforge.plantuml.FileFormat;
import net.sourceforge.plantuml.FileFormatOption;
import net.sourceforge.plantuml.SourceStringReader;
import net.sourceforge.plantuml.core.Diagram;
import net.sourceforge.plantuml.error.PSystemError;
import net.sourceforge.plantuml.security.SecurityUtils;
import net.sourceforge.plantuml.version.Version;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Draws PlantUML source as SVG with PlantUML's own library.
 *
 * <p>Diagram source comes from files anyone in a sales team may edit, so PlantUML runs in its
 * SANDBOX profile, set here in code rather than trusted to the environment: no local files
 * ({@code !include}), no URLs, no environment variables. Every diagram gets
 * {@code !pragma layout smetana}, PlantUML's built-in layout, so nothing depends on Graphviz.
 */
public final class PlantUmlEngine {

    public PlantUmlEngine() {
        SecurityUtils.setCommandLineProperty("PLANTUML_SECURITY_PROFILE", "SANDBOX");
    }

    /**
     * Starts PlantUML's own start-up (its first diagram costs a large part of a second) on a
     * background thread, so it overlaps with reading the definitions instead of following it.
     */
    public static void warmUpInBackground() {
        Thread warm = new Thread(() -> new PlantUmlEngine().draw("start\nstop"), "playbook-plantuml-warm-up");
        warm.setDaemon(true);
        warm.setPriority(Thread.MIN_PRIORITY);
        warm.start();
    }

    public static String version() {
        return Version.versionString();
    }

    /** The raw SVG, or PlantUML's error with its 0-based line in {@code source}. */
    public DiagramResult draw(String source) {
        String prepared = prepare(source);
        int shift = prepared.equals(source) ? 0 : linesAdded(source, prepared);
        try {
            SourceStringReader reader = new SourceStringReader(prepared);
            if (reader.getBlocks().isEmpty()) return DiagramResult.failed("no diagram found", 0);
            Diagram diagram = reader.getBlocks().get(0).getDiagram();
            if (diagram instanceof PSystemError error) {
                ErrorUml first = error.getFirstError();
                String message = first == null ? error.getWarningOrError() : first.getError();
                int line = error.getLineLocation() == null ? 0 : error.getLineLocation().getPosition();
                return DiagramResult.failed(message == null ? "PlantUML cannot read this diagram" : message.strip(),
                        Math.max(0, line - shift));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            reader.outputImage(out, new FileFormatOption(FileFormat.SVG));
            return DiagramResult.drawn(out.toString(StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return DiagramResult.failed("PlantUML failed: " + e.getMessage(), 0);
        }
    }

    /** Wraps a bare diagram in @startuml/@enduml and puts the smetana layout pragma first. */
    static String prepare(String source) {
        String text = source.strip();
        if (!text.startsWith("@start")) text = "@startuml\n" + text + "\n@enduml";
        int nl = text.indexOf('\n');
        if (nl < 0) return text;
        return text.substring(0, nl + 1) + "!pragma layout smetana\n" + text.substring(nl + 1);
    }

    /** How many lines {@link #prepare} put before the author's first line. */
    private static int linesAdded(String source, String prepared) {
        String stripped = source.strip();
        int leading = 0;
        for (int i = 0; i < source.length() && !source.startsWith(stripped, i); i++) {
            if (source.charAt(i) == '\n') leading++;
        }
        int added = stripped.startsWith("@start") ? 1 : 2; // the pragma, and @startuml if we added it
        return added - leading;
    }
}
