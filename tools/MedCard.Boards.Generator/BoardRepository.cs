using System;
using System.Collections.Generic;
using System.IO;

namespace MedCard.Boards.Generator
{
    /// <summary>
    /// Finds the board descriptions in a repository checkout and computes every file generated from
    /// them. Pure apart from reading board.txt files: writing and checking happen in <see cref="GeneratorCli"/>.
    /// </summary>
    public static class BoardRepository
    {
        /// <summary>Folder of the firmware app's generated board classes, relative to the repository root.</summary>
        public const string FirmwareBoardsFolder = "firmware/MedCard.Firmware.App/Boards";

        /// <summary>Walk up from <paramref name="start"/> to the folder holding MedCard.Device.sln.</summary>
        public static string FindRoot(string start)
        {
            var dir = new DirectoryInfo(start);
            while (dir is not null)
            {
                if (File.Exists(Path.Combine(dir.FullName, "MedCard.Device.sln")) && Directory.Exists(Path.Combine(dir.FullName, "boards")))
                {
                    return dir.FullName;
                }

                dir = dir.Parent;
            }

            throw new DirectoryNotFoundException("No MedCard.Device.sln with a boards/ folder above " + start + "; pass --root.");
        }

        /// <summary>Parse every <c>boards/*/board.txt</c>, sorted by folder name.</summary>
        public static IReadOnlyList<BoardDescription> LoadBoards(string root)
        {
            var files = new List<string>(Directory.GetFiles(Path.Combine(root, "boards"), "board.txt", SearchOption.AllDirectories));
            files.RemoveAll(f => Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(f))) != "boards");
            files.Sort(StringComparer.Ordinal);

            var boards = new List<BoardDescription>();
            foreach (string file in files)
            {
                BoardDescription board = BoardParser.ParseFile(file);
                string folder = Path.GetFileName(Path.GetDirectoryName(file)!);
                if (board.Id != folder)
                {
                    throw new BoardFormatException(file + ": id '" + board.Id + "' differs from its folder name '" + folder + "'");
                }

                boards.Add(board);
            }

            return boards;
        }

        /// <summary>Every validation error across <paramref name="boards"/>, including clashes between boards.</summary>
        public static IReadOnlyList<string> Validate(IReadOnlyList<BoardDescription> boards)
        {
            var errors = new List<string>();
            var classes = new HashSet<string>(StringComparer.Ordinal);
            foreach (BoardDescription board in boards)
            {
                errors.AddRange(BoardValidator.Validate(board));
                if (!classes.Add(board.ClassName) || board.ClassName is "BoardPins" or "BoardCatalog")
                {
                    errors.Add(board.Id + ": class name '" + board.ClassName + "' is already taken");
                }
            }

            return errors;
        }

        /// <summary>All generated files for <paramref name="boards"/>, in a stable order.</summary>
        public static IReadOnlyList<GeneratedFile> Generate(IReadOnlyList<BoardDescription> boards)
        {
            var files = new List<GeneratedFile>();
            foreach (BoardDescription b in boards)
            {
                files.Add(new GeneratedFile(FirmwareBoardsFolder + "/" + b.ClassName + ".g.cs", CSharpWriter.BoardClass(b)));
                files.Add(new GeneratedFile("boards/" + b.Id + "/wiring.md", MarkdownWriter.Wiring(b)));
                files.Add(new GeneratedFile("boards/" + b.Id + "/wiring.svg", SvgWriter.Diagram(b)));
            }

            files.Add(new GeneratedFile(FirmwareBoardsFolder + "/BoardCatalog.g.cs", CSharpWriter.Catalog(boards)));
            return files;
        }

        /// <summary>
        /// Everything <see cref="Generate"/> writes plus boards/README.md with its generated board region
        /// refreshed (the rest of the README is hand-written and read from <paramref name="root"/>).
        /// </summary>
        public static IReadOnlyList<GeneratedFile> GenerateAll(string root, IReadOnlyList<BoardDescription> boards)
        {
            var files = new List<GeneratedFile>(Generate(boards));
            string readme = Path.Combine(root, "boards", "README.md");
            if (!File.Exists(readme))
            {
                throw new BoardFormatException(readme + ": missing (it holds the generated board section)");
            }

            files.Add(new GeneratedFile("boards/README.md", ReadmeWriter.Splice(File.ReadAllText(readme), boards, readme)));
            return files;
        }

        /// <summary>Generated files whose committed copy is missing or differs, plus stale *.g.cs left behind.</summary>
        public static IReadOnlyList<string> FindStale(string root, IReadOnlyList<GeneratedFile> expected)
        {
            var stale = new List<string>();
            var known = new HashSet<string>(StringComparer.Ordinal);
            foreach (GeneratedFile file in expected)
            {
                known.Add(file.RelativePath);
                string path = Path.Combine(root, file.RelativePath);
                if (!File.Exists(path) || File.ReadAllText(path) != file.Content)
                {
                    stale.Add(file.RelativePath);
                }
            }

            string generatedFolder = Path.Combine(root, FirmwareBoardsFolder);
            if (Directory.Exists(generatedFolder))
            {
                foreach (string path in Directory.GetFiles(generatedFolder, "*.g.cs"))
                {
                    string relative = FirmwareBoardsFolder + "/" + Path.GetFileName(path);
                    if (!known.Contains(relative))
                    {
                        stale.Add(relative + " (no board generates it any more)");
                    }
                }
            }

            return stale;
        }
    }
}
