using System;
using MedCard.Boards.Generator;

namespace MedCard.Boards.Tests
{
    /// <summary>The checkout the tests run in (found from the test assembly's folder).</summary>
    internal static class Repo
    {
        private static readonly Lazy<string> RootLazy = new(() => BoardRepository.FindRoot(AppContext.BaseDirectory));

        public static string Root => RootLazy.Value;
    }
}
