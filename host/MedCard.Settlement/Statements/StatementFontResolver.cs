using System;
using System.Collections.Concurrent;
using System.IO;
using PdfSharp.Fonts;
using PdfSharp.WPFonts;

namespace MedCard.Settlement.Statements;

/// <summary>
/// PDFsharp needs a font resolver off Windows. This one serves two families: <see cref="Family"/>, the Segoe WP faces
/// that ship inside the PDFsharp package (Latin only, identical on every machine), and <see cref="CjkFamily"/>, the
/// system's CJK TrueType font found by <see cref="CjkFont"/> (its file is read when a statement first uses it; bold is
/// simulated). Installed once per process, unless the application installed its own resolver.
/// </summary>
internal sealed class StatementFontResolver : IFontResolver
{
    public const string Family = "MedCard Statement";
    public const string CjkFamily = "MedCard Statement CJK";
    private const string CjkFace = "MedCardCjk|";

    private static readonly object Gate = new();
    private readonly ConcurrentDictionary<string, byte[]> _files = new(StringComparer.Ordinal);

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

    /// <summary>The family to write <paramref name="text"/> in: the CJK font when the system has one, else Segoe WP,
    /// unless the text needs CJK glyphs (then the one-line <see cref="StatementFontNotFoundException"/>).</summary>
    public static string FamilyFor(string text)
    {
        if (CjkFont.Find() is not null)
        {
            return CjkFamily;
        }

        return CjkFont.Needed(text)
            ? throw new StatementFontNotFoundException("no CJK-capable TrueType font for the PDF statement: install fonts-wqy-microhei "
                + "(or another TrueType CJK font) or set " + CjkFont.Variable + " to its file")
            : Family;
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
    {
        if (string.Equals(familyName, CjkFamily, StringComparison.OrdinalIgnoreCase))
        {
            string path = CjkFont.Find() ?? throw new StatementFontNotFoundException();
            return new FontResolverInfo(CjkFace + path, bold, italic);
        }

        if (!string.Equals(familyName, Family, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        // Italic is simulated by PDFsharp; bold has its own face.
        return new FontResolverInfo(bold ? "SegoeWP-Bold" : "SegoeWP", false, italic);
    }

    public byte[]? GetFont(string faceName)
    {
        if (faceName.StartsWith(CjkFace, StringComparison.Ordinal))
        {
            return _files.GetOrAdd(faceName, f => TrueTypeCollection.FirstFace(File.ReadAllBytes(f[CjkFace.Length..])));
        }

        return faceName switch
        {
            "SegoeWP-Bold" => FontDataHelper.SegoeWPBold,
            "SegoeWP" => FontDataHelper.SegoeWP,
            _ => null,
        };
    }
}
