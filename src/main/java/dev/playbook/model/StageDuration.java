package dev.playbook.model;

/** The target time a deal should spend in a stage, e.g. 14 days or 2 weeks. */
public record StageDuration(int amount, Unit unit) {
    public enum Unit { DAYS, WEEKS }

    public boolean inWeeks() {
        return unit == Unit.WEEKS;
    }

    public int days() {
        return unit == Unit.WEEKS ? amount * 7 : amount;
    }
}
