using System;
using PdfSharp.Fonts;
using PdfSharp.WPFonts;

namespace MedCard.Settlement.Statements;

/// <summary>
/// PDFsharp needs a font resolver off Windows. This one serves the Segoe WP faces that ship inside the
/// PDFsharp package (PdfSharp.WPFonts), so statements render identically on every machine without
/// depending on installed fonts. It only answers for <see cref="Family"/>.
/// Limitation: Segoe WP has no CJK glyphs; names in Chinese characters need a CJK font resolver.
/// </summary>
internal sealed class StatementFontResolver : IFontResolver
{
    public const string Family = "MedCard Statement";

    private static readonly object Gate = new();

    /// <summary>Installs the resolver once, unless the application already installed its own.</summary>
    public static void EnsureInstalled()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is null)
            {
                GlobalFontSettings.FontResolver = new StatementFontResolver();
            }
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
    {
        if (!string.Equals(familyName, Family, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        // Italic is simulated by PDFsharp; bold has its own face.
        return new FontResolverInfo(bold ? "SegoeWP-Bold" : "SegoeWP", false, italic);
    }

    public byte[]? GetFont(string faceName) => faceName switch
    {
        "SegoeWP-Bold" => FontDataHelper.SegoeWPBold,
        "SegoeWP" => FontDataHelper.SegoeWP,
        _ => null,
    };
}
