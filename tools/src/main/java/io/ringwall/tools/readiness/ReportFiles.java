package io.ringwall.tools.readiness;

import java.nio.file.Files;
import java.nio.file.Path;

/** The assessment's input files: a path not given or not there is a missing input, not an error. */
public final class ReportFiles
{
    static final String SHADOW_REPORT = "shadow-report.json";

    private ReportFiles()
    {
    }

    public static JsonTree json(final Path file)
    {
        return file == null || !Files.isRegularFile(file) ? null : JsonTree.read(file);
    }

    public static ReadinessInputs.ShadowFigures shadow(final Path session)
    {
        final JsonTree report = session == null ? null : json(session.resolve(SHADOW_REPORT));
        if (report == null)
        {
            return null;
        }
        final Double alignment = report.number("alignment");
        final Double quality = report.number("executionQuality");
        return alignment == null || quality == null ? null : new ReadinessInputs.ShadowFigures(alignment, quality);
    }
}
