package dev.playbook.crm.salesforce;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;

/**
 * Writes one Salesforce metadata file with the JDK's XML writer, which escapes every value, laid
 * out as Salesforce's own retrieved files are: four-space indents, one element per line.
 * Characters XML cannot carry at all (most control characters) are left out of text.
 */
final class MetadataXml {
    static final String NAMESPACE = "http://soap.sforce.com/2006/04/metadata";
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private final StringWriter text = new StringWriter();
    private final XMLStreamWriter xml;
    private int depth;

    MetadataXml(String root) {
        try {
            xml = FACTORY.createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement(root);
            xml.writeDefaultNamespace(NAMESPACE);
            depth = 1;
        } catch (XMLStreamException e) {
            throw new IllegalStateException("the JDK's XML writer writes to memory", e);
        }
    }

    MetadataXml start(String name) {
        try {
            indent();
            xml.writeStartElement(name);
            depth++;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    MetadataXml end() {
        try {
            depth--;
            indent();
            xml.writeEndElement();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    MetadataXml element(String name, String value) {
        try {
            indent();
            xml.writeStartElement(name);
            xml.writeCharacters(xmlChars(value));
            xml.writeEndElement();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    MetadataXml element(String name, boolean value) {
        return element(name, Boolean.toString(value));
    }

    MetadataXml element(String name, int value) {
        return element(name, Integer.toString(value));
    }

    /** The finished file, ending with a line break. */
    String finish() {
        try {
            depth = 0;
            indent();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return text + "\n";
    }

    private void indent() throws XMLStreamException {
        xml.writeCharacters("\n" + "    ".repeat(depth));
    }

    /** The text without the characters XML 1.0 cannot hold (control characters other than tab and line breaks, lone surrogates). */
    static String xmlChars(String value) {
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints().forEach(c -> {
            boolean allowed = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
            if (allowed) out.appendCodePoint(c);
        });
        return out.toString();
    }
}
