package dev.playbook.render.pdf;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineNode;
import org.apache.pdfbox.text.PDFTextStripper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A PDF read back with PDFBox, with what the tests ask of it. */
final class PdfFile implements AutoCloseable {
    private final PDDocument document;

    private PdfFile(PDDocument document) {
        this.document = document;
    }

    static PdfFile open(Path file) throws IOException {
        return new PdfFile(Loader.loadPDF(file.toFile()));
    }

    static PdfFile of(byte[] bytes) throws IOException {
        return new PdfFile(Loader.loadPDF(bytes));
    }

    PDDocument document() {
        return document;
    }

    int pages() {
        return document.getNumberOfPages();
    }

    /** The text of every page, white space collapsed to single spaces. */
    String text() throws IOException {
        return text(1, pages());
    }

    /** The text of one page, counting from 1. */
    String pageText(int page) throws IOException {
        return text(page, page);
    }

    private String text(int from, int to) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        // in reading order: running headers and footers are drawn before or after the body
        stripper.setSortByPosition(true);
        stripper.setStartPage(from);
        stripper.setEndPage(to);
        return stripper.getText(document).replaceAll("\\s+", " ").trim();
    }

    /** The outline's top-level entries, each with the titles of the entries below it. */
    Map<String, List<String>> outline() {
        Map<String, List<String>> entries = new LinkedHashMap<>();
        for (PDOutlineItem item : document.getDocumentCatalog().getDocumentOutline().children()) {
            entries.put(item.getTitle(), titles(item));
        }
        return entries;
    }

    static List<String> titles(PDOutlineNode node) {
        List<String> titles = new ArrayList<>();
        for (PDOutlineItem child : node.children()) titles.add(child.getTitle());
        return titles;
    }

    PDOutlineItem outlineEntry(String title) {
        for (PDOutlineItem item : document.getDocumentCatalog().getDocumentOutline().children()) {
            if (item.getTitle().equals(title)) return item;
        }
        return null;
    }

    /** Every font any page uses, in its text or in the drawings it holds, by a name that says where. */
    Map<String, PDFont> fonts() throws IOException {
        Map<String, PDFont> fonts = new LinkedHashMap<>();
        int number = 1;
        for (PDPage page : document.getPages()) {
            collect(page.getResources(), "page " + number++, fonts);
        }
        return fonts;
    }

    private static void collect(PDResources resources, String where, Map<String, PDFont> fonts) throws IOException {
        if (resources == null) return;
        for (COSName name : resources.getFontNames()) fonts.put(where + " " + name.getName(), resources.getFont(name));
        for (COSName name : resources.getXObjectNames()) {
            PDXObject object = resources.getXObject(name);
            if (object instanceof PDFormXObject form) collect(form.getResources(), where + " " + name.getName(), fonts);
        }
    }

    @Override
    public void close() throws IOException {
        document.close();
    }
}
