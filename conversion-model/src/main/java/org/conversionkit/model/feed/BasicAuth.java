package org.conversionkit.model.feed;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * Builds the value of an {@code Authorization} header for HTTP Basic authentication (RFC 7617),
 * the way a protected CRM feed receives its credentials instead of putting them in the URL.
 *
 * <p>The value is {@code "Basic " + base64(user + ":" + password)}, the text encoded as UTF-8 (the
 * {@code charset="UTF-8"} of RFC 7617 section 2.1). The user id and the password are encoded as
 * given: no Unicode normalization, since a server that compares bytes would otherwise reject a
 * correct password. RFC 7617 forbids a {@code :} in the user id (it separates the two) and control
 * characters in either; they are refused, and so is a broken UTF-16 string (a lone surrogate), which
 * has no UTF-8 encoding. Messages name the position of a refused character, never the password.
 */
public final class BasicAuth {

    /** The name of the header whose value {@link #headerValue(String, String)} builds. */
    public static final String HEADER_NAME = "Authorization";

    private BasicAuth() {
    }

    /**
     * Builds the header value.
     *
     * @param user     the user id; may be empty, must not hold {@code :}
     * @param password the password; may be empty
     * @return e.g. {@code "Basic dXNlcjpwYXNz"} for {@code user} and {@code pass}
     * @throws IllegalArgumentException if the user id holds {@code :}, or either holds a control
     *                                  character or a lone surrogate
     */
    public static String headerValue(String user, String password) {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        int colon = user.indexOf(':');
        if (colon >= 0) {
            throw new IllegalArgumentException("the user id holds ':' at character " + (colon + 1)
                    + ", which Basic authentication cannot carry (':' separates user id and password,"
                    + " RFC 7617): use a user id without it");
        }
        checkCharacters("user id", user);
        checkCharacters("password", password);
        byte[] bytes = (user + ':' + password).getBytes(StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString(bytes);
    }

    private static void checkCharacters(String what, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                throw new IllegalArgumentException("the " + what + " holds the control character U+"
                        + hex4(c) + " at character " + (i + 1) + ", which RFC 7617 forbids: remove it"
                        + " (a line break copied along with the value is the usual cause)");
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException("the " + what + " holds a broken character (a lone surrogate)"
                        + " at character " + (i + 1) + ", which has no UTF-8 encoding");
            }
        }
    }

    private static String hex4(char c) {
        String hex = Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT);
        return "0000".substring(hex.length()) + hex;
    }
}
