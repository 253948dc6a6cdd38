package dev.playbook.render.diagram;

import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlantUmlEngineTest {
    private static final Pattern FAMILY = Pattern.compile("font-family=\"([^\"]*)\"");
    private final PlantUmlEngine engine = new PlantUmlEngine();

    private static Set<String> families(String svg) {
        Set<String> found = new TreeSet<>();
        Matcher m = FAMILY.matcher(svg);
        while (m.find()) found.add(m.group(1));
        return found;
    }

    @Test
    void anErrorIsReportedAtTheAuthorsLineWhateverThePreambleAdds() {
        // 0-based lines of the author's text, as the definitions' positions count them
        assertEquals(2, engine.draw("start\n:fine;\nif (broken\nstop").errorLine());
        assertEquals(3, engine.draw("\n\nstart\nif (broken\nstop").errorLine());
        assertEquals(2, engine.draw("@startuml\nstart\nif (broken\nstop\n@enduml").errorLine());
        assertEquals(3, engine.draw("\n@startuml\nstart\nif (broken\nstop\n@enduml").errorLine());
    }

    @Test
    void textIsMeasuredInTheBundledFacesAndNamedByTheReadersGenericFamilies() {
        assertTrue(BundledFonts.available(), "the faces in the jar were not registered");
        DiagramResult raw = engine.draw("start\n:**Zadzwoń** \"\"mono\"\" //kursywa//;\nstop");
        assertFalse(raw.failed(), raw::toString);
        assertTrue(raw.svg().contains("DejaVu Sans"), "PlantUML was not told to measure with the bundled faces");
        String clean = new SvgCleaner().cleanDrawing(raw.svg(), "p");
        assertEquals(Set.of("monospace", "sans-serif"), families(clean), clean);
    }

    @Test
    void aFontTheAuthorChoosesIsKept() {
        DiagramResult raw = engine.draw("skinparam defaultFontName Courier\nstart\n:Call;\nstop");
        assertFalse(raw.failed(), raw::toString);
        assertTrue(families(new SvgCleaner().cleanDrawing(raw.svg(), "p")).contains("Courier"));
    }
}
