package org.conversionkit.model.feed;

import java.util.Objects;

/**
 * Thrown when a feed URL is refused: why, as a {@link Reason}, and the URL, with any credentials
 * in it masked so that the exception can be logged.
 */
public final class FeedUrlException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** Why a feed URL is refused. */
    public enum Reason {
        /** The scheme is not http or https ({@code ftp:}, {@code file:}, ...). */
        NOT_HTTP,
        /** Not a valid absolute URL: empty, a path, no protocol, a bad host, spaces, ... */
        INVALID,
        /** User information ({@code user:password@} or {@code user@}) in the URL. */
        CREDENTIALS,
        /** A fragment ({@code #...}), which is never sent to the server. */
        FRAGMENT,
        /** A {@code date} query parameter, in any case: the importer adds its own. */
        DATE_PARAMETER
    }

    /** Why the URL is refused. */
    private final Reason reason;
    /** The refused URL, user information masked. */
    private final String url;

    /**
     * Creates the exception.
     *
     * @param reason  why the URL is refused
     * @param url     the refused URL, with any user information already masked
     * @param message what is wrong and how to fix it
     */
    public FeedUrlException(Reason reason, String url, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.url = Objects.requireNonNull(url, "url");
    }

    /**
     * Returns why the URL is refused.
     *
     * @return the reason
     */
    public Reason reason() {
        return reason;
    }

    /**
     * Returns the refused URL as given, except that user information before {@code @} is replaced
     * by {@code ***}.
     *
     * @return the masked URL
     */
    public String url() {
        return url;
    }
}
