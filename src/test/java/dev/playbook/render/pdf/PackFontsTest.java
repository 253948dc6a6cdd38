package dev.playbook.render.pdf;

import dev.playbook.render.RenderException;
import dev.playbook.testing.ChildJvm;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.FutureTask;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PackFontsTest {

    private static byte[] bundled(String file) throws IOException {
        try (InputStream in = PackFontsTest.class.getResourceAsStream("/fonts/" + file)) {
            assertNotNull(in, file + " is not in the jar");
            return in.readAllBytes();
        }
    }

    private static TrueTypeFont parse(byte[] font) throws IOException {
        return new TTFParser().parse(new RandomAccessReadBuffer(font));
    }

    @Test
    void dropsTheSubstitutionTableAndKeepsEveryOther() throws IOException {
        byte[] font = bundled("DejaVuSans.ttf");
        try (TrueTypeFont before = parse(font); TrueTypeFont after = parse(PackFonts.withoutTable(font, "GSUB"))) {
            Set<String> expected = new HashSet<>(before.getTableMap().keySet());
            assertTrue(expected.remove("GSUB"), "DejaVu Sans has a GSUB table to drop");
            assertEquals(expected, after.getTableMap().keySet());
            assertEquals(before.getNumberOfGlyphs(), after.getNumberOfGlyphs());
            int ogonek = before.getUnicodeCmapLookup().getGlyphId('ą');
            assertTrue(ogonek > 0);
            assertEquals(ogonek, after.getUnicodeCmapLookup().getGlyphId('ą'));
            assertEquals(before.getAdvanceWidth(ogonek), after.getAdvanceWidth(ogonek));
        }
    }

    @Test
    void aFontWithoutTheTableIsLeftAsItIs() throws IOException {
        byte[] once = PackFonts.withoutTable(bundled("DejaVuSansMono.ttf"), "GSUB");
        assertArrayEquals(once, PackFonts.withoutTable(once, "GSUB"));
        try (TrueTypeFont font = parse(once)) {
            assertFalse(font.getTableMap().containsKey("GSUB"));
        }
    }

    @Test
    void theFontsLicenceShipsBesideThem() throws IOException {
        String licence = new String(bundled("LICENSE"), StandardCharsets.UTF_8);
        assertTrue(licence.contains("Bitstream Vera Fonts Copyright"));
        assertTrue(licence.contains("DejaVu changes are in public domain"));
    }

    /** A parsed face is a few megabytes: a thread parses it once for all its packs, but never shares it, as PDFBox reads it as it goes. */
    @Test
    void eachThreadParsesAFaceOnceAndKeepsItToItself() throws Exception {
        PackFonts fonts = new PackFonts();
        TrueTypeFont mine = fonts.parsed("DejaVuSans-Bold.ttf");
        assertSame(mine, fonts.parsed("DejaVuSans-Bold.ttf"));
        assertNotSame(mine, fonts.parsed("DejaVuSans.ttf"));
        FutureTask<TrueTypeFont> elsewhere = new FutureTask<>(() -> fonts.parsed("DejaVuSans-Bold.ttf"));
        new Thread(elsewhere).start();
        assertNotSame(mine, elsewhere.get());
        assertNotSame(mine, new PackFonts().parsed("DejaVuSans-Bold.ttf"), "another build's fonts are its own");
    }
    @Test
    void aTemporaryFolderJavaCannotWriteIsNamedInAnErrorThatSaysWhatToDo(@TempDir Path temp) throws Exception {
        Path missing = temp.resolve("no-such-folder");

        ChildJvm.Result run = ChildJvm.run(missing, MakesPackFonts.class);

        assertEquals(0, run.code(), run::output);
        String said = run.output().strip();
        assertTrue(said.startsWith("failed output: cannot draw the onboarding packs"), said);
        assertTrue(said.contains("temporary folder " + missing.toAbsolutePath()), said);
        assertTrue(said.contains("-Djava.io.tmpdir=") && said.contains("pdf: false"), said);
        assertFalse(Files.exists(missing), "the folder was made after all");
    }

    /** Makes the pack's fonts in a JVM of its own, whose temporary folder the test chose. */
    static final class MakesPackFonts {
        public static void main(String[] args) {
            try {
                new PackFonts();
                System.out.println("made");
            } catch (RenderException e) {
                System.out.println("failed " + e.failure().kind().label() + ": " + e.getMessage());
            }
        }
    }
}
