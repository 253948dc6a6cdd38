package dev.playbook.model;

import dev.playbook.diagnostics.Position;

/** A name an author gave something in a CRM, with where it was written, for the export's messages. */
public record CrmName(String value, Position at) {
}
