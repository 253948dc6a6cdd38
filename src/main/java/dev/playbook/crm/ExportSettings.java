package dev.playbook.crm;

/**
 * What an export needs beyond the playbooks.
 *
 * @param baseUrl where the published site lives, ending in {@code /}, or null when unknown: then
 *                the CRM's guidance cannot link to a stage's page
 * @param salesforceApiVersion the Metadata API version of Salesforce's {@code package.xml}, e.g. {@code 66.0}
 */
public record ExportSettings(String baseUrl, String salesforceApiVersion) {
    /** A version Salesforce serves today (Spring '26); {@code --api-version} picks another. */
    public static final String DEFAULT_SALESFORCE_API_VERSION = "66.0";
}
