using System.Collections.Generic;
using System.IO;
using System.Linq;
using MedCard.NanoCheck.Checks;
using Xunit;

namespace MedCard.NanoCheck.Tests;

/// <summary>
/// Known-bad firmware snippets: each must fail the reference compile with the file, the line of the
/// offending member and the missing API (or the device rule) in the message.
/// </summary>
[Collection(StubCollection.Name)]
public sealed class NegativeSnippetTests
{
    private readonly StubFixture _fixture;

    public NegativeSnippetTests(StubFixture fixture)
    {
        _fixture = fixture;
    }

    public static TheoryData<string, string, string, string, string> Cases => new()
    {
        // name, extra package ("" for none), member on line 8, expected code, expected text in message
        { "List<int>", "", "public int Run() { var l = new List<int>(); return l.Count; }", "CS0246", "List<>" },
        { "LINQ call", "", "public int Run(int[] a) { return a.Where(x => x > 1).Count(); }", "CS1061", "'Where'" },
        { "Span<byte>", "", "public int Run() { Span<byte> s = new byte[4]; return s.Length; }", "CS0246", "Span<>" },
        { "async method", "", "public async void Run() { }", "CS0518", "AsyncVoidMethodBuilder" },
        { "int?", "", "public int? Run() { return null; }", "CS0518", "System.Nullable`1" },
        { "string.Join", "", "public string Run(string[] a) { return string.Join(\",\", a); }", "CS0117", "'Join'" },
        { "DateTime.Now", "", "public long Run() { return DateTime.Now.Ticks; }", "CS0117", "'Now'" },
        { "Math.Max(long,long)", "nanoFramework.System.Math", "public long Run() { long m = Math.Max(1L, 2L); return m; }", "CS0266", "to 'long'" },
        { "StringBuilder without System.Text", "", "public string Run() { var sb = new System.Text.StringBuilder(); return sb.ToString(); }", "CS0234", "nanoFramework.System.Text" },
        { "Hashtable without Collections", "", "public int Run() { var h = new Hashtable(); return h.Count; }", "CS0246", "nanoFramework.System.Collections" },
        { "new Action<int>", "", "public void Run() { var a = new Action<int>(Take); a(1); } private void Take(int x) { }", RuleIds.GenericInstantiation, "System.Action<int>" },
        { "lambda to Func<int>", "", "public int Run() { Func<int> f = () => 1; return f(); }", RuleIds.GenericInstantiation, "System.Func<int>" },
        { "EventHandler<T>", "", "public event EventHandler<EventArgs> Changed;", RuleIds.GenericInstantiation, "System.EventHandler<System.EventArgs>" },
        { "excluded type DBNull", "", "public object Run() { return System.DBNull.Value; }", RuleIds.ExcludedType, "System.DBNull" },
        { "generic method", "", "public T Run<T>(T x) { return x; }", RuleIds.GenericDeclaration, "Run<T>" },
        { "Math.Abs(long) to double", "nanoFramework.System.Math", "public long Run(long a) { return (long)Math.Abs(a); }", RuleIds.LossyMathOverload, "has no long overload" },
        { "Math.Max(uint,uint) to float", "nanoFramework.System.Math", "public uint Run(uint a, uint b) { return (uint)Math.Max(a, b); }", RuleIds.LossyMathOverload, "converted to float" },
        { "DateTimeKind.Local", "", "public DateTimeKind Run() { return DateTimeKind.Local; }", "CS0619", "DateTimeKind.Local" },
        { "Buffer.BlockCopy", "", "public void Run(byte[] a) { Buffer.BlockCopy(a, 0, a, 1, 1); }", "CS0103", "'Buffer'" },
        { "Char.IsDigit", "", "public bool Run(char c) { return char.IsDigit(c); }", "CS0117", "'IsDigit'" },
        { "decimal", "", "public decimal Run() { return 1m; }", "CS0518", "System.Decimal" },
        { "tuple", "", "public (int, int) Run() { return (1, 2); }", "CS8179", "ValueTuple`2" },
        { "Array.Resize", "", "public void Run(byte[] a) { Array.Resize(ref a, 2); }", "CS0117", "'Resize'" },
        { "record", "", "public record Point(int X, int Y);", "CS0518", "System.IEquatable`1" },
        { "CancellationToken", "", "public void Run(System.Threading.CancellationToken t) { }", "CS0234", "CancellationToken" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void KnownBadSnippetFailsWithFileLineAndApi(string name, string package, string member, string code, string expectedText)
    {
        string[] packages = package.Length == 0 ? [] : [package];
        IReadOnlyList<Finding> findings = _fixture.CheckSnippet(Snippets.WithMember(member), packages);

        Finding? hit = findings.FirstOrDefault(f => f.Code == code && f.Message.Contains(expectedText, System.StringComparison.Ordinal));
        Assert.True(hit is not null, name + ": expected " + code + " mentioning '" + expectedText + "', got:\n" + _fixture.Describe(findings));
        Assert.Equal("Snippet.cs", Path.GetFileName(hit!.FilePath));
        Assert.Equal(Snippets.MemberLine, hit.Line);
        Assert.True(hit.Column > 1, "column points into the line");
    }

    [Fact]
    public void FormattedLineCarriesPathLineColumnAndCode()
    {
        IReadOnlyList<Finding> findings = _fixture.CheckSnippet(Snippets.WithMember("public long Run() { return DateTime.Now.Ticks; }"));

        string line = Assert.Single(findings).Format(_fixture.RepoRoot);
        Assert.Matches(@"Snippet\.cs\(8,\d+\): error CS0117: 'DateTime' does not contain a definition for 'Now'", line);
    }

    [Fact]
    public void TypeOfAPackageIsFoundOnceThePackageIsReferenced()
    {
        string member = "public string Run() { var sb = new System.Text.StringBuilder(); sb.Append(\"x\"); return sb.ToString(); }";

        Assert.NotEmpty(_fixture.CheckSnippet(Snippets.WithMember(member)));
        Assert.Empty(_fixture.CheckSnippet(Snippets.WithMember(member), "nanoFramework.System.Text"));
    }

    [Fact]
    public void ExcludedAttributeTypesAreAllowedInAttributePosition()
    {
        string source = "using System;\nusing System.ComponentModel;\n\nnamespace Snippets\n{\n"
            + "    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]\n"
            + "    public sealed class MarkAttribute : Attribute { }\n\n"
            + "    [Mark]\n    public class Snippet\n    {\n"
            + "        [EditorBrowsable(EditorBrowsableState.Never)]\n        public int Value;\n    }\n}\n";

        IReadOnlyList<Finding> findings = _fixture.CheckSnippet(source);

        Assert.True(findings.Count == 0, _fixture.Describe(findings));
    }

    [Fact]
    public void ExcludedTypeOutsideAttributeIsReported()
    {
        IReadOnlyList<Finding> findings = _fixture.CheckSnippet(Snippets.WithMember("public AttributeTargets Run() { return AttributeTargets.Class; }"));

        Assert.Contains(findings, f => f.Code == RuleIds.ExcludedType && f.Line == Snippets.MemberLine && f.Message.Contains("System.AttributeTargets", System.StringComparison.Ordinal));
    }
}
