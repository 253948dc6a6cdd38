package dev.playbook.render.diagram;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What PlantUML writes that changes nothing in the picture is left out; what does is kept. */
class SvgCleanerSlimTest {
    private static final String SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\""
            + " viewBox=\"0 0 10 10\"><defs/><g>%s</g></svg>";

    private static String cleaned(String drawing) {
        String clean = new SvgCleaner().clean(SVG.formatted(drawing), "p", "T", "D");
        assertNull(new SvgSafetyCheck().problem(clean), clean);
        return clean;
    }

    private static String body(String clean) {
        return clean.substring(clean.indexOf("</desc>") + "</desc>".length(), clean.indexOf("</svg>"));
    }

    @Test
    void redundantStylesAttributesAndElementsGo() {
        String clean = cleaned("<rect fill=\"#F1F1F1\" height=\"4\" rx=\"12.5\" ry=\"12.5\" "
                + "style=\"stroke:#181818;stroke-width:0.5;stroke-linejoin:miter;stroke-miterlimit:10;\" width=\"4\"/>");
        assertFalse(clean.contains("xmlns:xlink"), clean);
        assertEquals("<g><rect fill=\"#F1F1F1\" height=\"4\" rx=\"12.5\" "
                + "style=\"stroke:#181818;stroke-width:0.5;stroke-miterlimit:10\" width=\"4\"/></g>", body(clean));
    }

    @Test
    void whatChangesThePictureStays() {
        String drawing = "<defs><linearGradient id=\"g\"/></defs><rect height=\"4\" rx=\"2\" ry=\"3\" "
                + "style=\"stroke:#000;stroke-linejoin:round\" width=\"4\"/>";
        String clean = cleaned(drawing);
        assertTrue(body(clean).contains("<defs><linearGradient id=\"g\"/></defs>"), clean);
        assertTrue(body(clean).contains("rx=\"2\" ry=\"3\" style=\"stroke:#000;stroke-linejoin:round\""), clean);
    }
}
