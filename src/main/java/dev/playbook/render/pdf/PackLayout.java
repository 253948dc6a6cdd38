package dev.playbook.render.pdf;

import dev.playbook.model.PaperSize;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sizes the diagrams of a pack for the paper. A diagram on a page comes as SVG with only a view
 * box, which a browser scales to the column; on paper it needs a size of its own: the flowchart
 * fills its page (a landscape one when it is wider than tall), other diagrams the column width.
 */
final class PackLayout {
    private static final String SVG_NS = "http://www.w3.org/2000/svg";
    private static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"[-\\d.]+[ ,]+[-\\d.]+[ ,]+([\\d.]+)[ ,]+([\\d.]+)\"");
    /** The page margins of print/pack.css, in millimetres, and room for a page's heading. */
    private static final double SIDES = 36;
    private static final double TOP_AND_BOTTOM = 44;
    private static final double HEADING = 18;
    /** A diagram inside the text is never taller than this. */
    private static final double INLINE_HEIGHT = 110;
    /** A flowchart is not shrunk below this to fit one page; it is cut into slices instead. */
    private static final double READABLE = 0.6;
    /** How much of a slice the next one shows again, so that nothing cut at an edge is lost. */
    private static final double OVERLAP = 0.04;
    private static final String XHTML_NS = "http://www.w3.org/1999/xhtml";
    /** PlantUML draws at 96 dots per inch; a diagram is never drawn larger than that. */
    private static final double MM_PER_PX = 25.4 / 96;

    private final double width;
    private final double height;

    PackLayout(PaperSize paper) {
        this.width = paper == PaperSize.LETTER ? 215.9 : 210;
        this.height = paper == PaperSize.LETTER ? 279.4 : 297;
    }

    /** The CSS name of the paper, for {@code @page { size: ... }}. */
    static String cssSize(PaperSize paper) {
        return paper == PaperSize.LETTER ? "letter" : "A4";
    }

    /** Whether an SVG is wider than tall, and so drawn on a landscape page. */
    static boolean isWide(String svg) {
        Matcher m = VIEW_BOX.matcher(svg);
        return m.find() && Double.parseDouble(m.group(1)) > 1.15 * Double.parseDouble(m.group(2));
    }

    /**
     * Gives every SVG in the document a size in millimetres, and its title as the text that stands
     * for it. A flowchart that would have to shrink below {@link #READABLE} to fit its page is cut
     * into page-high slices instead, each a view of the same drawing, overlapping a little.
     */
    void fit(Document document) {
        NodeList found = document.getElementsByTagNameNS(SVG_NS, "svg");
        List<Element> svgs = new ArrayList<>();
        for (int i = 0; i < found.getLength(); i++) svgs.add((Element) found.item(i));
        for (Element svg : svgs) {
            if (svg.getParentNode() instanceof Element parent && SVG_NS.equals(parent.getNamespaceURI())) continue;
            double[] box = viewBox(svg);
            if (box == null) continue;
            double w = box[2] * MM_PER_PX;
            double h = box[3] * MM_PER_PX;
            boolean landscape = hasAncestorClass(svg, "wide");
            boolean flowchart = hasAncestorClass(svg, "flow-figure");
            double maxWidth = (landscape ? height : width) - SIDES;
            double maxHeight = flowchart ? (landscape ? width : height) - TOP_AND_BOTTOM - HEADING : INLINE_HEIGHT;
            double scale = Math.min(1, Math.min(maxWidth / w, maxHeight / h));
            NodeList titles = svg.getElementsByTagNameNS(SVG_NS, "title");
            if (titles.getLength() > 0 && !svg.hasAttribute("alt")) svg.setAttribute("alt", titles.item(0).getTextContent());
            svg.removeAttribute("style");
            double widthScale = Math.min(1, maxWidth / w);
            if (flowchart && scale < READABLE && h * widthScale > maxHeight) {
                slice(svg, box, widthScale * MM_PER_PX, maxHeight);
            } else {
                size(svg, w * scale, h * scale);
            }
        }
    }

    /** Replaces the SVG with slices of it, each at most a page high, in blocks the stylesheet puts on pages of their own. */
    private static void slice(Element svg, double[] box, double mmPerUnit, double pageHeight) {
        double sliceUnits = pageHeight / mmPerUnit;
        double overlap = sliceUnits * OVERLAP;
        int count = (int) Math.ceil((box[3] - overlap) / (sliceUnits - overlap));
        Node parent = svg.getParentNode();
        String alt = svg.getAttribute("alt");
        for (int k = 0; k < count; k++) {
            double top = box[1] + k * (sliceUnits - overlap);
            double high = Math.min(sliceUnits, box[1] + box[3] - top);
            Element copy = (Element) svg.cloneNode(true);
            copy.setAttribute("viewBox", String.format(Locale.ROOT, "%s %s %s %s", num(box[0]), num(top), num(box[2]), num(high)));
            size(copy, box[2] * mmPerUnit, high * mmPerUnit);
            copy.setAttribute("alt", alt + " (" + (k + 1) + "/" + count + ")");
            Element block = svg.getOwnerDocument().createElementNS(XHTML_NS, "div");
            block.setAttribute("class", k == 0 ? "flow-slice" : "flow-slice continued");
            block.appendChild(copy);
            parent.insertBefore(block, svg);
        }
        parent.removeChild(svg);
    }

    private static double[] viewBox(Element svg) {
        String[] box = svg.getAttribute("viewBox").trim().split("[\\s,]+");
        if (box.length != 4) return null;
        try {
            double[] numbers = new double[4];
            for (int i = 0; i < 4; i++) numbers[i] = Double.parseDouble(box[i]);
            return numbers[2] > 0 && numbers[3] > 0 ? numbers : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String num(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /**
     * Sizes an SVG by its style: openhtmltopdf takes an SVG's own size from its view box where it
     * can, and lets only CSS override it.
     */
    private static void size(Element svg, double widthMm, double heightMm) {
        svg.removeAttribute("width");
        svg.removeAttribute("height");
        svg.setAttribute("style", String.format(Locale.ROOT, "width: %.1fmm; height: %.1fmm", widthMm, heightMm));
    }

    private static boolean hasAncestorClass(Element element, String name) {
        for (Node n = element.getParentNode(); n instanceof Element e; n = e.getParentNode()) {
            for (String c : e.getAttribute("class").split("\\s+")) if (c.equals(name)) return true;
        }
        return false;
    }
}
