package dev.playbook.render.diagram;

import dev.playbook.model.LinkPolicy;
import dev.playbook.render.SafeXml;
import dev.playbook.render.TextBuffer;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerConfigurationException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns PlantUML's SVG into markup fit to sit inside an HTML5 page: no processing instructions
 * or attributes the HTML checker rejects, a size that follows the page width, an accessible
 * title and description, and no link or script that could run code in the reader's browser.
 */
final class SvgCleaner {
    /** Bump when the cleaning changes, so cached diagrams are cleaned again. */
    static final String VERSION = "svg-9";
    private static final String SVG_NS = "http://www.w3.org/2000/svg";
    private static final String XLINK_NS = "http://www.w3.org/1999/xlink";
    private static final Set<String> DROPPED_ROOT_ATTRIBUTES = Set.of("width", "height", "style", "zoomAndPan",
            "contentStyleType", "preserveAspectRatio", "version");
    /**
     * Elements that run code, load pages or change links, in lower case: a page parses the SVG as
     * HTML, where {@code <SCRIPT>} is a script too. PlantUML draws none of them from author text.
     */
    static final Set<String> DROPPED_ELEMENTS = Set.of("script", "foreignobject", "iframe", "frame", "object",
            "embed", "applet", "base", "meta", "link", "form", "animate", "animatemotion", "animatetransform", "set",
            "handler", "listener");

    /**
     * @param idPrefix makes the ids of the title and description unique on the page
     * @param title what the diagram shows, read out by screen readers
     */
    public String clean(String svg, String idPrefix, String title, String description) {
        return labelled(cleanDrawing(svg, idPrefix), idPrefix, title, description);
    }

    /**
     * The drawing cleaned, without its title and description, whose ids its root already names:
     * what the cache keeps, so that a diagram whose source is unchanged (a playbook renamed, say)
     * is not drawn again for new labels. Only {@link #labelled} makes it whole.
     */
    String cleanDrawing(String svg, String idPrefix) {
        try {
            Document doc = SafeXml.parse(parsers.get(), svg);
            Element root = doc.getDocumentElement();
            removeInstructionsAndComments(root);
            for (String name : DROPPED_ROOT_ATTRIBUTES) root.removeAttribute(name);
            String viewBox = root.getAttribute("viewBox");
            root.setAttribute("class", "diagram-svg");
            if (!viewBox.isEmpty()) {
                String[] box = viewBox.trim().split("\\s+");
                if (box.length == 4) root.setAttribute("style", "max-width:" + box[2] + "px");
            }
            // a picture with links in it is a group: role=img would hide the links from screen readers
            root.setAttribute("role", holdsLink(root) ? "group" : "img");
            root.setAttribute("aria-labelledby", idPrefix + "-title " + idPrefix + "-desc");
            sanitize(root);
            slim(root);
            textFittedWhole(root);
            genericFontNames(root, null);
            // the cleaning leaves no xlink attribute, so its namespace needs no declaration
            root.removeAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xlink");
            return serialize(doc);
        } catch (Exception e) {
            throw new IllegalStateException("PlantUML produced SVG that cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * A cleaned drawing with its title and description as the root's first children, as the
     * root's {@code aria-labelledby} names them. The drawing may come from the cache, which others
     * can write: it must have passed {@link SvgSafetyCheck}, which also makes sure it begins with
     * its root; the labels go after that root's start tag, found with its quoted values skipped.
     */
    static String labelled(String drawing, String idPrefix, String title, String description) {
        int end = endOfRootStartTag(drawing);
        StringBuilder out = new StringBuilder(drawing.length() + title.length() + description.length() + 96);
        boolean empty = drawing.charAt(end - 1) == '/';
        out.append(drawing, 0, empty ? end - 1 : end).append('>');
        // a control character from YAML's escapes would make the drawing XML no parser reads
        out.append("<title id=\"").append(idPrefix).append("-title\">");
        escape(SafeXml.withoutForbiddenChars(title), false, out);
        out.append("</title><desc id=\"").append(idPrefix).append("-desc\">");
        escape(SafeXml.withoutForbiddenChars(description), false, out);
        out.append("</desc>");
        if (empty) return out.append("</svg>").toString();
        return out.append(drawing, end + 1, drawing.length()).toString();
    }

    /** The index of the {@code >} that ends the root's start tag, which {@code svg} begins with. */
    private static int endOfRootStartTag(String svg) {
        if (!svg.startsWith("<svg")) throw new IllegalArgumentException("not a drawing's root: " + svg.substring(0, Math.min(20, svg.length())));
        char quote = 0;
        for (int i = 4; i < svg.length(); i++) {
            char c = svg.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return i;
            }
        }
        throw new IllegalArgumentException("the drawing's root is not closed");
    }

    /** Parsers and serializers are not for many threads, and costly to make: each drawing thread keeps its own. */
    private final ThreadLocal<DocumentBuilder> parsers = ThreadLocal.withInitial(SafeXml::newParser);
    private final ThreadLocal<Transformer> serializers = ThreadLocal.withInitial(SvgCleaner::newSerializer);

    /** Whether an SVG link lies anywhere below {@code node}. */
    private static boolean holdsLink(Node node) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e && (("a".equals(e.getLocalName()) && SVG_NS.equals(e.getNamespaceURI())) || holdsLink(e))) {
                return true;
            }
        }
        return false;
    }

    private static void removeInstructionsAndComments(Node node) {
        NodeList children = node.getChildNodes();
        for (int i = children.getLength() - 1; i >= 0; i--) {
            Node child = children.item(i);
            if (child.getNodeType() == Node.PROCESSING_INSTRUCTION_NODE || child.getNodeType() == Node.COMMENT_NODE) {
                node.removeChild(child);
            } else {
                removeInstructionsAndComments(child);
            }
        }
    }

    private static void sanitize(Element element) {
        List<String> drop = new ArrayList<>();
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Node a = attributes.item(i);
            String name = a.getNodeName();
            String local = a.getLocalName() == null ? name : a.getLocalName();
            String value = a.getNodeValue().trim();
            boolean isLink = local.equals("href");
            if (local.toLowerCase(Locale.ROOT).startsWith("on")
                    || (isLink && !LinkPolicy.allows(value))
                    || (XLINK_NS.equals(a.getNamespaceURI()) && !local.equals("href"))
                    || (local.equals("lengthAdjust") && !element.getLocalName().equals("text"))
                    || (element.getLocalName().equals("a") && (local.equals("title") || local.equals("target")))
                    || local.startsWith("data-")) {
                drop.add(name);
            }
        }
        for (String name : drop) element.removeAttribute(name);
        // an xlink:href that duplicates href is noise; one that stands alone is kept as href
        if (element.hasAttributeNS(XLINK_NS, "href")) {
            String link = element.getAttributeNS(XLINK_NS, "href");
            element.removeAttributeNS(XLINK_NS, "href");
            if (!element.hasAttribute("href") && LinkPolicy.allows(link)) {
                element.setAttribute("href", link);
            }
        }
        NodeList children = element.getChildNodes();
        for (int i = children.getLength() - 1; i >= 0; i--) {
            Node child = children.item(i);
            if (child instanceof Element e) {
                if (DROPPED_ELEMENTS.contains(e.getLocalName().toLowerCase(Locale.ROOT))) {
                    element.removeChild(e);
                } else {
                    sanitize(e);
                }
            }
        }
        if ("a".equals(element.getLocalName()) && !element.hasAttribute("href")) unwrap(element);
    }

    /**
     * Drops what PlantUML writes that changes nothing in the picture: empty {@code <defs/>}, the
     * default {@code stroke-linejoin:miter}, a corner radius {@code ry} equal to {@code rx} (which
     * it then is anyway), and a style's trailing semicolon. Every page that shows a diagram, and
     * the cache, carry that much less.
     */
    private static void slim(Element element) {
        if (element.hasAttribute("style")) {
            String style = element.getAttribute("style").replace("stroke-linejoin:miter;", "");
            if (style.endsWith(";")) style = style.substring(0, style.length() - 1);
            if (style.isEmpty()) element.removeAttribute("style");
            else element.setAttribute("style", style);
        }
        if ("rect".equals(element.getLocalName()) && element.hasAttribute("ry")
                && element.getAttribute("ry").equals(element.getAttribute("rx"))) {
            element.removeAttribute("ry");
        }
        NodeList children = element.getChildNodes();
        for (int i = children.getLength() - 1; i >= 0; i--) {
            if (!(children.item(i) instanceof Element child)) continue;
            if ("defs".equals(child.getLocalName()) && !child.hasChildNodes()) {
                element.removeChild(child);
            } else {
                slim(child);
            }
        }
    }

    /**
     * Fits each line of text to the width PlantUML measured by scaling it whole, not by spacing
     * its letters: Chromium lays out and paints text spaced to a length one glyph at a time, which
     * made a third of the flowchart page's work as it loads (Lighthouse counted it as blocking
     * time on a phone). Scaled whole, a line is one run; in the faces PlantUML measured with
     * ({@link BundledFonts}) the scale is 1, and in a reader's other face the line still fits its box.
     */
    private static void textFittedWhole(Element element) {
        if ("text".equals(element.getLocalName()) && element.hasAttribute("textLength")) {
            element.setAttribute("lengthAdjust", "spacingAndGlyphs");
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) textFittedWhole(e);
        }
    }

    /**
     * Names the fonts PlantUML measured with ({@link BundledFonts}) by the generic families a
     * page's reader has, as PlantUML names the machine's own: the drawing's text keeps the widths
     * it was measured at ({@code textLength}) in whatever face the reader's browser picks. Text in
     * the family its group already names loses the repeated name.
     */
    private static void genericFontNames(Element element, String inherited) {
        String family = inherited;
        if (element.hasAttribute("font-family")) {
            String named = element.getAttribute("font-family").strip().replace("'", "").replace("\"", "");
            String generic = named.equalsIgnoreCase(BundledFonts.SANS) ? "sans-serif"
                    : named.equalsIgnoreCase(BundledFonts.MONO) ? "monospace" : null;
            if (generic != null && generic.equals(inherited)) {
                element.removeAttribute("font-family");
            } else if (generic != null) {
                element.setAttribute("font-family", generic);
            }
            family = element.getAttribute("font-family").isEmpty() ? inherited : element.getAttribute("font-family");
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) genericFontNames(e, family);
        }
    }

    /** A link that lost its target keeps its content, drawn where it was. */
    private static void unwrap(Element link) {
        Node parent = link.getParentNode();
        if (parent == null) return;
        while (link.getFirstChild() != null) parent.insertBefore(link.getFirstChild(), link);
        parent.removeChild(link);
    }

    /**
     * Writes the cleaned tree out byte for byte as the JDK's XML serializer does, at a fraction of
     * its cost: writing out was the largest part of a diagram's cleaning after the parsing, and a
     * preview's edit waits for it. A tree with a prefixed name (PlantUML writes none once the
     * xlink attributes are gone) is left to that serializer, which declares the prefix's namespace
     * where it is needed.
     */
    String serialize(Document doc) throws Exception {
        StringBuilder out = new StringBuilder(64 * 1024);
        return write(doc.getDocumentElement(), out) ? out.toString() : serializeWithTransformer(doc);
    }

    /** False, having written part, at the first prefixed element or attribute. */
    private static boolean write(Node node, StringBuilder out) {
        switch (node.getNodeType()) {
            case Node.ELEMENT_NODE -> {
                if (node.getPrefix() != null) return false;
                String name = node.getNodeName();
                out.append('<').append(name);
                NamedNodeMap attributes = node.getAttributes();
                // namespace declarations first, then the rest, each in the tree's order
                for (int pass = 0; pass < 2; pass++) {
                    for (int i = 0; i < attributes.getLength(); i++) {
                        Node a = attributes.item(i);
                        if (isNamespaceDeclaration(a) != (pass == 0)) continue;
                        if (pass == 1 && a.getPrefix() != null) return false;
                        out.append(' ').append(a.getNodeName()).append("=\"");
                        escape(a.getNodeValue(), true, out);
                        out.append('"');
                    }
                }
                Node child = node.getFirstChild();
                if (child == null) {
                    out.append("/>");
                    return true;
                }
                out.append('>');
                for (; child != null; child = child.getNextSibling()) {
                    if (!write(child, out)) return false;
                }
                out.append("</").append(name).append('>');
            }
            case Node.TEXT_NODE -> escape(node.getNodeValue(), false, out);
            case Node.CDATA_SECTION_NODE -> out.append("<![CDATA[").append(node.getNodeValue().replace("]]>", "]]]]><![CDATA[>"))
                    .append("]]>");
            default -> {
                // comments and processing instructions are gone by now; nothing else is written
            }
        }
        return true;
    }

    private static boolean isNamespaceDeclaration(Node attribute) {
        String name = attribute.getNodeName();
        return name.equals("xmlns") || name.startsWith("xmlns:");
    }

    /**
     * XML's escapes; in an attribute, the white space a parser would otherwise fold into spaces;
     * and, as the JDK's serializer writes them, characters beyond the first 65,536 and, in text,
     * the C1 controls, as numbered references.
     */
    private static void escape(String text, boolean attribute, StringBuilder out) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append("&#").append(Character.toCodePoint(c, text.charAt(++i))).append(';');
                continue;
            }
            if (!attribute && c >= 0x7F && c <= 0x9F) {
                out.append("&#").append((int) c).append(';');
                continue;
            }
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                case '\r' -> out.append("&#13;");
                case '\n' -> out.append(attribute ? "&#10;" : "\n");
                case '\t' -> out.append(attribute ? "&#9;" : "\t");
                default -> out.append(c);
            }
        }
    }

    /** What the JDK's serializer writes for {@code doc}: what {@link #serialize} must match. */
    String serializeWithTransformer(Document doc) throws Exception {
        Transformer transformer = serializers.get();
        TextBuffer out = new TextBuffer(64 * 1024);
        transformer.transform(new DOMSource(doc), new StreamResult(out));
        return out.toString();
    }

    private static Transformer newSerializer() {
        try {
            TransformerFactory factory = TransformerFactory.newDefaultInstance();
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer transformer = factory.newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.setOutputProperty(OutputKeys.INDENT, "no");
            return transformer;
        } catch (TransformerConfigurationException e) {
            throw new IllegalStateException("this Java cannot write XML: " + e.getMessage(), e);
        }
    }

    /** Whether the cleaner keeps {@code value} as a link target; {@link SvgSafetyCheck} asks the same. */
    static boolean keepsLink(String value) {
        return LinkPolicy.allows(value.trim());
    }
}
