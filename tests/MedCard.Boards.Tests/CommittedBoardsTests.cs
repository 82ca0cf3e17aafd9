using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using MedCard.Boards.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace MedCard.Boards.Tests
{
    /// <summary>Checks on the real board files and the generated files committed next to them.</summary>
    public class CommittedBoardsTests
    {
        private static IReadOnlyList<BoardDescription> Boards() => BoardRepository.LoadBoards(Repo.Root);

        public static TheoryData<string> BoardIds()
        {
            var data = new TheoryData<string>();
            foreach (BoardDescription b in BoardRepository.LoadBoards(Repo.Root))
            {
                data.Add(b.Id);
            }

            return data;
        }

        private static BoardDescription Board(string id) => Boards().Single(b => b.Id == id);

        [Fact]
        public void AtLeastTheTwoRequiredBoardsAreDescribed()
        {
            var ids = Boards().Select(b => b.Id).ToList();
            Assert.Contains("esp32-devkitc", ids);
            Assert.True(ids.Count >= 2, "expected at least two boards, found " + ids.Count);
            Assert.Equal(16, Board("esp32-devkitc").KeypadKeys.Sum(r => r.Length));
        }

        [Fact]
        public void CommittedOutputsAreUpToDate()
        {
            IReadOnlyList<string> stale = BoardRepository.FindStale(Repo.Root, BoardRepository.GenerateAll(Repo.Root, Boards()));
            Assert.True(stale.Count == 0, "stale: " + string.Join(", ", stale) + "; run dotnet run --project tools/MedCard.Boards.Generator");
        }

        [Fact]
        public void CheckModeOfTheCliAgreesOnTheCheckout()
        {
            var output = new StringWriter();
            var error = new StringWriter();
            int code = GeneratorCli.Run(new[] { "--check", "--root", Repo.Root }, output, error);
            Assert.True(code == 0, error.ToString());
            Assert.Contains("up to date", output.ToString());
        }

        [Fact]
        public void EveryBoardPassesTheValidator()
        {
            IReadOnlyList<string> errors = BoardRepository.Validate(Boards());
            Assert.True(errors.Count == 0, string.Join("\n", errors));
        }

        [Theory]
        [MemberData(nameof(BoardIds))]
        public void NoGpioIsUsedTwice(string id)
        {
            var duplicates = Board(id).Pins().GroupBy(p => p.Gpio).Where(g => g.Count() > 1)
                .Select(g => "GPIO" + g.Key + ": " + string.Join(", ", g.Select(p => p.Key))).ToList();
            Assert.Empty(duplicates);
        }

        [Theory]
        [MemberData(nameof(BoardIds))]
        public void NoOutputSitsOnAnInputOnlyPin(string id)
        {
            var bad = Board(id).Pins().Where(p => p.Direction == PinDirection.Output && p.Gpio >= 34 && p.Gpio <= 39)
                .Select(p => p.Key + "=GPIO" + p.Gpio).ToList();
            Assert.Empty(bad);
        }

        [Theory]
        [MemberData(nameof(BoardIds))]
        public void InputOnlyColumnsDeclareExternalPullUps(string id)
        {
            BoardDescription b = Board(id);
            if (b.KeypadColumns.Any(c => c >= 34))
            {
                Assert.True(b.KeypadColumnsExternalPullUp, "GPIO34-39 have no internal pull-ups");
                Assert.Contains("10 kOhm", File.ReadAllText(Path.Combine(Repo.Root, "boards", id, "wiring.md")));
            }
        }

        [Theory]
        [MemberData(nameof(BoardIds))]
        public void WiringSvgIsWellFormedSvg(string id)
        {
            XDocument doc = XDocument.Load(Path.Combine(Repo.Root, "boards", id, "wiring.svg"));
            XNamespace svg = "http://www.w3.org/2000/svg";
            Assert.Equal(svg + "svg", doc.Root!.Name);

            // Every used GPIO is labelled in the drawing.
            var labels = doc.Descendants(svg + "text").Select(t => t.Value).ToHashSet();
            foreach (PinUse pin in Board(id).Pins())
            {
                Assert.Contains("GPIO" + pin.Gpio, labels);
            }
        }

        [Theory]
        [MemberData(nameof(BoardIds))]
        public void WiringTableListsEveryPinOnce(string id)
        {
            string md = File.ReadAllText(Path.Combine(Repo.Root, "boards", id, "wiring.md"));
            foreach (PinUse pin in Board(id).Pins())
            {
                int rows = md.Split('\n').Count(l => l.StartsWith("| " + pin.Part + " |") && l.Contains("| GPIO" + pin.Gpio + " |"));
                Assert.Equal(1, rows);
            }
        }

        [Theory]
        [MemberData(nameof(BoardIds))]
        public void ReadmeShowsEachBoardsDiagramAndTable(string id)
        {
            string readme = File.ReadAllText(Path.Combine(Repo.Root, "boards", "README.md"));
            Assert.Contains("](" + id + "/wiring.svg)", readme);
            Assert.Contains("| Keypad | R1 | GPIO" + Board(id).KeypadRows[0] + " |", readme);
        }

        [Fact]
        public void GeneratedCSharpParsesAsCSharp9WithoutGenerics()
        {
            foreach (GeneratedFile file in BoardRepository.Generate(Boards()).Where(f => f.RelativePath.EndsWith(".cs")))
            {
                SyntaxTree tree = CSharpSyntaxTree.ParseText(file.Content, new CSharpParseOptions(LanguageVersion.CSharp9));
                Assert.DoesNotContain(tree.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error);
                Assert.DoesNotContain('<', file.Content.Split('\n').Where(l => !l.TrimStart().StartsWith("//")).SelectMany(l => l));
            }
        }

        [Fact]
        public void GeneratedCSharpFilesAreInTheFirmwareProjectCompileList()
        {
            string nfproj = Path.Combine(Repo.Root, "firmware", "MedCard.Firmware.App", "MedCard.Firmware.App.nfproj");
            XDocument doc = XDocument.Load(nfproj);
            var compiled = doc.Descendants().Where(e => e.Name.LocalName == "Compile")
                .Select(e => ((string)e.Attribute("Include")!).Replace('\\', '/')).ToHashSet();
            foreach (GeneratedFile file in BoardRepository.Generate(Boards()).Where(f => f.RelativePath.EndsWith(".cs")))
            {
                string relative = file.RelativePath.Substring(BoardRepository.FirmwareBoardsFolder.Length - "Boards".Length);
                Assert.Contains(relative, compiled);
            }
        }
    }
}
