package dev.playbook.render.pdf;

import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import org.apache.fontbox.FontBoxFont;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.font.CIDFontMapping;
import org.apache.pdfbox.pdmodel.font.FontMapper;
import org.apache.pdfbox.pdmodel.font.FontMappers;
import org.apache.pdfbox.pdmodel.font.FontMapping;
import org.apache.pdfbox.pdmodel.font.PDCIDSystemInfo;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.xml.DomXmpParser;
import org.apache.xmpbox.xml.XmpSerializer;
import org.w3c.dom.Document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import java.util.logging.Level;

/**
 * Draws an XHTML document into a tagged PDF (PDF/UA mode) with openhtmltopdf, and makes the
 * result depend on its input alone: PDFBox would stamp the time of the build into the document's
 * dates and id, and two builds of the same playbook must give the same bytes.
 */
final class PdfMaker {
    static {
        // the library reports what it cannot draw on the console; a build speaks for itself
        XRLog.setLoggerImpl(new Silent());
        // openhtmltopdf asks PDFBox for two of the fonts every viewer has (for forms, which a pack
        // has none of), and PDFBox would look for them among the machine's fonts, writing a font
        // cache into the user's home folder and warning when it finds none: it gets PDFBox's own
        // stand-in font at once instead. Every font a pack shows is embedded.
        FontMappers.set(new NoSystemFonts());
    }

    private final PackFonts fonts;

    PdfMaker(PackFonts fonts) {
        this.fonts = fonts;
    }

    /**
     * @param documentId the PDF's id, from a hash of its input
     * @param date the day the playbook last changed, which the PDF gives as its date; or null for none
     */
    OnboardingPack.Pack draw(Document xhtml, String producer, long documentId, LocalDate date) throws IOException {
        // made here rather than by the builder, as the fonts are loaded into it
        PDDocument document = new PDDocument();
        PdfBoxRenderer renderer;
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePdfUaAccessibility(true);
            builder.useSVGDrawer(new PackSvgDrawer(fonts.diagramFaces()));
            builder.usePDDocument(document);
            fonts.register(builder, document);
            // nothing is fetched: no images from the web, no files from the disk
            builder.useExternalResourceAccessControl((uri, type) -> false, ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
            builder.useExternalResourceAccessControl((uri, type) -> false, ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
            builder.withW3cDocument(xhtml, "about:blank");
            builder.withProducer(producer);
            renderer = builder.buildPdfRenderer();
            fonts.registerFallback(renderer.getFontResolver(), document);
        } catch (RuntimeException e) {
            document.close();
            throw e;
        }
        try (PDDocument pdf = renderer.createPDFKeepOpen()) {
            settle(pdf, documentId, date);
            ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
            pdf.save(out);
            return new OnboardingPack.Pack(out.toByteArray(), pdf.getNumberOfPages());
        } finally {
            renderer.close();
        }
    }

    /** Replaces the build's time in the document's dates and id with what the input says. */
    private static void settle(PDDocument pdf, long documentId, LocalDate date) throws IOException {
        Calendar day = date == null ? null : calendar(date);
        PDDocumentInformation info = pdf.getDocumentInformation();
        info.setCreationDate(day);
        info.setModificationDate(day);
        PDMetadata metadata = pdf.getDocumentCatalog().getMetadata();
        if (metadata != null) {
            try {
                DomXmpParser parser = new DomXmpParser();
                parser.setStrictParsing(false);
                XMPMetadata xmp = parser.parse(metadata.toByteArray());
                XMPBasicSchema basic = xmp.getXMPBasicSchema();
                if (basic != null) {
                    if (basic.getCreateDateProperty() != null) basic.removeProperty(basic.getCreateDateProperty());
                    if (basic.getModifyDateProperty() != null) basic.removeProperty(basic.getModifyDateProperty());
                    if (day != null) {
                        basic.setCreateDate(day);
                        basic.setModifyDate(day);
                    }
                }
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                new XmpSerializer().serialize(xmp, bytes, true);
                metadata.importXMPMetadata(bytes.toString(StandardCharsets.UTF_8)
                        .replace(" lang=\"x-default\"", " xml:lang=\"x-default\"").getBytes(StandardCharsets.UTF_8));
            } catch (Exception e) {
                throw new IOException("cannot settle the PDF's metadata: " + e.getMessage(), e);
            }
        }
        pdf.setDocumentId(documentId);
    }

    private static Calendar calendar(LocalDate date) {
        Calendar c = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        c.clear();
        c.set(date.getYear(), date.getMonthValue() - 1, date.getDayOfMonth());
        return c;
    }

    /** Answers every request for a font by name with PDFBox's bundled stand-in, never with a system font. */
    private static final class NoSystemFonts implements FontMapper {
        private TrueTypeFont standIn;

        private synchronized TrueTypeFont standIn() {
            if (standIn == null) {
                try (InputStream in = FontMapper.class.getResourceAsStream("/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf")) {
                    if (in == null) throw new IllegalStateException("PDFBox's stand-in font is missing from the jar");
                    standIn = new TTFParser().parse(new RandomAccessReadBuffer(in));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read PDFBox's stand-in font", e);
                }
            }
            return standIn;
        }

        @Override
        public FontMapping<TrueTypeFont> getTrueTypeFont(String baseFont, PDFontDescriptor descriptor) {
            return new FontMapping<>(standIn(), false);
        }

        @Override
        public FontMapping<FontBoxFont> getFontBoxFont(String baseFont, PDFontDescriptor descriptor) {
            return new FontMapping<>(standIn(), false);
        }

        @Override
        public CIDFontMapping getCIDFont(String baseFont, PDFontDescriptor descriptor, PDCIDSystemInfo info) {
            return new CIDFontMapping(null, standIn(), false);
        }
    }

    /** Keeps the library quiet; what goes wrong surfaces as an exception or in the checked output. */
    private static final class Silent implements XRLogger {
        @Override
        public void log(String where, Level level, String msg) {
        }

        @Override
        public void log(String where, Level level, String msg, Throwable th) {
        }

        @Override
        public void setLevel(String logger, Level level) {
        }

        @Override
        public boolean isLogLevelEnabled(Diagnostic diagnostic) {
            return false;
        }
    }
}
