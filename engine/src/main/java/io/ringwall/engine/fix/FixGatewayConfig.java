package io.ringwall.engine.fix;

import java.nio.file.Path;

/**
 * How the FIX gateway reaches its counterparty, validated on construction.
 *
 * @param host                 the acceptor's address.
 * @param port                 its port.
 * @param senderCompId         our SenderCompID (49).
 * @param targetCompId         the counterparty's CompID (56).
 * @param storeDir             QuickFIX/J's file store: sequence numbers and sent messages survive a restart here.
 * @param heartbeatSeconds     HeartBtInt (108) we ask for.
 * @param reconnectSeconds     wait between connection attempts (QuickFIX/J ReconnectInterval).
 * @param messagesPerSecond    the broker's message-rate limit: application messages beyond it wait (never dropped).
 * @param reconcileIntervalNs  time between reconciliations (one also runs at every logon); 0 only at logon.
 * @param reconcileTimeoutNs   an answer not complete within this fails closed (the logic halts).
 * @param tolerancePpm         largest position difference the logic accepts, ppm of the larger position.
 * @param username             Username (553) on Logon, or null; from the environment, never logged.
 * @param password             Password (554) on Logon, or null; from the environment, never logged.
 * @param mode                 what a reconciliation asks ({@code reconciliation.mode}).
 */
public record FixGatewayConfig(String host, int port, String senderCompId, String targetCompId, Path storeDir,
    int heartbeatSeconds, int reconnectSeconds, int messagesPerSecond, long reconcileIntervalNs,
    long reconcileTimeoutNs, long tolerancePpm, String username, String password,
    io.ringwall.engine.config.ReconciliationMode mode)
{
    /** Environment variable holding Username (553). */
    public static final String USERNAME_VARIABLE = "RINGWALL_FIX_USERNAME";
    /** Environment variable holding Password (554). */
    public static final String PASSWORD_VARIABLE = "RINGWALL_FIX_PASSWORD";
    public static final long DEFAULT_TOLERANCE_PPM = 50_000;

    public FixGatewayConfig
    {
        if (host == null || host.isBlank() || port <= 0 || port > 65_535)
        {
            throw new IllegalArgumentException("FIX counterparty " + host + ":" + port + " is not a host and a port in 1..65535");
        }
        if (senderCompId == null || senderCompId.isBlank() || targetCompId == null || targetCompId.isBlank())
        {
            throw new IllegalArgumentException("--fix-sender and --fix-target must not be empty");
        }
        if (storeDir == null)
        {
            throw new IllegalArgumentException("a FIX store directory is required");
        }
        if (heartbeatSeconds < 1 || reconnectSeconds < 1 || messagesPerSecond < 1)
        {
            throw new IllegalArgumentException("heartbeat " + heartbeatSeconds + " s, reconnect " + reconnectSeconds +
                " s and rate " + messagesPerSecond + " msgs/s must all be at least 1");
        }
        if (reconcileIntervalNs < 0 || reconcileTimeoutNs <= 0)
        {
            throw new IllegalArgumentException("reconciliation interval must be >= 0 and its timeout > 0");
        }
        if (mode == null)
        {
            throw new IllegalArgumentException("a reconciliation mode is required");
        }
        if (tolerancePpm < 0 || tolerancePpm > 1_000_000)
        {
            throw new IllegalArgumentException("reconciliation tolerance " + tolerancePpm + " ppm is not in [0, 1000000]");
        }
    }

    /** A local session with defaults, credentials from the environment. */
    public static FixGatewayConfig local(final String host, final int port, final Path storeDir)
    {
        return new FixGatewayConfig(host, port, "RINGWALL", "VENUE", storeDir, 30, 1, 500, 30_000_000_000L,
            10_000_000_000L, DEFAULT_TOLERANCE_PPM, System.getenv(USERNAME_VARIABLE), System.getenv(PASSWORD_VARIABLE),
            io.ringwall.engine.config.ReconciliationMode.FULL);
    }

    public FixGatewayConfig withCompIds(final String sender, final String target)
    {
        return new FixGatewayConfig(host, port, sender, target, storeDir, heartbeatSeconds, reconnectSeconds,
            messagesPerSecond, reconcileIntervalNs, reconcileTimeoutNs, tolerancePpm, username, password, mode);
    }

    public FixGatewayConfig withRate(final int perSecond)
    {
        return new FixGatewayConfig(host, port, senderCompId, targetCompId, storeDir, heartbeatSeconds,
            reconnectSeconds, perSecond, reconcileIntervalNs, reconcileTimeoutNs, tolerancePpm, username, password, mode);
    }

    public FixGatewayConfig withReconciliation(final long intervalNs, final long timeoutNs, final long tolerance)
    {
        return new FixGatewayConfig(host, port, senderCompId, targetCompId, storeDir, heartbeatSeconds,
            reconnectSeconds, messagesPerSecond, intervalNs, timeoutNs, tolerance, username, password, mode);
    }

    public FixGatewayConfig withMode(final io.ringwall.engine.config.ReconciliationMode reconciliationMode)
    {
        return new FixGatewayConfig(host, port, senderCompId, targetCompId, storeDir, heartbeatSeconds,
            reconnectSeconds, messagesPerSecond, reconcileIntervalNs, reconcileTimeoutNs, tolerancePpm, username,
            password, reconciliationMode);
    }

    public FixGatewayConfig withCredentials(final String user, final String secret)
    {
        return new FixGatewayConfig(host, port, senderCompId, targetCompId, storeDir, heartbeatSeconds,
            reconnectSeconds, messagesPerSecond, reconcileIntervalNs, reconcileTimeoutNs, tolerancePpm, user, secret, mode);
    }

    /** Never prints the password. */
    @Override
    public String toString()
    {
        return "fix " + senderCompId + "->" + targetCompId + "@" + host + ":" + port + " store=" + storeDir +
            " rate=" + messagesPerSecond + "/s user=" + (username == null ? "-" : username) + " password=" +
            (password == null ? "-" : "***");
    }
}
