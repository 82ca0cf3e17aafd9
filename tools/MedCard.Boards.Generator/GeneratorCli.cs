using System;
using System.Collections.Generic;
using System.IO;

namespace MedCard.Boards.Generator
{
    /// <summary>
    /// Command line: no arguments regenerates every output; <c>--check</c> writes nothing and exits 1
    /// when a committed output is stale; <c>--root &lt;dir&gt;</c> names the repository root.
    /// Exit codes: 0 ok, 1 stale outputs, 2 invalid board or usage error.
    /// </summary>
    public static class GeneratorCli
    {
        /// <summary>Run the generator; returns the process exit code.</summary>
        public static int Run(string[] args, TextWriter output, TextWriter error)
        {
            bool check = false;
            string? root = null;
            for (int i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--check":
                        check = true;
                        break;
                    case "--root" when i + 1 < args.Length:
                        root = args[++i];
                        break;
                    default:
                        error.WriteLine("usage: MedCard.Boards.Generator [--check] [--root <repository root>]");
                        return 2;
                }
            }

            IReadOnlyList<BoardDescription> boards;
            try
            {
                root ??= BoardRepository.FindRoot(Directory.GetCurrentDirectory());
                boards = BoardRepository.LoadBoards(root);
            }
            catch (Exception ex) when (ex is BoardFormatException or IOException)
            {
                error.WriteLine("error: " + ex.Message);
                return 2;
            }

            IReadOnlyList<string> problems = BoardRepository.Validate(boards);
            foreach (string problem in problems)
            {
                error.WriteLine("error: " + problem);
            }

            if (problems.Count > 0)
            {
                return 2;
            }

            IReadOnlyList<GeneratedFile> files;
            try
            {
                files = BoardRepository.GenerateAll(root, boards);
            }
            catch (Exception ex) when (ex is BoardFormatException or IOException)
            {
                error.WriteLine("error: " + ex.Message);
                return 2;
            }

            IReadOnlyList<string> stale = BoardRepository.FindStale(root, files);
            if (check)
            {
                foreach (string path in stale)
                {
                    error.WriteLine("stale: " + path);
                }

                output.WriteLine(stale.Count == 0
                    ? "boards: " + boards.Count + " boards, " + files.Count + " generated files up to date"
                    : "boards: " + stale.Count + " generated files are stale; run: dotnet run --project tools/MedCard.Boards.Generator");
                return stale.Count == 0 ? 0 : 1;
            }

            foreach (GeneratedFile file in files)
            {
                string path = Path.Combine(root, file.RelativePath);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                if (!File.Exists(path) || File.ReadAllText(path) != file.Content)
                {
                    File.WriteAllText(path, file.Content);
                    output.WriteLine("wrote " + file.RelativePath);
                }
            }

            foreach (string path in stale)
            {
                if (path.EndsWith("(no board generates it any more)", StringComparison.Ordinal))
                {
                    output.WriteLine("warning: delete " + path);
                }
            }

            output.WriteLine("boards: " + boards.Count + " boards, " + files.Count + " generated files");
            return 0;
        }
    }
}
