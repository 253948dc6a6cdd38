package dev.playbook.load;

import dev.playbook.diagnostics.Position;

/** A value from a definition file together with where it was written. */
public record Located<T>(T value, Position at) {
}
