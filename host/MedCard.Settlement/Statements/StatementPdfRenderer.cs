using System;
using System.Globalization;
using System.IO;
using MedCard.Settlement.Ledger;
using MedCard.Settlement.Rules;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace MedCard.Settlement.Statements;

/// <summary>
/// Renders a statement as an A4 PDF with PDFsharp, one row per record, paginated.
/// PDFsharp is pinned to 6.2.4, the last MIT release: 6.5 is AGPL-3.0 and wants the application to pick
/// a licence before it renders, which would bind every integrator of this MIT package.
/// </summary>
public static class StatementPdfRenderer
{
    private const double Margin = 40;
    private const double RowHeight = 14;
    private static readonly double[] ColumnX = { 0, 70, 250, 320, 380, 440, 500 };

    /// <summary>Writes the statement as a PDF to <paramref name="output"/>.</summary>
    public static void Render(Statement statement, Stream output)
    {
        ArgumentNullException.ThrowIfNull(statement);
        ArgumentNullException.ThrowIfNull(output);
        StatementFontResolver.EnsureInstalled();
        var title = new XFont(StatementFontResolver.Family, 14, XFontStyleEx.Bold);
        var font = new XFont(StatementFontResolver.Family, 8.5);
        var bold = new XFont(StatementFontResolver.Family, 8.5, XFontStyleEx.Bold);

        using var document = new PdfDocument();
        document.Info.Title = "Statement " + statement.CardNumber;
        document.Info.Creator = "MedCard.Settlement";

        PdfPage page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        XGraphics gfx = XGraphics.FromPdfPage(page);
        double y = Margin;
        gfx.DrawString("Medical insurance card statement", title, XBrushes.Black, new XPoint(Margin, y));
        y += 22;
        gfx.DrawString("Card " + statement.CardNumber + "   Holder " + statement.HolderName + "   ID " + statement.MaskedResidentId,
            font, XBrushes.Black, new XPoint(Margin, y));
        y += RowHeight;
        gfx.DrawString("Printed " + statement.PrintedAt.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)
            + (statement.StatementId is long id ? "   Statement #" + id.ToString(CultureInfo.InvariantCulture) : string.Empty),
            font, XBrushes.Black, new XPoint(Margin, y));
        y += RowHeight * 1.5;

        if (statement.IsEmpty)
        {
            gfx.DrawString("No unprinted records.", font, XBrushes.Black, new XPoint(Margin, y));
        }
        else
        {
            DrawRow(gfx, bold, y, "Date", "Institution", "Visit", "Total", "Fund", "Account", "Cash");
            y += RowHeight;
            foreach (CardRecord r in statement.Records)
            {
                if (y > page.Height.Point - Margin - RowHeight * 2)
                {
                    gfx.Dispose();
                    page = document.AddPage();
                    page.Size = PdfSharp.PageSize.A4;
                    gfx = XGraphics.FromPdfPage(page);
                    y = Margin;
                    DrawRow(gfx, bold, y, "Date", "Institution", "Visit", "Total", "Fund", "Account", "Cash");
                    y += RowHeight;
                }

                DrawRow(gfx, font, y, r.Time.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    r.InstitutionId + (r.Refunded ? " (refunded)" : string.Empty), r.VisitType.ToString(),
                    SettlementCalculator.Fen(r.Total), SettlementCalculator.Fen(r.Fund), SettlementCalculator.Fen(r.Personal),
                    SettlementCalculator.Fen(r.Cash));
                y += RowHeight;
            }

            DrawRow(gfx, bold, y + 4, "Total", statement.Records.Count.ToString(CultureInfo.InvariantCulture) + " records", string.Empty,
                SettlementCalculator.Fen(statement.Total), SettlementCalculator.Fen(statement.Fund),
                SettlementCalculator.Fen(statement.Personal), SettlementCalculator.Fen(statement.Cash));
        }

        gfx.Dispose();
        document.Save(output, false);
    }

    /// <summary>The statement as a PDF document.</summary>
    public static byte[] Render(Statement statement)
    {
        using var buffer = new MemoryStream();
        Render(statement, buffer);
        return buffer.ToArray();
    }

    private static void DrawRow(XGraphics gfx, XFont font, double y, params string[] cells)
    {
        for (int i = 0; i < cells.Length; i++)
        {
            gfx.DrawString(cells[i], font, XBrushes.Black, new XPoint(Margin + ColumnX[i], y));
        }
    }
}
