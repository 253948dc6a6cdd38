package dev.playbook.render;

import java.io.InputStream;
import java.util.List;

/**
 * The faces the jar ships in its {@code /fonts} folder, with their licence: DejaVu Sans and DejaVu
 * Sans Mono. The packs are set in them, and PlantUML measures the diagrams' text in them, so both
 * read one list.
 */
public final class ShippedFonts {
    public static final String SANS = "DejaVu Sans";
    public static final String MONO = "DejaVu Sans Mono";

    /** One face: its file in {@code /fonts}, its family, weight (400 or 700) and slant. */
    public record Face(String file, String family, int weight, boolean italic) {
    }

    public static final List<Face> FACES = List.of(
            new Face("DejaVuSans.ttf", SANS, 400, false),
            new Face("DejaVuSans-Bold.ttf", SANS, 700, false),
            new Face("DejaVuSans-Oblique.ttf", SANS, 400, true),
            new Face("DejaVuSans-BoldOblique.ttf", SANS, 700, true),
            new Face("DejaVuSansMono.ttf", MONO, 400, false));

    private ShippedFonts() {
    }

    /** The face's file, to be closed by the caller; null when the jar lacks it. */
    public static InputStream open(Face face) {
        return ShippedFonts.class.getResourceAsStream("/fonts/" + face.file());
    }
}
