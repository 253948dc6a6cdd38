package dev.playbook.render.pdf;

import dev.playbook.model.PaperSize;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

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

    /** Gives every SVG in the document a size in millimetres, and its title as the text that stands for it. */
    void fit(Document document) {
        NodeList svgs = document.getElementsByTagNameNS(SVG_NS, "svg");
        for (int i = 0; i < svgs.getLength(); i++) {
            Element svg = (Element) svgs.item(i);
            if (svg.getParentNode() instanceof Element parent && SVG_NS.equals(parent.getNamespaceURI())) continue;
            String[] box = svg.getAttribute("viewBox").trim().split("[\\s,]+");
            if (box.length != 4) continue;
            double w = Double.parseDouble(box[2]) * MM_PER_PX;
            double h = Double.parseDouble(box[3]) * MM_PER_PX;
            if (w <= 0 || h <= 0) continue;
            boolean landscape = hasAncestorClass(svg, "wide");
            double maxWidth = (landscape ? height : width) - SIDES;
            double maxHeight = hasAncestorClass(svg, "flow-figure")
                    ? (landscape ? width : height) - TOP_AND_BOTTOM - HEADING : INLINE_HEIGHT;
            double scale = Math.min(1, Math.min(maxWidth / w, maxHeight / h));
            svg.removeAttribute("style");
            svg.setAttribute("width", mm(w * scale));
            svg.setAttribute("height", mm(h * scale));
            NodeList titles = svg.getElementsByTagNameNS(SVG_NS, "title");
            if (titles.getLength() > 0 && !svg.hasAttribute("alt")) svg.setAttribute("alt", titles.item(0).getTextContent());
        }
    }

    private static String mm(double value) {
        return String.format(Locale.ROOT, "%.1fmm", value);
    }

    private static boolean hasAncestorClass(Element element, String name) {
        for (Node n = element.getParentNode(); n instanceof Element e; n = e.getParentNode()) {
            for (String c : e.getAttribute("class").split("\\s+")) if (c.equals(name)) return true;
        }
        return false;
    }
}
