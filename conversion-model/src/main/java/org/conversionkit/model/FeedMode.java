package org.conversionkit.model;

/**
 * The two kinds of CRM feed of the source document.
 */
public enum FeedMode {
    /** Every order or lead once, with its latest status: an id twice is an error. */
    SNAPSHOT,
    /**
     * The records updated on one day: every {@code updatedAt} falls on the feed's date, and a record per
     * status change (the same id and {@code updatedAt} twice is a warning).
     */
    DAILY
}
