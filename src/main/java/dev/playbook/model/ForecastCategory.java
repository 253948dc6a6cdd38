package dev.playbook.model;

import java.util.Arrays;
import java.util.List;

/**
 * Salesforce's forecast categories, which say how a deal in a stage counts in a forecast. The
 * written form is Salesforce's own API value, so that a playbook reads like the CRM's setup.
 */
public enum ForecastCategory {
    OMITTED("Omitted"), PIPELINE("Pipeline"), BEST_CASE("BestCase"), FORECAST("Forecast"), CLOSED("Closed");

    private final String written;

    ForecastCategory(String written) {
        this.written = written;
    }

    /** The form authors write and Salesforce uses, e.g. {@code BestCase}. */
    public String written() {
        return written;
    }

    /** The category written exactly so, or null. */
    public static ForecastCategory fromWritten(String text) {
        for (ForecastCategory c : values()) {
            if (c.written.equals(text)) return c;
        }
        return null;
    }

    public static List<String> allWritten() {
        return Arrays.stream(values()).map(ForecastCategory::written).toList();
    }

    /** What a stage of this status is forecast as when its playbook does not say. */
    public static ForecastCategory defaultFor(StageStatus status) {
        return switch (status) {
            case WON -> CLOSED;
            case LOST -> OMITTED;
            case OPEN -> PIPELINE;
        };
    }
}
