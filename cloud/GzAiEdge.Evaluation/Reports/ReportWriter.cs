using System.Text;

namespace GzAiEdge.Evaluation.Reports;

/// <summary>Writes a report in every format into a folder: HTML, PDF (optional), CSV and JSON.</summary>
public static class ReportWriter
{
    /// <summary>Writes <c>programme.{html,pdf,csv,json}</c> and <c>audits.csv</c>; returns the paths written.</summary>
    public static async Task<IReadOnlyList<string>> WriteProgrammeAsync(ProgrammeEvaluation programme, string folder, int top, bool pdf, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var html = Path.Combine(folder, "programme.html");
        var written = new List<string> { html, Path.Combine(folder, "programme.csv"), Path.Combine(folder, "programme.json"), Path.Combine(folder, "audits.csv") };
        await File.WriteAllTextAsync(html, HtmlReport.Programme(programme, top), Encoding.UTF8, cancellationToken);
        await File.WriteAllBytesAsync(written[1], CsvExport.Write(programme), cancellationToken);
        await File.WriteAllBytesAsync(written[2], EvaluationJson.Programme(programme, withScenarios: true), cancellationToken);
        await File.WriteAllBytesAsync(written[3], CsvExport.WriteAudits(programme), cancellationToken);
        if (pdf)
        {
            var pdfPath = Path.Combine(folder, "programme.pdf");
            await PdfRenderer.RenderAsync(html, pdfPath, cancellationToken);
            written.Add(pdfPath);
        }

        return written;
    }

    /// <summary>Writes <c>{scenario}.{html,pdf,json}</c>; returns the paths written.</summary>
    public static async Task<IReadOnlyList<string>> WriteScenarioAsync(ScenarioEvaluation evaluation, string catalogueVersion, string rubricVersion,
        string folder, bool pdf, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var html = Path.Combine(folder, evaluation.Scenario.Id + ".html");
        var json = Path.Combine(folder, evaluation.Scenario.Id + ".json");
        await File.WriteAllTextAsync(html, HtmlReport.Scenario(evaluation, catalogueVersion, rubricVersion), Encoding.UTF8, cancellationToken);
        await File.WriteAllBytesAsync(json, EvaluationJson.Scenario(evaluation, catalogueVersion, rubricVersion), cancellationToken);
        var written = new List<string> { html, json };
        if (pdf)
        {
            var pdfPath = Path.Combine(folder, evaluation.Scenario.Id + ".pdf");
            await PdfRenderer.RenderAsync(html, pdfPath, cancellationToken);
            written.Add(pdfPath);
        }

        return written;
    }
}
