using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using AuditDashboard.Reporting.Layout;
using AuditDashboard.Reporting.Model;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Signatures;

namespace AuditDashboard.Reporting;

/// <summary>A report model in, a signed PDF out: cover, contents, summary, one section per control, attestation, methodology.</summary>
public static class ReportRenderer
{
    private const int ContentsLinesPerPage = 46;
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Writes the PDF to <paramref name="output"/> and returns its page count.</summary>
    public static int Render(ReportModel model, Stream output, X509Certificate2? certificate)
    {
        EmbeddedFonts.Install();
        var document = new PdfDocument();
        document.Info.Title = $"Access-log audit report {model.ReportId}";
        document.Info.Author = model.GeneratedBy;
        document.Info.Subject = $"{string.Join(" and ", model.Frameworks)}, {Day(model.From)} to {Day(model.To)} UTC";
        document.Info.Creator = "AuditDashboard";
        var contents = new List<(string Title, int Level, int Page)>();

        using (var flow = new PdfFlow(document))
        {
            Cover(flow, model);
            int entries = 7 + model.Controls.Count + model.Controls.Select(c => c.Framework).Distinct().Count();
            int contentsPages = (entries + ContentsLinesPerPage - 1) / ContentsLinesPerPage;
            for (int i = 0; i < contentsPages; i++) flow.ReservePage();

            void Section(string title, int level, PdfOutline? parent = null)
            {
                flow.NewPage();
                contents.Add((title, level, flow.PageNumber));
                (parent?.Outlines ?? document.Outlines).Add(TextLines.Clean(title), flow.Page, true);
                flow.Heading(title, level == 1 ? 17 : 14);
            }

            Section("Executive summary", 1);
            Summary(flow, model);
            foreach (var framework in model.Controls.GroupBy(c => c.Framework))
            {
                flow.NewPage();
                contents.Add((framework.Key, 1, flow.PageNumber));
                var outline = document.Outlines.Add(framework.Key, flow.Page, false);
                flow.Heading(framework.Key, 17);
                flow.Paragraph($"{framework.Count()} controls that access logs bear on, each on the pages that follow.");
                foreach (var control in framework)
                {
                    Section($"{control.Id} — {control.Title}", 2, outline);
                    Control(flow, model, control);
                }
            }
            Section("Controls out of scope", 1);
            flow.Paragraph("These controls cannot be demonstrated from access logs; this report makes no claim about them.");
            flow.Table([new("Framework", 2), new("Control", 1.2), new("Title", 4), new("Why out of scope", 5)],
                model.OutOfScope.Select(o => (IReadOnlyList<string?>)[o.Framework, o.Id, o.Title, o.Reason]));
            Section("Use of this dashboard", 1);
            DashboardUseSection.Write(flow, model);
            Section("Integrity attestation", 1);
            IntegritySection.Write(flow, model.Integrity);
            Section("Methodology", 1);
            foreach (var paragraph in model.Methodology) flow.Paragraph(paragraph);
            flow.Facts([("Sampling method", model.SampleMethod), ("Sample seed", model.SampleSeed.ToString(Invariant)), ("Signature", model.Signing)]);
            Section("Glossary", 1);
            flow.Table([new("Term", 2), new("Meaning", 7)], model.Glossary.Select(g => (IReadOnlyList<string?>)[g.Term, g.Meaning]));

            Contents(document, contents, contentsPages);
        }
        int pages = document.PageCount;
        Furniture(document, model);
        if (certificate is not null)
        {
            DigitalSignatureHandler.ForDocument(document, new PdfSharpDefaultSigner(certificate, PdfMessageDigestType.SHA256), new DigitalSignatureOptions
            {
                Reason = $"Access-log audit report {model.ReportId}",
                Location = model.Organisation,
                ContactInfo = model.GeneratedBy,
                AppName = "AuditDashboard",
                Rectangle = new XRect(0, 0, 0, 0),
            });
        }
        document.Save(output, closeStream: false);
        return pages;
    }

    private static void Cover(PdfFlow flow, ReportModel model)
    {
        flow.NewPage();
        flow.Gap(120);
        flow.Heading("Access-log audit report", 26);
        flow.Heading(string.Join(" and ", model.Frameworks), 14);
        flow.Gap(20);
        flow.Facts(
        [
            ("Organisation", model.Organisation),
            ("Period (UTC)", $"{Time(model.From)} to {Time(model.To)} (end exclusive)"),
            ("Scope", model.Scope),
            ("Report id", model.ReportId),
            ("Generated at", Time(model.GeneratedAt)),
            ("Generated by", model.GeneratedBy),
            ("Signature", model.Signing),
        ], labelWidth: 110);
        flow.Gap(30);
        flow.Paragraph("Every figure in this report was computed from the tamper-evident AuditDashboard store; the integrity attestation " +
            "near the end gives the chain head it was drawn from, so a reader can verify that the evidence has not changed since.", flow.Small);
    }

    private static void Summary(PdfFlow flow, ReportModel model)
    {
        var s = model.Summary;
        double failureRate = s.SignIns == 0 ? 0 : (double)s.SignInFailures / s.SignIns;
        flow.Facts(
        [
            ("Events", s.Events.ToString("N0", Invariant)),
            ("Sign-ins", $"{s.SignIns.ToString("N0", Invariant)}, of which {s.SignInFailures.ToString("N0", Invariant)} failed ({failureRate.ToString("P1", Invariant)})"),
            ("Users / clients / sources", $"{s.Users.ToString("N0", Invariant)} / {s.Clients.ToString("N0", Invariant)} / {s.Sources.ToString("N0", Invariant)}"),
            ("Alerts", $"{s.AlertsByStatus.Sum(a => a.Count).ToString("N0", Invariant)} ({string.Join(", ", s.AlertsByStatus.Select(a => $"{a.Count} {a.Label}"))})"),
            ("Integrity", model.Integrity.Intact ? $"intact — {model.Integrity.EventsChecked.ToString("N0", Invariant)} events verified, chain head seq {model.Integrity.HeadSeq}" : $"BROKEN at seq {model.Integrity.FirstBrokenSeq}: {model.Integrity.Message}"),
        ]);
        flow.Image(Charts.PerDay("Events per day (UTC)", s.EventsPerDay, new ScottPlot.Color(25, 118, 210)), 480);
        flow.Image(Charts.PerDay("Failed sign-ins per day (UTC)", s.FailuresPerDay, new ScottPlot.Color(211, 47, 47)), 480);
        flow.Images(240, Charts.Counts("Alerts by severity", s.AlertsBySeverity), Charts.Counts("Alerts by status", s.AlertsByStatus));
        flow.Heading("Controls at a glance", 12);
        flow.Table([new("Framework", 1.6), new("Control", 1.1), new("Title", 5), new("Population", 1.6, AlignRight: true), new("Exceptions (open)", 1.6, AlignRight: true)],
            model.Controls.Select(c => (IReadOnlyList<string?>)[
                c.Framework, c.Id, c.Title,
                c.Populations.Count == 0 ? "—" : c.Populations.Sum(p => p.Size).ToString("N0", Invariant),
                $"{c.Exceptions.Count.ToString("N0", Invariant)} ({c.Exceptions.Count(e => e.Status == "open").ToString("N0", Invariant)})"]));
        flow.Heading("Completeness of the feed", 12);
        CompletenessTable(flow, model);
    }

    private static void Control(PdfFlow flow, ReportModel model, ControlSection c)
    {
        var facts = new List<(string, string)> { ("Framework", c.Framework) };
        if (c.Iso2013.Count > 0) facts.Add(("ISO 27001:2013", string.Join(", ", c.Iso2013)));
        facts.Add(("What was tested", c.Tested));
        facts.Add(("Result", c.Result));
        if (c.Detectors.Count > 0) facts.Add(("Detectors", string.Join(", ", c.Detectors)));
        flow.Facts(facts, labelWidth: 110);

        if (c.Populations.Count > 0)
        {
            flow.Heading("Population", 11);
            flow.Table([new("Population", 2), new("Query", 5), new("Size", 1.3, AlignRight: true), new("By source", 3.5)],
                c.Populations.Select(p => (IReadOnlyList<string?>)[p.Name, p.Query, p.Size.ToString("N0", Invariant),
                    p.BySource.Count == 0 ? "—" : string.Join("; ", p.BySource.Select(b => $"{b.Label}: {b.Count.ToString("N0", Invariant)}"))]));
        }
        if (c.ShowsCompleteness || c.ShowsClockSkew)
        {
            flow.Heading(c.ShowsClockSkew ? "Completeness and clock skew per source" : "Completeness per source", 11);
            CompletenessTable(flow, model);
        }
        if (c.ShowsIntegrity)
        {
            flow.Heading("Integrity", 11);
            flow.Paragraph(IntegritySection.Sentence(model.Integrity));
        }
        if (c.Detectors.Count > 0) ExceptionsSection.Write(flow, c);
        if (c.Sample is { } sample)
        {
            flow.Heading("Sample of evidence", 11);
            flow.Paragraph($"{sample.Rows.Count} of {sample.PopulationSize.ToString("N0", Invariant)} events of \"{sample.Population}\", drawn with seed {model.SampleSeed} by the method in the Methodology section; listed by seq.", flow.Small);
            flow.Table(
                [new("Seq", 1, AlignRight: true), new("Time (UTC)", 1.9), new("Type", 2.9), new("Outcome", 1.6), new("User", 3), new("Client", 2), new("IP", 2.1), new("Source", 2.2), new("Hash", 1.9, Mono: true)],
                sample.Rows.Select(r => (IReadOnlyList<string?>)[r.Seq.ToString(Invariant), r.Timestamp.ToString("yyyy-MM-dd HH:mm:ss", Invariant), r.EventType, r.Outcome, r.User, r.Client, r.Ip, r.Source, r.Hash[..16]]));
        }
    }

    private static void CompletenessTable(PdfFlow flow, ReportModel model)
    {
        flow.Table(
            [new("Source", 2.4), new("Events", 1.3, AlignRight: true), new("Days with events", 1.5, AlignRight: true), new("Silent days (UTC)", 3.4),
             new("Median skew (live)", 1.3, AlignRight: true), new("Max skew (live)", 1.3, AlignRight: true), new("Received later", 1.3, AlignRight: true)],
            model.Completeness.Select(s => (IReadOnlyList<string?>)[
                s.Source, s.Events.ToString("N0", Invariant), $"{s.DaysWithEvents} of {s.DaysInPeriod}",
                s.MissingDays.Count == 0 ? "none" : string.Join(", ", s.MissingDays.Take(20).Select(Day)) + (s.MissingDays.Count > 20 ? $" and {s.MissingDays.Count - 20} more" : ""),
                Seconds(s.MedianSkewSeconds), Seconds(s.MaxSkewSeconds), s.ReceivedLater.ToString("N0", Invariant)]));
        if (model.Completeness.Any(s => s.ReceivedLater > 0))
            flow.Paragraph("Skew is the time of receipt minus the source's timestamp, measured on events delivered live (received within an hour). " +
                "\"Received later\" counts events that arrived more than an hour after they happened: history imported from a file or backfilled " +
                "from a provider's API. Their delay is expected and says nothing about the sources' clocks.", flow.Small);
    }

    private static void Contents(PdfDocument document, List<(string Title, int Level, int Page)> entries, int pages)
    {
        var font = new XFont(EmbeddedFonts.Sans, 9.5);
        var bold = new XFont(EmbeddedFonts.Sans, 9.5, XFontStyleEx.Bold);
        for (int p = 0; p < pages; p++)
        {
            var page = document.Pages[1 + p];
            using var g = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            double y = PdfFlow.TopMargin;
            if (p == 0)
            {
                g.DrawString("Contents", new XFont(EmbeddedFonts.Sans, 17, XFontStyleEx.Bold), XBrushes.Black, new XRect(PdfFlow.Margin, y, 400, 24), XStringFormats.TopLeft);
                y += 32;
            }
            double width = page.Width.Point - 2 * PdfFlow.Margin;
            foreach (var (title, level, number) in entries.Skip(p * ContentsLinesPerPage).Take(ContentsLinesPerPage))
            {
                double indent = level == 1 ? 0 : 16;
                var f = level == 1 ? bold : font;
                var text = TextLines.Wrap(g, title, f, width - indent - 50)[0];
                g.DrawString(text, f, XBrushes.Black, new XRect(PdfFlow.Margin + indent, y, width - indent - 50, 14), XStringFormats.TopLeft);
                g.DrawString(number.ToString(Invariant), f, XBrushes.Black, new XRect(PdfFlow.Margin, y, width, 14), XStringFormats.TopRight);
                y += 14.5;
            }
        }
    }

    /// <summary>Header and "Page X of Y" on every page, drawn once the page count is known.</summary>
    private static void Furniture(PdfDocument document, ReportModel model)
    {
        var font = new XFont(EmbeddedFonts.Sans, 7.5);
        var brush = new XSolidBrush(XColor.FromArgb(90, 90, 90));
        int total = document.PageCount;
        for (int i = 0; i < total; i++)
        {
            var page = document.Pages[i];
            using var g = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            double width = page.Width.Point - 2 * PdfFlow.Margin;
            double bottom = page.Height.Point - 40;
            if (i > 0)
            {
                var header = TextLines.Wrap(g, $"{model.Organisation} · {Day(model.From)} to {Day(model.To)} UTC · {string.Join(" and ", model.Frameworks)}", font, width - 10);
                g.DrawString(header[0] + (header.Count > 1 ? " …" : ""), font, brush, new XRect(PdfFlow.Margin, 30, width, 10), XStringFormats.TopLeft);
            }
            g.DrawString($"Report {model.ReportId}", font, brush, new XRect(PdfFlow.Margin, bottom, width, 10), XStringFormats.TopLeft);
            g.DrawString($"Page {i + 1} of {total}", font, brush, new XRect(PdfFlow.Margin, bottom, width, 10), XStringFormats.TopRight);
        }
    }

    private static string Day(DateTime t) => t.ToString("yyyy-MM-dd", Invariant);
    private static string Time(DateTime t) => Time(t, seconds: false);
    private static string Time(DateTime t, bool seconds) => t.ToString(seconds ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd HH:mm", Invariant) + " UTC";
    private static string Seconds(double? s) => s switch
    {
        null => "—",
        { } v when Math.Abs(v) < 60 => $"{v.ToString("F1", Invariant)} s",
        { } v when Math.Abs(v) < 7200 => $"{(v / 60).ToString("F1", Invariant)} min",
        { } v when Math.Abs(v) < 172800 => $"{(v / 3600).ToString("F1", Invariant)} h",
        { } v => $"{(v / 86400).ToString("F1", Invariant)} d",
    };
}
