namespace MedCard.Cli.Infrastructure;

/// <summary>
/// PDFsharp 6.5 is published under AGPL-3.0-only (or a commercial license) and refuses to render until the
/// application declares which one applies. The settlement library leaves that choice to the application;
/// for the medcard tool it is made here, in this one place, and only when a PDF is actually rendered:
/// the tool ships with the AGPL-3.0 PDFsharp package, so its PDF output is under AGPL-3.0 terms
/// (see host/MedCard.Cli/README.md). A distributor with a commercial PDFsharp license replaces this call.
/// </summary>
internal static class PdfLicense
{
    public static void EnsureChosen() => PdfSharp.PdfSharpLicense.SetAgplLicense();
}
