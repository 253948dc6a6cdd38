package dev.playbook.render.pdf;

import org.apache.batik.gvt.font.GVTFont;
import org.apache.batik.gvt.font.GVTFontFamily;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.awt.Font;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.TextAttribute;
import java.awt.geom.AffineTransform;
import java.awt.geom.PathIterator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DiagramFacesTest {
    private static final FontRenderContext FRC = new FontRenderContext(new AffineTransform(), true, true);
    private static final String TEXT = "Zażółć gęślą jaźń AV";

    private static DiagramFaces faces;

    @BeforeAll
    static void makeFaces() throws Exception {
        faces = DiagramFaces.of(List.of(
                new DiagramFaces.Face(PackFonts.SANS, 400, false, bundled("DejaVuSans.ttf")),
                new DiagramFaces.Face(PackFonts.SANS, 700, false, bundled("DejaVuSans-Bold.ttf")),
                new DiagramFaces.Face(PackFonts.SANS, 400, true, bundled("DejaVuSans-Oblique.ttf")),
                new DiagramFaces.Face(PackFonts.SANS, 700, true, bundled("DejaVuSans-BoldOblique.ttf")),
                new DiagramFaces.Face(PackFonts.MONO, 400, false, bundled("DejaVuSansMono.ttf"))));
    }

    private static byte[] bundled(String file) throws IOException {
        try (InputStream in = DiagramFacesTest.class.getResourceAsStream("/fonts/" + file)) {
            assertNotNull(in, file + " is not in the jar");
            return in.readAllBytes();
        }
    }

    @Test
    void aDiagramFindsTheFacesByGenericOrCommonNamesInAnyCase() {
        GVTFontFamily sans = faces.family("sans-serif");
        assertNotNull(sans);
        assertEquals(PackFonts.SANS, sans.getFamilyName());
        assertSame(sans, faces.family(" Sans-Serif "));
        assertSame(sans, faces.family("DejaVu Sans"));
        assertSame(sans, faces.family("serif"), "the pack has no serif face: sans stands in, not the machine's");
        GVTFontFamily mono = faces.family("monospace");
        assertEquals(PackFonts.MONO, mono.getFamilyName());
        assertSame(mono, faces.family("Courier New"));
        assertSame(sans, faces.family("Comic Sans MS"), "a font the pack lacks is not looked for on the machine");
        assertSame(sans, faces.family(null));
    }

    @Test
    void eachTextIsSetInTheFaceOfItsWeightAndPosture() throws Exception {
        GVTFontFamily sans = faces.family("sans-serif");
        assertOutline("DejaVuSans.ttf", sans.deriveFont(14, style(TextAttribute.WEIGHT_REGULAR, TextAttribute.POSTURE_REGULAR)));
        assertOutline("DejaVuSans-Bold.ttf", sans.deriveFont(14, style(TextAttribute.WEIGHT_BOLD, TextAttribute.POSTURE_REGULAR)));
        assertOutline("DejaVuSans-Bold.ttf", sans.deriveFont(14, style(TextAttribute.WEIGHT_DEMIBOLD, null)));
        assertOutline("DejaVuSans.ttf", sans.deriveFont(14, style(TextAttribute.WEIGHT_SEMIBOLD, null)));
        assertOutline("DejaVuSans-Oblique.ttf", sans.deriveFont(14, style(null, TextAttribute.POSTURE_OBLIQUE)));
        assertOutline("DejaVuSans-BoldOblique.ttf", sans.deriveFont(14, style(TextAttribute.WEIGHT_BOLD, TextAttribute.POSTURE_OBLIQUE)));
        // the mono family has one face, which every style gets rather than a faked bold or slant
        GVTFontFamily mono = faces.family("monospace");
        assertOutline("DejaVuSansMono.ttf", mono.deriveFont(14, style(TextAttribute.WEIGHT_BOLD, TextAttribute.POSTURE_OBLIQUE)));
        assertNotEquals(outline(java("DejaVuSans.ttf", 14)), outline(java("DejaVuSans-Bold.ttf", 14)));
    }

    @Test
    void aSizeIsKeptWhenAFontIsDerivedAgain() {
        GVTFont twelve = faces.family("sans-serif").deriveFont(12, style(null, null));
        assertEquals(12f, twelve.getSize());
        assertEquals(30f, twelve.deriveFont(30).getSize());
        assertEquals(-1, twelve.canDisplayUpTo(TEXT));
    }

    @Test
    void aFamilyWithoutARegularFaceIsRefused() throws Exception {
        List<DiagramFaces.Face> boldOnly = List.of(new DiagramFaces.Face(PackFonts.SANS, 700, false, bundled("DejaVuSans-Bold.ttf")),
                new DiagramFaces.Face(PackFonts.MONO, 400, false, bundled("DejaVuSansMono.ttf")));
        assertThrows(IllegalArgumentException.class, () -> DiagramFaces.of(boldOnly));
    }

    private static Map<TextAttribute, Float> style(Float weight, Float posture) {
        Map<TextAttribute, Float> attributes = new HashMap<>();
        if (weight != null) attributes.put(TextAttribute.WEIGHT, weight);
        if (posture != null) attributes.put(TextAttribute.POSTURE, posture);
        return attributes;
    }

    private static Font java(String file, float size) throws Exception {
        return Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(bundled(file))).deriveFont(size);
    }

    private static void assertOutline(String file, GVTFont font) throws Exception {
        assertEquals(outline(java(file, font.getSize())), outline(font.createGlyphVector(FRC, TEXT).getOutline()), file);
    }

    private static List<Double> outline(Font font) {
        return outline(font.createGlyphVector(FRC, TEXT).getOutline());
    }

    private static List<Double> outline(Shape shape) {
        List<Double> points = new ArrayList<>();
        double[] coordinates = new double[6];
        for (PathIterator path = shape.getPathIterator(null); !path.isDone(); path.next()) {
            int type = path.currentSegment(coordinates);
            points.add((double) type);
            for (double c : coordinates) points.add(c);
        }
        return points;
    }
}
