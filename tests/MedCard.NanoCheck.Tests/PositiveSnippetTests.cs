using System.Collections.Generic;
using MedCard.NanoCheck.Checks;
using MedCard.NanoCheck.Projects;
using Xunit;

namespace MedCard.NanoCheck.Tests;

/// <summary>Idiomatic nanoFramework 1.x code must pass the reference compile without a single finding.</summary>
[Collection(StubCollection.Name)]
public sealed class PositiveSnippetTests
{
    private readonly StubFixture _fixture;

    public PositiveSnippetTests(StubFixture fixture)
    {
        _fixture = fixture;
    }

    public static TheoryData<string, string, string> Cases => new()
    {
        // name, extra package ("" for none), member
        { "SpanByte", "", "public byte Run(byte[] a) { SpanByte s = new SpanByte(a, 1, 2); SpanByte t = s.Slice(1); t[0] = 7; return s[1]; }" },
        { "ArrayList", "", "public int Run() { var l = new ArrayList(); l.Add(1); l.Add(\"x\"); return (int)l[0] + l.Count; }" },
        { "StringBuilder with System.Text", "nanoFramework.System.Text", "public string Run() { var sb = new System.Text.StringBuilder(); sb.Append(\"a\").Append(1).AppendLine(); return sb.ToString(); }" },
        { "Hashtable with Collections", "nanoFramework.System.Collections", "public object Run() { var h = new Hashtable(); h[\"k\"] = 1; return h.Contains(\"k\") ? h[\"k\"] : null; }" },
        { "lock", "", "private readonly object _gate = new object(); private int _n; public void Run() { lock (_gate) { _n++; } }" },
        { "foreach over array", "", "public int Run(byte[] a) { int s = 0; foreach (byte b in a) { s += b; } return s; }" },
        { "string concat", "", "public string Run(int n, string s) { return \"n=\" + n + \", s=\" + s + ';'; }" },
        { "string switch", "", "public int Run(string s) { switch (s) { case \"a\": return 1; case \"b\": return 2; case \"c\": return 3; case \"d\": return 4; case \"e\": return 5; case \"f\": return 6; case \"g\": return 7; case \"h\": return 8; default: return 0; } }" },
        { "event with custom delegate", "", "public delegate void CountChanged(object sender, int count); public event CountChanged Changed; public void Run(int n) { CountChanged h = Changed; if (h != null) { h(this, n); } }" },
        { "interface", "", "public interface IClock { long NowTicks { get; } } private sealed class Clock : IClock { public long NowTicks { get { return DateTime.UtcNow.Ticks; } } } public long Run() { IClock c = new Clock(); return c.NowTicks; }" },
        { "struct", "", "public struct Point { public int X; public int Y; public Point(int x, int y) { X = x; Y = y; } public override string ToString() { return X.ToString() + \",\" + Y.ToString(); } } public string Run() { return new Point(1, 2).ToString(); }" },
        { "[Flags] enum", "", "[Flags] public enum Caps : byte { None = 0, Pin = 1, Nfc = 2 } public bool Run(Caps c) { return (c & Caps.Nfc) == Caps.Nfc || c.HasFlag(Caps.Pin); }" },
        { "Math with package", "nanoFramework.System.Math", "public double Run(double x) { return Math.Max(Math.Abs(x), Math.Sqrt(2.0)); }" },
        { "exceptions and using", "", "private sealed class R : IDisposable { public void Dispose() { } } public void Run(string s) { if (s == null) { throw new ArgumentNullException(\"s\"); } using (var r = new R()) { } try { Run2(); } catch (InvalidOperationException e) { throw new Exception(e.Message, e); } } private void Run2() { }" },
        { "Array.Copy and BitConverter", "", "public long Run(byte[] a) { var b = new byte[8]; Array.Copy(a, 0, b, 0, 8); return BitConverter.ToInt64(b, 0); }" },
        { "Thread and AutoResetEvent", "", "private readonly System.Threading.AutoResetEvent _go = new System.Threading.AutoResetEvent(false); public void Run() { var t = new System.Threading.Thread(Work); t.Start(); _go.Set(); } private void Work() { _go.WaitOne(); }" },
        { "HMACSHA256", "nanoFramework.System.Security.Cryptography", "public byte[] Run(byte[] k, byte[] d) { using (var h = new System.Security.Cryptography.HMACSHA256(k)) { return h.ComputeHash(d); } }" },
        { "Convert with optional base", "", "public int Run(string s) { return Convert.ToInt32(s) + Convert.ToInt32(s, 16); }" },
        { "string.Format with params", "", "public string Run(int a) { return string.Format(\"{0}-{1}\", a, \"x\"); }" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void GoodSnippetCompilesClean(string name, string package, string member)
    {
        string[] packages = package.Length == 0 ? [] : [package];
        IReadOnlyList<Finding> findings = _fixture.CheckSnippet(Snippets.WithMember(member), packages);

        Assert.True(findings.Count == 0, name + ":\n" + _fixture.Describe(findings));
    }

    [Fact]
    public void DeviceAdapterAgainstIotPackagesCompilesClean()
    {
        // The reader's hardware adapters need the MFRC522 binding, its Card dependency and the buses.
        string member = "public bool Run(System.Device.Spi.SpiDevice spi, System.Device.Gpio.GpioController gpio) { "
            + "var reader = new Iot.Device.Mfrc522.MfRc522(spi, -1, gpio, false); "
            + "Iot.Device.Rfid.Data106kbpsTypeA card; return reader.ListenToCardIso14443TypeA(out card, TimeSpan.FromSeconds(1)); }";
        IReadOnlyList<Finding> findings = _fixture.CheckSnippet(
            Snippets.WithMember(member),
            "nanoFramework.Iot.Device.Mfrc522",
            "nanoFramework.Iot.Device.Card",
            "nanoFramework.System.Device.Spi",
            "nanoFramework.System.Device.Gpio",
            "nanoFramework.System.Device.I2c",
            "nanoFramework.System.IO.Ports",
            "nanoFramework.System.IO.Streams",
            "nanoFramework.Runtime.Events",
            "nanoFramework.Runtime.Native",
            "nanoFramework.System.Text",
            "nanoFramework.System.Buffers.Binary.BinaryPrimitives",
            "nanoFramework.System.Diagnostics.Stopwatch",
            "nanoFramework.Logging");

        Assert.True(findings.Count == 0, _fixture.Describe(findings));
    }

    [Fact]
    public void TestFrameworkTestClassCompilesClean()
    {
        string source = "using nanoFramework.TestFramework;\n\n\nnamespace Snippets\n{\n    [TestClass]\n    public class SnippetTests\n    {\n"
            + "        [TestMethod]\n        public void Adds() { Assert.AreEqual(2, 1 + 1); Assert.IsTrue(true); }\n    }\n}\n";

        string capability = "  <ItemGroup>\n    <ProjectCapability Include=\"TestContainer\" />\n  </ItemGroup>\n";
        IReadOnlyList<Finding> findings = _fixture.Check(_fixture.WriteProject(
            new Dictionary<string, string> { ["Snippet.cs"] = source },
            [PinnedPackages.CoreLibrary, PinnedPackages.TestFramework],
            capability));

        Assert.True(findings.Count == 0, _fixture.Describe(findings));
    }
}
