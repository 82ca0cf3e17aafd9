using System;
using System.IO;
using MedCard.Boards.Generator;
using Xunit;

namespace MedCard.Boards.Tests
{
    /// <summary>The command line on a scratch copy of the boards folder (real files in a temp directory).</summary>
    public sealed class GeneratorCliTests : IDisposable
    {
        private readonly string root = Path.Combine(Path.GetTempPath(), "medcard-boards-" + Guid.NewGuid().ToString("N"));

        public GeneratorCliTests()
        {
            Directory.CreateDirectory(Path.Combine(root, "boards", "esp32-devkitc"));
            File.WriteAllText(Path.Combine(root, "MedCard.Device.sln"), string.Empty);
            File.Copy(Path.Combine(Repo.Root, "boards", "esp32-devkitc", "board.txt"), Path.Combine(root, "boards", "esp32-devkitc", "board.txt"));
            File.WriteAllText(Path.Combine(root, "boards", "README.md"), "# scratch\n" + ReadmeWriter.Begin + "\n" + ReadmeWriter.End + "\n");
        }

        public void Dispose()
        {
            Directory.Delete(root, recursive: true);
        }

        private int Run(params string[] args)
        {
            var all = new string[args.Length + 2];
            args.CopyTo(all, 0);
            all[^2] = "--root";
            all[^1] = root;
            return GeneratorCli.Run(all, TextWriter.Null, TextWriter.Null);
        }

        [Fact]
        public void CheckFailsBeforeGenerationAndPassesAfter()
        {
            Assert.Equal(1, Run("--check"));
            Assert.Equal(0, Run());
            Assert.True(File.Exists(Path.Combine(root, "boards", "esp32-devkitc", "wiring.svg")));
            Assert.True(File.Exists(Path.Combine(root, "firmware", "MedCard.Firmware.App", "Boards", "Esp32DevKitC.g.cs")));
            Assert.Equal(0, Run("--check"));
        }

        [Fact]
        public void CheckFailsWhenAGeneratedFileWasHandEdited()
        {
            Assert.Equal(0, Run());
            File.AppendAllText(Path.Combine(root, "boards", "esp32-devkitc", "wiring.md"), "hand edit\n");
            Assert.Equal(1, Run("--check"));
        }

        [Fact]
        public void CheckFailsWhenTheBoardFileChangedAfterGeneration()
        {
            Assert.Equal(0, Run());
            string board = Path.Combine(root, "boards", "esp32-devkitc", "board.txt");
            File.WriteAllText(board, File.ReadAllText(board).Replace("led.busy = 4", "led.busy = 15\nallow.15 = test", StringComparison.Ordinal));
            Assert.Equal(1, Run("--check"));
        }

        [Fact]
        public void InvalidBoardExitsWithTwoAndWritesNothing()
        {
            string board = Path.Combine(root, "boards", "esp32-devkitc", "board.txt");
            File.WriteAllText(board, File.ReadAllText(board).Replace("led.busy = 4", "led.busy = 34", StringComparison.Ordinal));
            Assert.Equal(2, Run());
            Assert.False(Directory.Exists(Path.Combine(root, "firmware")));
        }

        [Fact]
        public void ReadmeRegionIsFilledAndTheRestKept()
        {
            Assert.Equal(0, Run());
            string readme = File.ReadAllText(Path.Combine(root, "boards", "README.md"));
            Assert.StartsWith("# scratch\n", readme, StringComparison.Ordinal);
            Assert.Contains("esp32-devkitc/wiring.svg", readme, StringComparison.Ordinal);
            Assert.EndsWith(ReadmeWriter.End + "\n", readme, StringComparison.Ordinal);
        }

        [Fact]
        public void ReadmeWithoutMarkersIsAnError()
        {
            File.WriteAllText(Path.Combine(root, "boards", "README.md"), "# no markers\n");
            Assert.Equal(2, Run());
        }

        [Fact]
        public void UnknownArgumentIsAUsageError()
        {
            Assert.Equal(2, Run("--frobnicate"));
        }
    }
}
