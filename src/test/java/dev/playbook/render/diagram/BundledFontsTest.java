package dev.playbook.render.diagram;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Font;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A machine with no fonts (a slim container) draws every diagram, and draws it as a machine with
 * fonts does. The machine's fonts are hidden from a JVM of its own by mounting an empty folder
 * over them in a mount namespace of its own, which needs root; in CI that is required, elsewhere
 * the test is skipped where it cannot be done.
 */
class BundledFontsTest {
    private static final String DIAGRAM = "start\n:[[stages/a.html **Zadzwoń** do klienta]];\n"
            + "if (Budżet \"\"znany\"\"?) then (tak)\n  ://Umów// spotkanie;\nelse (nie)\n  :Wróć później;\nendif\nstop";
    private static final Path SYSTEM_FONTS = Path.of("/usr/share/fonts");

    @Test
    void aMachineWithoutFontsDrawsTheSameDiagramsAsOneWithThem(@TempDir Path temp) throws Exception {
        Path empty = Files.createDirectories(temp.resolve("no-fonts"));
        Path config = temp.resolve("fonts.conf");
        Files.writeString(config, "<?xml version=\"1.0\"?>\n<fontconfig><cachedir>" + temp.resolve("fc-cache")
                + "</cachedir></fontconfig>\n");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String script = (Files.isDirectory(SYSTEM_FONTS) ? "mount --bind \"$1\" " + SYSTEM_FONTS + " && " : "")
                + "exec \"$2\" -XX:-UsePerfData -Djava.awt.headless=true -Djava.io.tmpdir=\"$1\" -cp \"$3\" \"$4\"";
        ProcessBuilder builder = new ProcessBuilder(List.of("unshare", "-m", "sh", "-c", script, "sh",
                empty.toString(), java, System.getProperty("java.class.path"), DrawsWithoutFonts.class.getName()))
                .redirectErrorStream(true);
        builder.environment().put("FONTCONFIG_FILE", config.toString());
        String output;
        int code;
        try {
            Process child = builder.start();
            output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(child.waitFor(5, TimeUnit.MINUTES));
            code = child.exitValue();
        } catch (IOException e) {
            output = "cannot start unshare: " + e.getMessage();
            code = -1;
        }
        boolean hidden = output.startsWith("machine fonts: none\n");
        if (!hidden) {
            String why = "the machine's fonts could not be hidden from a JVM (this needs root and `unshare -m`): " + output;
            if ("true".equals(System.getenv("CI"))) fail(why);
            Assumptions.abort(why);
        }
        assertEquals(0, code, output);
        String[] lines = output.split("\n", 3);
        // nothing to fall back to: said plainly, never a stack trace
        assertTrue(lines[1].equals("a font the machine lacks: drawn")
                || lines[1].startsWith("a font the machine lacks: Java finds no fonts on this machine"), lines[1]);
        String drawn = lines[2].strip();
        assertEquals(DrawsWithoutFonts.draw(), drawn, "drawn without the machine's fonts, the diagram came out otherwise");
    }

    /** Says whether Java has fonts of its own, then draws the diagram and prints it cleaned. */
    static final class DrawsWithoutFonts {
        public static void main(String[] args) {
            String fonts;
            try {
                fonts = new Font(Font.DIALOG, Font.PLAIN, 12).canDisplay('a') ? "some" : "none";
            } catch (Error e) {
                fonts = "none";
            }
            System.out.println("machine fonts: " + fonts);
            DiagramResult named = new PlantUmlEngine().draw("skinparam defaultFontName \"Comic Sans MS\"\nstart\n:Call;\nstop");
            System.out.println("a font the machine lacks: " + (named.failed() ? named.error() : "drawn"));
            System.out.println(draw());
        }

        static String draw() {
            DiagramResult raw = new PlantUmlEngine().draw(DIAGRAM);
            return raw.failed() ? "failed: " + raw.error() : new SvgCleaner().cleanDrawing(raw.svg(), "p");
        }
    }
}
