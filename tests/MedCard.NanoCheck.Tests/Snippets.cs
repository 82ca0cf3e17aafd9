namespace MedCard.NanoCheck.Tests;

/// <summary>Wraps a member declaration so that it sits on line 8 of Snippet.cs.</summary>
internal static class Snippets
{
    public const int MemberLine = 8;

    public static string WithMember(string member, string usings = "using System;\nusing System.Collections;\n") =>
        usings.TrimEnd('\n').Split('\n').Length == 2
            ? usings + "\nnamespace Snippets\n{\n    public class Snippet\n    {\n        " + member + "\n    }\n}\n"
            : throw new System.ArgumentException("usings must be exactly two lines so the member lands on line " + MemberLine);
}
