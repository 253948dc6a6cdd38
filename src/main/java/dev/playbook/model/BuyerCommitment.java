package dev.playbook.model;

/**
 * What the buyer commits to in a stage, e.g. a meeting with the decision maker.
 *
 * @param id the author's id, or null
 * @param key the stable key comparisons use, see {@link ItemKeys}
 */
public record BuyerCommitment(String id, String key, Markdown text) {
}
