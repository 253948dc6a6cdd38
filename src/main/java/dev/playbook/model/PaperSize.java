package dev.playbook.model;

/** The sheet printed material is laid out for: A4 in most of the world, US letter in North America. */
public enum PaperSize {
    A4, LETTER
}
