package dev.playbook.render.diagram;

import dev.playbook.render.ShippedFonts;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * The faces PlantUML measures and sets text in: DejaVu Sans and DejaVu Sans Mono, shipped in the
 * jar (the packs print with them too) and registered with Java once per process. With the
 * machine's own fonts, a diagram's boxes would be sized by whatever font its Java calls sans
 * serif, so the same definitions would draw differently on a machine without DejaVu; and on a
 * machine with no fonts at all (a slim container), Java would have nothing to measure with and
 * no diagram would be drawn. A machine that has DejaVu installed keeps its own copy, which Java
 * prefers to a registered one; both measure alike.
 */
final class BundledFonts {
    static final String SANS = ShippedFonts.SANS;
    static final String MONO = ShippedFonts.MONO;

    private BundledFonts() {
    }

    /**
     * Whether PlantUML can be told to use the faces: registered by this call (once per process)
     * or installed already. False where neither holds, such as a machine whose Java cannot write
     * its temporary folder (where it copies a font made from bytes) and has no DejaVu of its own:
     * the diagrams are then measured in the machine's fonts, as PlantUML does by itself.
     */
    static boolean available() {
        return Registration.DONE;
    }

    /** Registers the faces when first asked: the JVM runs this once, on whichever thread asks first. */
    private static final class Registration {
        static final boolean DONE = register();
    }

    private static boolean register() {
        GraphicsEnvironment fonts = GraphicsEnvironment.getLocalGraphicsEnvironment();
        for (ShippedFonts.Face face : ShippedFonts.FACES) {
            try (InputStream in = ShippedFonts.open(face)) {
                if (in == null) return false;
                // false when the machine has the family already, which then serves as well
                fonts.registerFont(Font.createFont(Font.TRUETYPE_FONT, in));
            } catch (IOException | FontFormatException | RuntimeException e) {
                break;
            }
        }
        return resolves(SANS) && resolves(MONO);
    }

    /** Whether Java finds the family by name, rather than falling back to its own default. */
    private static boolean resolves(String family) {
        try {
            return new Font(family, Font.PLAIN, 12).getFamily(Locale.ROOT).equalsIgnoreCase(family);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Error e) {
            // a machine with no fonts at all has no default to fall back to: Java says so with an Error
            return false;
        }
    }
}
