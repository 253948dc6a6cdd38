package dev.playbook.render.pdf;

import org.apache.batik.gvt.font.GVTFont;
import org.apache.batik.gvt.font.GVTFontFace;
import org.apache.batik.gvt.font.GVTFontFamily;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.font.TextAttribute;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.text.AttributedCharacterIterator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The faces a pack's diagrams are drawn in, by the family names a diagram may ask for. Batik,
 * which draws them, would otherwise set their text in whatever the machine's Java calls its sans
 * serif font, which differs from one machine to the next, through font caches of its own that
 * the whole process shares and that are not safe for two packs drawn at once.
 *
 * <p>Each face is made into a Java font once, when a build first draws a pack, and shared by
 * every pack after it on every thread: a Java font does not change once made.
 */
final class DiagramFaces {
    /** Names that mean a face whose letters are all as wide; every other name gets the sans face. */
    private static final Set<String> MONO_NAMES = Set.of("monospace", "monospaced", "dialoginput", "courier",
            "courier new", "dejavu sans mono");

    private final GVTFontFamily sans;
    private final GVTFontFamily mono;

    private DiagramFaces(GVTFontFamily sans, GVTFontFamily mono) {
        this.sans = sans;
        this.mono = mono;
    }

    /** @param faces the faces to draw with; each family needs an upright face of regular weight */
    static DiagramFaces of(Iterable<Face> faces) throws IOException, FontFormatException {
        Map<Style, Font> sans = new HashMap<>();
        Map<Style, Font> mono = new HashMap<>();
        for (Face face : faces) {
            Font font = Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(face.bytes()));
            (face.family().equals(PackFonts.MONO) ? mono : sans).put(new Style(face.weight() >= 600, face.italic()), font);
        }
        return new DiagramFaces(new Family(PackFonts.SANS, sans), new Family(PackFonts.MONO, mono));
    }

    /**
     * The family for a name in a diagram's {@code font-family}: the mono face for the names of
     * fixed-width fonts, the sans face for any other, as for the pack's own text. A diagram may
     * name a font (a PlantUML block in a playbook can), but the pack is the same on every machine
     * only if that font is never looked for.
     */
    GVTFontFamily family(String name) {
        return name != null && MONO_NAMES.contains(name.strip().toLowerCase(Locale.ROOT)) ? mono : sans;
    }

    /** A face to draw diagrams with. */
    record Face(String family, int weight, boolean italic, byte[] bytes) {
    }

    private record Style(boolean bold, boolean italic) {
        static final Style REGULAR = new Style(false, false);
    }

    /** One family's faces, chosen by the weight and posture Batik works out for each text. */
    private record Family(String name, Map<Style, Font> faces) implements GVTFontFamily {
        Family {
            if (!faces.containsKey(Style.REGULAR)) throw new IllegalArgumentException(name + " has no regular face");
            faces = Map.copyOf(faces);
        }

        @Override
        public String getFamilyName() {
            return name;
        }

        @Override
        public GVTFontFace getFontFace() {
            return new GVTFontFace(name);
        }

        @Override
        public GVTFont deriveFont(float size, AttributedCharacterIterator aci) {
            return deriveFont(size, aci.getAttributes());
        }

        @Override
        @SuppressWarnings("rawtypes")
        public GVTFont deriveFont(float size, Map attributes) {
            Object weight = attributes.get(TextAttribute.WEIGHT);
            Object posture = attributes.get(TextAttribute.POSTURE);
            // as CSS matches weights: 600 and above take the bold face
            boolean bold = weight instanceof Float w && w >= TextAttribute.WEIGHT_DEMIBOLD;
            boolean italic = posture instanceof Float p && p > 0;
            Font face = faces.get(new Style(bold, italic));
            if (face == null) face = faces.get(new Style(bold, false));
            if (face == null) face = faces.get(Style.REGULAR);
            return new DiagramFont(face.deriveFont(size), name);
        }

        @Override
        public boolean isComplex() {
            return false;
        }
    }
}
