package dev.playbook.render.diagram;

import net.sourceforge.plantuml.ErrorUml;
import net.sourceforge.plantuml.FileFormat;
import net.sourceforge.plantuml.FileFormatOption;
import net.sourceforge.plantuml.SourceStringReader;
import net.sourceforge.plantuml.core.Diagram;
import net.sourceforge.plantuml.core.ImageData;
import net.sourceforge.plantuml.error.PSystemError;
import net.sourceforge.plantuml.security.SecurityUtils;
import net.sourceforge.plantuml.version.Version;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Draws PlantUML source as SVG with PlantUML's own library.
 *
 * <p>Diagram source comes from files anyone in a sales team may edit, so PlantUML runs in its
 * SANDBOX profile, set here in code rather than trusted to the environment: no local files
 * ({@code !include}), no URLs, no environment variables. Every diagram gets
 * {@code !pragma layout smetana}, PlantUML's built-in layout, so nothing depends on Graphviz, and
 * the faces of {@link BundledFonts} to measure its text, so nothing depends on the machine's fonts.
 *
 * <p>When PlantUML itself fails (a diagram too deep for the stack, say), it does not throw: it
 * draws a picture of the crash, with a plea to mail it to its authors and details of the JVM,
 * logs a stack trace, and returns that picture as if it were the diagram. Such a result is
 * reported here as {@link DiagramResult#crashed() crashed}, never as a drawing.
 */
final class PlantUmlEngine {
    /**
     * PlantUML's own logger, which prints every crash's stack trace to the terminal. Held here so
     * the setting below outlives garbage collection of the logger until PlantUML holds it too.
     */
    private static final Logger PLANTUML_LOG = Logger.getLogger("com.plantuml");
    /** What Java's font lookup says, in an Error, on a machine with no font to fall back to. */
    private static final String NO_FONTS = "No physical fonts found";

    /** What every diagram is drawn with, put after its first line. */
    private final String preamble;

    public PlantUmlEngine() {
        SecurityUtils.setCommandLineProperty("PLANTUML_SECURITY_PROFILE", "SANDBOX");
        // a crash becomes a diagnostic of ours; a user never sees a stack trace
        PLANTUML_LOG.setLevel(Level.OFF);
        this.preamble = preamble(BundledFonts.available());
    }

    /**
     * The layout, and the fonts when they are there: a diagram's own {@code skinparam} still
     * chooses other fonts, and {@link SvgCleaner} names these as the page's sans serif and
     * monospace again, as PlantUML names the machine's.
     */
    private static String preamble(boolean bundledFonts) {
        return "!pragma layout smetana\n" + (bundledFonts ? "skinparam defaultFontName \"" + BundledFonts.SANS + "\"\n"
                + "skinparam defaultMonospacedFontName \"" + BundledFonts.MONO + "\"\n" : "");
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

    /** The raw SVG, or PlantUML's error with its 0-based line in {@code source}, or its crash. */
    public DiagramResult draw(String source) {
        String prepared = prepare(source, preamble);
        int shift = linesAdded(source);
        try {
            SourceStringReader reader = new SourceStringReader(prepared);
            if (reader.getBlocks().isEmpty()) return DiagramResult.failed("no diagram found", 0);
            Diagram diagram = reader.getBlocks().get(0).getDiagram();
            // a failure while reading the source also comes back as an error diagram, with its cause
            if (diagram.getRootCause() != null) return crashed(diagram.getRootCause());
            if (diagram instanceof PSystemError error) {
                ErrorUml first = error.getFirstError();
                String message = first == null ? error.getWarningOrError() : first.getError();
                int line = error.getLineLocation() == null ? 0 : error.getLineLocation().getPosition();
                return DiagramResult.failed(message == null ? "PlantUML cannot read this diagram" : message.strip(),
                        Math.max(0, line - shift));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageData image = diagram.exportDiagram(out, 0, new FileFormatOption(FileFormat.SVG));
            // what PlantUML wrote is then its crash picture, not the diagram
            if (image == null) return DiagramResult.crashed("PlantUML drew nothing");
            if (image.getRootCause() != null) return crashed(image.getRootCause());
            if (image.getStatus() != 0) return DiagramResult.crashed("PlantUML failed (status " + image.getStatus() + ")");
            return DiagramResult.drawn(out.toString(StandardCharsets.UTF_8));
        } catch (StackOverflowError e) {
            return crashed(e);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Error e) {
            // Java's own font lookup fails with an Error on a machine with no font it can fall back to
            if (String.valueOf(e.getMessage()).contains(NO_FONTS)) return crashed(e);
            throw e;
        } catch (IOException | RuntimeException e) {
            return DiagramResult.crashed("PlantUML failed: " + e.getMessage());
        }
    }

    private static DiagramResult crashed(Throwable cause) {
        if (cause instanceof StackOverflowError) {
            return DiagramResult.crashed("the diagram is too large for PlantUML to draw (it ran out of stack)");
        }
        if (cause instanceof OutOfMemoryError) {
            return DiagramResult.crashed("the diagram is too large for PlantUML to draw (it ran out of memory)");
        }
        String message = cause.getMessage();
        if (message != null && message.contains(NO_FONTS)) {
            return DiagramResult.crashed("Java finds no fonts on this machine to measure the diagram's text with "
                    + "(a font the diagram names is not installed, and neither is any other; Debian: apt-get install "
                    + "fonts-dejavu-core)");
        }
        return DiagramResult.crashed("PlantUML failed: " + cause.getClass().getSimpleName()
                + (message == null || message.isBlank() ? "" : ": " + message.strip()));
    }

    /** Wraps a bare diagram in @startuml/@enduml and puts the preamble after its first line. */
    static String prepare(String source, String preamble) {
        String text = source.strip();
        if (!text.startsWith("@start")) text = "@startuml\n" + text + "\n@enduml";
        int nl = text.indexOf('\n');
        if (nl < 0) return text;
        return text.substring(0, nl + 1) + preamble + text.substring(nl + 1);
    }

    /** How many lines {@link #prepare} put before the author's lines: what PlantUML's line numbers are off by. */
    private int linesAdded(String source) {
        String stripped = source.strip();
        int leading = 0;
        for (int i = 0; i < source.length() && !source.startsWith(stripped, i); i++) {
            if (source.charAt(i) == '\n') leading++;
        }
        int preambleLines = (int) preamble.chars().filter(c -> c == '\n').count();
        return (stripped.startsWith("@start") ? 0 : 1) + preambleLines - leading;
    }
}
