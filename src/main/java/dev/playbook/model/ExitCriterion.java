package dev.playbook.model;

/**
 * Verifiable evidence that the buyer is ready to move on from a stage.
 *
 * @param id the author's id, or null
 * @param key the stable key ticks and comparisons use, see {@link ItemKeys}
 */
public record ExitCriterion(String id, String key, Markdown text) {
}
