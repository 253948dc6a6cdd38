package dev.playbook.render.diagram;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Text keeps the width PlantUML measured it at, fitted by scaling each line whole. */
class SvgCleanerTextTest {
    private static final String SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><g>%s</g></svg>";

    private static String body(String drawing) {
        String clean = new SvgCleaner().clean(SVG.formatted(drawing), "p", "T", "D");
        assertNull(new SvgSafetyCheck().problem(clean), clean);
        return clean.substring(clean.indexOf("</desc>") + "</desc>".length(), clean.indexOf("</svg>"));
    }

    @Test
    void aMeasuredLineIsScaledWholeNotSpacedLetterByLetter() {
        assertEquals("<g><text font-size=\"12\" lengthAdjust=\"spacingAndGlyphs\" textLength=\"80.5\" x=\"1\" y=\"2\">Kwalifikacja</text></g>",
                body("<text font-size=\"12\" textLength=\"80.5\" x=\"1\" y=\"2\">Kwalifikacja</text>"));
    }

    @Test
    void plantUmlsOwnSpacingGivesWayToo() {
        assertEquals("<g><text lengthAdjust=\"spacingAndGlyphs\" textLength=\"10\">a</text></g>",
                body("<text lengthAdjust=\"spacing\" textLength=\"10\">a</text>"));
    }

    @Test
    void textWithoutAMeasuredLengthIsLeftAsItIs() {
        assertEquals("<g><text x=\"1\">a</text><rect height=\"1\" width=\"1\"/></g>",
                body("<text x=\"1\">a</text><rect height=\"1\" width=\"1\"/>"));
    }
}
