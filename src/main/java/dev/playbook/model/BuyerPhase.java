package dev.playbook.model;

/** One phase of the buyer's own decision journey. */
public record BuyerPhase(String id, String title) {
}
