using System;
using System.Globalization;
using System.IO;
using System.Linq;
using MedCard.Settlement.Credits;
using MedCard.Settlement.Ledger;
using MedCard.Settlement.Rules;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace MedCard.Settlement.Statements;

/// <summary>
/// Renders a statement as an A4 PDF with PDFsharp: the month-end account credits, then one line per record (local
/// time, institution name, reader and counter, amounts right-aligned), paginated with "Page i of n". Names in Chinese
/// characters print with the system's CJK TrueType font, embedded (see <see cref="StatementFontResolver"/>); without
/// one, such a statement fails with a one-line <see cref="StatementFontNotFoundException"/>.
/// PDFsharp is pinned to 6.2.4, the last MIT release: 6.5 is AGPL-3.0 and wants the application to pick
/// a licence before it renders, which would bind every integrator of this MIT package.
/// </summary>
public static class StatementPdfRenderer
{
    private const double Margin = 40;
    private const double RowHeight = 14;
    private const double FooterHeight = 24;

    // Left edges of the text columns and right edges of the amount columns, from the margin.
    private const double TimeX = 0, InstitutionX = 72, ReaderX = 232, VisitX = 284;
    private static readonly double[] AmountRight = [370, 420, 470, 515];

    /// <summary>Writes the statement as a PDF to <paramref name="output"/>.</summary>
    public static void Render(Statement statement, Stream output)
    {
        ArgumentNullException.ThrowIfNull(statement);
        ArgumentNullException.ThrowIfNull(output);
        StatementFontResolver.EnsureInstalled();
        string family = StatementFontResolver.FamilyFor(statement.HolderName
            + string.Concat(statement.Records.Select(r => statement.InstitutionName(r.InstitutionId))));
        var page = new PageWriter(statement, family);
        page.Heading();
        if (statement.IsEmpty)
        {
            page.Line(p => p.Text("No unprinted records.", TimeX));
        }

        if (statement.Credits.Count > 0)
        {
            page.Line(p => p.Bold().Text("Time", TimeX).Text("Account credit", InstitutionX).Amount("Credited", 1).Regular());
            foreach (MonthlyCredit c in statement.Credits)
            {
                page.Line(p => p.Text(StatementFormatting.LocalTime(c.CreditedAt, statement.UtcOffset), TimeX)
                    .Text("Month-end credit " + c.Month, InstitutionX).Amount("+" + SettlementCalculator.Fen(c.Amount), 1));
            }

            page.Line(p => p.Bold().Text("Credited", TimeX).Text(StatementFormatting.Count(statement.Credits.Count, "credit"), InstitutionX)
                .Amount("+" + SettlementCalculator.Fen(statement.Credited), 1).Regular());
            page.Gap();
        }

        if (statement.Records.Count > 0)
        {
            static void Header(PageWriter p) => p.Bold().Text("Time", TimeX).Text("Institution", InstitutionX).Text("Reader/ctr", ReaderX)
                .Text("Visit", VisitX).Amount("Total", 0).Amount("Fund", 1).Amount("Account", 2).Amount("Cash", 3).Regular();
            page.Line(Header);
            page.RepeatOnNewPage = Header;
            foreach (CardRecord r in statement.Records)
            {
                string institution = statement.InstitutionName(r.InstitutionId) + (r.Refunded ? " (refunded)" : string.Empty)
                    + (r.OriginalCardNumber != r.CardNumber ? " [card " + r.OriginalCardNumber + "]" : string.Empty);
                page.Line(p => p.Text(StatementFormatting.LocalTime(r.Time, statement.UtcOffset), TimeX).Clipped(institution, InstitutionX, ReaderX - 4)
                    .Text(r.ReaderId.ToString(CultureInfo.InvariantCulture) + "/" + r.Counter.ToString(CultureInfo.InvariantCulture), ReaderX)
                    .Text(r.VisitType.ToString(), VisitX).Amount(SettlementCalculator.Fen(r.Total), 0).Amount(SettlementCalculator.Fen(r.Fund), 1)
                    .Amount(SettlementCalculator.Fen(r.Personal), 2).Amount(SettlementCalculator.Fen(r.Cash), 3));
            }

            page.RepeatOnNewPage = null;
            page.Line(p => p.Bold().Text("Total", TimeX).Text(StatementFormatting.Count(statement.Records.Count, "record"), InstitutionX)
                .Amount(SettlementCalculator.Fen(statement.Total), 0).Amount(SettlementCalculator.Fen(statement.Fund), 1)
                .Amount(SettlementCalculator.Fen(statement.Personal), 2).Amount(SettlementCalculator.Fen(statement.Cash), 3).Regular());
        }

        page.Finish(output);
    }

    /// <summary>The statement as a PDF document.</summary>
    public static byte[] Render(Statement statement)
    {
        using var buffer = new MemoryStream();
        Render(statement, buffer);
        return buffer.ToArray();
    }

    /// <summary>Writes lines top to bottom, starting a new page when one is full; numbers the pages at the end.</summary>
    private sealed class PageWriter
    {
        private readonly Statement _statement;
        private readonly PdfDocument _document = new();
        private readonly XFont _title;
        private readonly XFont _regular;
        private readonly XFont _bold;
        private XFont _font;
        private PdfPage _page = null!;
        private XGraphics _gfx = null!;
        private double _y;

        public PageWriter(Statement statement, string family)
        {
            _statement = statement;
            _title = new XFont(family, 14, XFontStyleEx.Bold);
            _regular = new XFont(family, 8.5);
            _bold = new XFont(family, 8.5, XFontStyleEx.Bold);
            _font = _regular;
            _document.Info.Title = "Statement " + statement.CardNumber;
            _document.Info.Creator = "MedCard.Settlement";
            NewPage();
        }

        public Action<PageWriter>? RepeatOnNewPage { get; set; }

        private void NewPage()
        {
            _gfx?.Dispose();
            _page = _document.AddPage();
            _page.Size = PdfSharp.PageSize.A4;
            _gfx = XGraphics.FromPdfPage(_page);
            _y = Margin;
        }

        public void Heading()
        {
            _gfx.DrawString("Medical insurance card statement", _title, XBrushes.Black, new XPoint(Margin, _y));
            _y += 22;
            Line(p => p.Text("Card " + _statement.CardNumber + "   Holder " + _statement.HolderName + "   ID " + _statement.MaskedResidentId, TimeX));
            Line(p => p.Text("Printed " + StatementFormatting.LocalTime(_statement.PrintedAt, _statement.UtcOffset) + " "
                + StatementFormatting.ZoneName(_statement.UtcOffset) + " (all times in this zone)"
                + (_statement.StatementId is long id ? "   Statement #" + id.ToString(CultureInfo.InvariantCulture) : string.Empty), TimeX));
            Gap();
        }

        public void Gap() => _y += RowHeight / 2;

        public void Line(Action<PageWriter> draw)
        {
            if (_y > _page.Height.Point - Margin - FooterHeight - RowHeight)
            {
                NewPage();
                RepeatOnNewPage?.Invoke(this);
                _y += RowHeight;
            }

            draw(this);
            _y += RowHeight;
        }

        public PageWriter Bold()
        {
            _font = _bold;
            return this;
        }

        public PageWriter Regular()
        {
            _font = _regular;
            return this;
        }

        public PageWriter Text(string text, double x)
        {
            _gfx.DrawString(text, _font, XBrushes.Black, new XPoint(Margin + x, _y));
            return this;
        }

        /// <summary>Text cut with an ellipsis so it ends before <paramref name="limit"/>.</summary>
        public PageWriter Clipped(string text, double x, double limit)
        {
            double room = limit - x;
            if (_gfx.MeasureString(text, _font).Width > room)
            {
                while (text.Length > 1 && _gfx.MeasureString(text + "…", _font).Width > room)
                {
                    text = text[..^1];
                }

                text += "…";
            }

            return Text(text, x);
        }

        /// <summary>An amount, right-aligned in amount column <paramref name="column"/>.</summary>
        public PageWriter Amount(string text, int column)
        {
            double width = _gfx.MeasureString(text, _font).Width;
            _gfx.DrawString(text, _font, XBrushes.Black, new XPoint(Margin + AmountRight[column] - width, _y));
            return this;
        }

        public void Finish(Stream output)
        {
            _gfx.Dispose();
            int count = _document.PageCount;
            for (int i = 0; i < count; i++)
            {
                PdfPage page = _document.Pages[i];
                using XGraphics gfx = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
                double y = page.Height.Point - Margin;
                gfx.DrawString("Card " + _statement.CardNumber, _regular, XBrushes.Black, new XPoint(Margin, y));
                string number = "Page " + (i + 1).ToString(CultureInfo.InvariantCulture) + " of " + count.ToString(CultureInfo.InvariantCulture);
                gfx.DrawString(number, _regular, XBrushes.Black, new XPoint(Margin + AmountRight[^1] - gfx.MeasureString(number, _regular).Width, y));
            }

            _document.Save(output, false);
            _document.Dispose();
        }
    }
}
