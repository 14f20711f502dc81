package org.conversionkit.model;

import java.util.Locale;

/** What kind of records a file holds, and so which rules apply. */
public enum Profile {
    /** Daily conversion exports: url, date, channel, device, transactions, revenue. */
    CONVERSIONS("conversions"),
    /** CRM feeds of orders or leads: id, createdAt, updatedAt, currency, total, status, userId, and more. */
    CRM("crm");

    private final String label;

    Profile(String label) {
        this.label = label;
    }

    /**
     * Returns the name used on the command line and in reports.
     *
     * @return {@code "conversions"} or {@code "crm"}
     */
    public String label() {
        return label;
    }

    /**
     * Finds a profile by its label, ignoring case.
     *
     * @param label {@code "conversions"} or {@code "crm"}
     * @return the profile
     * @throws IllegalArgumentException if the label names no profile
     */
    public static Profile of(String label) {
        String lower = label.strip().toLowerCase(Locale.ROOT);
        for (Profile profile : values()) {
            if (profile.label.equals(lower)) {
                return profile;
            }
        }
        throw new IllegalArgumentException("'" + label + "' is not a profile: use conversions or crm");
    }
}
