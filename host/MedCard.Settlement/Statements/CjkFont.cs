using System;
using System.IO;

namespace MedCard.Settlement.Statements;

/// <summary>
/// Finds the CJK-capable font for PDF statements: the file named by MEDCARD_CJK_FONT, else a TrueType CJK font where
/// the systems install it (WenQuanYi Micro Hei or Zen Hei on Linux, Microsoft YaHei or SimSun on Windows). TrueType
/// outlines only: Noto CJK (CFF outlines in an OpenType collection) produced unreadable PDFs with PDFsharp 6.2.4.
/// </summary>
internal static class CjkFont
{
    public const string Variable = "MEDCARD_CJK_FONT";

    private static readonly string[] Candidates =
    [
        "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",       // Debian, Ubuntu: fonts-wqy-microhei
        "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc",       // Fedora: wqy-microhei-fonts
        "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",         // Debian, Ubuntu: fonts-wqy-zenhei
        "/usr/share/fonts/wenquanyi/wqy-microhei/wqy-microhei.ttc", // Arch
        @"C:\Windows\Fonts\msyh.ttc",
        @"C:\Windows\Fonts\simsun.ttc",
    ];

    /// <summary>The font file, or null when this machine has none; a MEDCARD_CJK_FONT naming no file is an error.</summary>
    public static string? Find()
    {
        string? named = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrWhiteSpace(named))
        {
            return File.Exists(named)
                ? named
                : throw new StatementFontNotFoundException(Variable + " names " + named + ", which is not a file; point it at a TrueType CJK font (.ttf or .ttc)");
        }

        foreach (string path in Candidates)
        {
            if (File.Exists(path))
            {
                return path;
            }
        }

        return null;
    }

    /// <summary>True when <paramref name="text"/> has characters beyond the Latin faces bundled with PDFsharp.</summary>
    public static bool Needed(string text)
    {
        foreach (char c in text)
        {
            if (c > '\u024F')
            {
                return true;
            }
        }

        return false;
    }
}
