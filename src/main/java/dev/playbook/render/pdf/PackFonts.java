package dev.playbook.render.pdf;

import com.openhtmltopdf.css.constants.IdentValue;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfBoxFontResolver;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import dev.playbook.diagnostics.Failure;
import dev.playbook.render.RenderException;
import dev.playbook.render.ShippedFonts;
import dev.playbook.render.ShippedFonts.Face;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fonts a pack is set in: DejaVu Sans, shipped in the jar with its licence, because the
 * fourteen fonts every PDF viewer has cover no Polish letters (ż, ś, ł print as #). Every font
 * is embedded, subset to the letters used.
 */
final class PackFonts {
    static final String SANS = ShippedFonts.SANS;
    static final String MONO = ShippedFonts.MONO;

    /** The font files' bytes, read once: every pack of a build uses the same ones. */
    private final Map<Face, byte[]> files = new LinkedHashMap<>();
    /** The same faces for the diagrams, which Batik draws with Java's fonts rather than PDFBox's. */
    private final DiagramFaces diagramFaces;
    /** The faces parsed on each thread, by {@link #parsed}. */
    private final ThreadLocal<Map<Face, TrueTypeFont>> parsedFaces = ThreadLocal.withInitial(HashMap::new);

    PackFonts() throws RenderException {
        for (Face face : ShippedFonts.FACES) {
            try (InputStream in = ShippedFonts.open(face)) {
                if (in == null) throw new RenderException("the jar is missing the font " + face.file(), null);
                files.put(face, withoutTable(in.readAllBytes(), "GSUB"));
            } catch (IOException e) {
                throw new RenderException("cannot read the font " + face.file() + " from the jar: " + e.getMessage(), e);
            }
        }
        List<DiagramFaces.Face> forDiagrams = new ArrayList<>();
        files.forEach((face, bytes) -> forDiagrams.add(
                new DiagramFaces.Face(face.family(), face.weight(), face.italic(), bytes)));
        try {
            diagramFaces = DiagramFaces.of(forDiagrams);
        } catch (IOException e) {
            // Java copies a font made from bytes into its temporary folder first; that is all it reads or writes
            String why = String.valueOf(e.getMessage()).replaceFirst("\\.$", "");
            throw new RenderException(Failure.output("cannot draw the onboarding packs: Java keeps the fonts of their "
                    + "diagrams in its temporary folder " + System.getProperty("java.io.tmpdir") + ", and could not ("
                    + why + "). Make that folder writable, name another with "
                    + "PLAYBOOK_JAVA_OPTS=-Djava.io.tmpdir=FOLDER, or leave the packs out with `pdf: false` in site.yaml"), e);
        } catch (FontFormatException | RuntimeException e) {
            throw new RenderException("cannot make the pack's fonts for its diagrams: " + e.getMessage(), e);
        }
    }

    /** The pack's faces for its diagrams, made once and shared by every pack and thread. */
    DiagramFaces diagramFaces() {
        return diagramFaces;
    }

    /**
     * The font without one of its tables. PDFBox applies the glyph substitutions of a font's GSUB
     * table, which turn "fi" into the single letter "ﬁ": text copied or searched in the PDF would
     * then no longer match what the author wrote. Only the table directory changes; the data of
     * every table stays where it was.
     */
    static byte[] withoutTable(byte[] font, String tag) {
        ByteBuffer in = ByteBuffer.wrap(font);
        int count = Short.toUnsignedInt(in.getShort(4));
        int found = -1;
        for (int i = 0; i < count; i++) {
            String name = new String(font, 12 + 16 * i, 4, StandardCharsets.US_ASCII);
            if (name.equals(tag)) found = i;
        }
        if (found < 0) return font;
        byte[] out = font.clone();
        ByteBuffer header = ByteBuffer.wrap(out);
        int tables = count - 1;
        int power = Integer.highestOneBit(tables);
        header.putShort(4, (short) tables);
        header.putShort(6, (short) (power * 16));
        header.putShort(8, (short) Integer.numberOfTrailingZeros(power));
        header.putShort(10, (short) (tables * 16 - power * 16));
        int record = 12 + 16 * found;
        System.arraycopy(font, record + 16, out, record, 16 * (count - found - 1));
        Arrays.fill(out, 12 + 16 * tables, 12 + 16 * count, (byte) 0);
        return out;
    }

    /**
     * Gives the pack's fonts to {@code builder}, which draws into {@code document}. The faces its
     * text is set in are parsed once on each thread that draws packs, not once per pack: a parsed
     * face is a few megabytes of tables that a pack's drawing held for its whole length, and
     * parsing them again for every pack was much of the collector's work in a build with packs.
     * A parsed face is not for two threads at once (PDFBox reads its glyphs as it goes), and
     * each pack is drawn and saved on one thread.
     */
    void register(PdfRendererBuilder builder, PDDocument document) {
        for (Map.Entry<Face, byte[]> entry : files.entrySet()) {
            Face face = entry.getKey();
            byte[] bytes = entry.getValue();
            builder.useFont(loaded(face, bytes, document), face.family(), face.weight(), face.italic() ? FontStyle.ITALIC : FontStyle.NORMAL, true);
        }
    }

    /**
     * Makes the sans faces the last resort of {@code resolver}, which draws into {@code document}:
     * text in a font a template names but the pack does not have is set in DejaVu, not dropped.
     * Given to the resolver rather than the builder, whose fallbacks take only a stream to parse
     * anew, and which every pack's layout loads.
     */
    void registerFallback(PdfBoxFontResolver resolver, PDDocument document) {
        for (Map.Entry<Face, byte[]> entry : files.entrySet()) {
            Face face = entry.getKey();
            if (!face.family().equals(SANS)) continue;
            resolver.addFont(loaded(face, entry.getValue(), document), face.family(), face.weight(),
                    face.italic() ? IdentValue.ITALIC : IdentValue.NORMAL, true,
                    PdfBoxFontResolver.FontGroup.FINAL_FALLBACK);
        }
    }

    /** Loads a face into {@code document} from this thread's parse, when a pack first needs it. */
    private PDFontSupplier loaded(Face face, byte[] bytes, PDDocument document) {
        return new PDFontSupplier(null) {
            @Override
            public PDFont supply() {
                try {
                    // not closed with the document: the next pack on this thread uses it again
                    return PDType0Font.load(document, parsed(face, bytes), true);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read the font " + face.file() + ": " + e.getMessage(), e);
                }
            }
        };
    }

    /** This thread's parse of the face in {@code file}, made on first use. */
    TrueTypeFont parsed(String file) throws IOException {
        for (Map.Entry<Face, byte[]> entry : files.entrySet()) {
            if (entry.getKey().file().equals(file)) return parsed(entry.getKey(), entry.getValue());
        }
        throw new IllegalArgumentException("no face in " + file);
    }

    private TrueTypeFont parsed(Face face, byte[] bytes) throws IOException {
        Map<Face, TrueTypeFont> mine = parsedFaces.get();
        TrueTypeFont font = mine.get(face);
        if (font == null) {
            font = new TTFParser().parse(new RandomAccessReadBuffer(bytes));
            mine.put(face, font);
        }
        return font;
    }
}
