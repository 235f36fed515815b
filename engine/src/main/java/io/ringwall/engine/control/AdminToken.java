package io.ringwall.engine.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;

/**
 * The admin endpoint's bearer token, taken from the environment only (never a file, never an argument that
 * would show in {@code ps}). It is compared in constant time (SHA-256 digests compared with
 * {@link MessageDigest#isEqual}, so neither content nor length leaks through timing) and never printed: no
 * message, {@code toString} or audit line carries it.
 */
public final class AdminToken
{
    /** The environment variable the engine and {@code ringwall ctl} read. */
    public static final String ENVIRONMENT_VARIABLE = "RINGWALL_ADMIN_TOKEN";

    /** Shorter tokens are refused: guessable. */
    public static final int MIN_LENGTH = 16;

    private final byte[] digest;
    private final String secret;

    private AdminToken(final String secret)
    {
        this.secret = secret;
        this.digest = sha256(secret);
    }

    /**
     * @throws IllegalStateException when the variable is unset, blank or too short (the message names the
     *                               variable, never its value).
     */
    public static AdminToken fromEnvironment(final Map<String, String> environment)
    {
        final String value = environment.get(ENVIRONMENT_VARIABLE);
        if (value == null || value.isBlank())
        {
            throw new IllegalStateException("the admin endpoint needs a token: set " + ENVIRONMENT_VARIABLE +
                " in the engine's environment (e.g. export " + ENVIRONMENT_VARIABLE + "=$(openssl rand -hex 24)); " +
                "it is never read from a file");
        }
        if (value.length() < MIN_LENGTH)
        {
            throw new IllegalStateException(ENVIRONMENT_VARIABLE + " is shorter than " + MIN_LENGTH +
                " characters; use a random one (e.g. openssl rand -hex 24)");
        }
        return new AdminToken(value);
    }

    /** @return true when {@code presented} is the token; constant time. */
    public boolean matches(final String presented)
    {
        return presented != null && MessageDigest.isEqual(digest, sha256(presented));
    }

    /** @return true when {@code text} contains the token (so it must not be journaled or recorded). */
    public boolean containedIn(final String text)
    {
        return text != null && text.contains(secret);
    }

    @Override
    public String toString()
    {
        return "AdminToken[redacted]";
    }

    private static byte[] sha256(final String text)
    {
        try
        {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        }
        catch (final NoSuchAlgorithmException ex)
        {
            throw new IllegalStateException("the JDK has no SHA-256", ex);
        }
    }
}
