package io.ringwall.tools.cluster;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.ringwall.tools.RingwallCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ringwall cluster-node} three times and {@code ringwall cluster-gateway} against them, in this JVM: a paper
 * session through the cluster ends with every input acknowledged.
 */
class ClusterCommandsTest
{
    private static final String MEMBERS = "localhost,localhost,localhost";
    private static final String PORT_BASE = "29800";

    @TempDir
    Path dir;

    @Test
    void threeNodesAndAGatewayPlayAPaperSession() throws Exception
    {
        final List<Thread> nodes = new ArrayList<>();
        final List<ByteArrayOutputStream> nodeOutputs = new ArrayList<>();
        for (int id = 0; id < 3; id++)
        {
            final ByteArrayOutputStream output = new ByteArrayOutputStream();
            nodeOutputs.add(output);
            final PrintStream print = new PrintStream(output, true, StandardCharsets.UTF_8);
            final String[] args = {"cluster-node", "--id", String.valueOf(id), "--members", MEMBERS, "--port-base",
                PORT_BASE, "--dir", dir.resolve("node-" + id).toString(), "--aeron-dir",
                dir.resolve("aeron-" + id).toString()};
            final Thread node = new Thread(() -> RingwallCli.execute(print, print, args), "node-" + id);
            node.start();
            nodes.add(node);
        }
        final ByteArrayOutputStream gatewayOutput = new ByteArrayOutputStream();
        final PrintStream gatewayPrint = new PrintStream(gatewayOutput, true, StandardCharsets.UTF_8);
        final int status;
        try
        {
            status = RingwallCli.execute(gatewayPrint, gatewayPrint, "cluster-gateway", "--members", MEMBERS,
                "--port-base", PORT_BASE, "--synthetic", "400", "--rate", "2000", "--aeron-dir",
                dir.resolve("aeron-gateway").toString());
        }
        finally
        {
            for (final Thread node : nodes)
            {
                node.interrupt();
                node.join(60_000);
            }
        }
        final String gateway = gatewayOutput.toString(StandardCharsets.UTF_8);
        assertThat(status).as(gateway).isZero();
        final Matcher summary = Pattern.compile("inputs sent (\\d+), acknowledged (\\d+)").matcher(gateway);
        assertThat(summary.find()).as(gateway).isTrue();
        assertThat(Long.parseLong(summary.group(1))).isGreaterThanOrEqualTo(400);
        assertThat(summary.group(2)).isEqualTo(summary.group(1));
        final String allNodes = String.join("\n", nodeOutputs.stream()
            .map(output -> output.toString(StandardCharsets.UTF_8)).toList());
        assertThat(allNodes).contains(": LEADER").contains("stopped");
        for (final Thread node : nodes)
        {
            assertThat(node.isAlive()).isFalse();
        }
    }
}
