using System;

namespace MedCard.Settlement.Statements;

/// <summary>A PDF statement needs a CJK-capable TrueType font (names in Chinese characters) and none was found: install
/// one (fonts-wqy-microhei on Debian and Ubuntu) or name its file in MEDCARD_CJK_FONT. The message is one line.</summary>
public sealed class StatementFontNotFoundException : InvalidOperationException
{
    /// <summary>An exception with a one-line message.</summary>
    public StatementFontNotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>An exception with the default message.</summary>
    public StatementFontNotFoundException()
        : base("No CJK-capable TrueType font found for the PDF statement.")
    {
    }

    /// <summary>An exception with a message and its cause.</summary>
    public StatementFontNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
