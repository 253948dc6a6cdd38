package dev.playbook.render.diagram;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.StringReader;
import java.util.Locale;

/**
 * Checks, in one streaming pass, that markup is a whole SVG holding nothing {@link SvgCleaner}
 * would have removed for safety: no script or other active element, no event handler, no link
 * the cleaner refuses, no comment, processing instruction or DTD (which an HTML page parses
 * differently from XML), nothing before the root. For markup read back from a place others can
 * write, such as the diagram cache: far cheaper than cleaning it again, and it changes nothing.
 */
final class SvgSafetyCheck {
    private static final String SVG_NS = "http://www.w3.org/2000/svg";
    private static final String XLINK_NS = "http://www.w3.org/1999/xlink";

    private final XMLInputFactory factory = XMLInputFactory.newDefaultFactory();

    SvgSafetyCheck() {
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    }

    /** Why {@code svg} may not be published as it is, or null when it may. */
    String problem(String svg) {
        if (svg.isBlank()) return "it is empty";
        // the cleaner writes the root first; its labels are put in after the root's start tag
        if (!svg.startsWith("<svg")) return "it does not begin with its drawing";
        XMLStreamReader reader = null;
        try {
            synchronized (factory) {
                reader = factory.createXMLStreamReader(new StringReader(svg));
            }
            boolean root = true;
            while (reader.hasNext()) {
                switch (reader.next()) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        String problem = root ? rootProblem(reader) : null;
                        if (problem == null) problem = elementProblem(reader);
                        if (problem != null) return problem;
                        root = false;
                    }
                    case XMLStreamConstants.COMMENT -> {
                        return "it holds a comment";
                    }
                    case XMLStreamConstants.PROCESSING_INSTRUCTION -> {
                        return "it holds a processing instruction";
                    }
                    case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE -> {
                        return "it holds a document type or entity";
                    }
                    default -> {
                        // text, CDATA and end tags are inert
                    }
                }
            }
            return root ? "it holds no SVG element" : null;
        } catch (XMLStreamException e) {
            return "it is not whole, well-formed XML (cut short or changed?)";
        } finally {
            close(reader);
        }
    }

    private static String rootProblem(XMLStreamReader reader) {
        return "svg".equals(reader.getLocalName()) && SVG_NS.equals(reader.getNamespaceURI()) ? null
                : "it is not an SVG drawing";
    }

    private static String elementProblem(XMLStreamReader reader) {
        String element = reader.getLocalName();
        if (SvgCleaner.DROPPED_ELEMENTS.contains(element.toLowerCase(Locale.ROOT))) {
            return "it holds a <" + element + "> element";
        }
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            // in any case, as the page's HTML parser reads attribute names
            String name = reader.getAttributeLocalName(i);
            if (name.regionMatches(true, 0, "on", 0, 2)) return "it holds an event handler (" + name + ")";
            if (XLINK_NS.equals(reader.getAttributeNamespace(i))) return "it holds an xlink attribute";
            if (name.equalsIgnoreCase("href") && !SvgCleaner.keepsLink(reader.getAttributeValue(i))) {
                return "it holds a link the cleaner does not allow";
            }
        }
        return null;
    }

    private static void close(XMLStreamReader reader) {
        if (reader == null) return;
        try {
            reader.close();
        } catch (XMLStreamException ignored) {
            // nothing to release beyond the string it read
        }
    }
}
