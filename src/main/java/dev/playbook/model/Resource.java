package dev.playbook.model;

/** A file, document or other content a rep uses or sends to the lead. */
public record Resource(String title, String url) {
}
