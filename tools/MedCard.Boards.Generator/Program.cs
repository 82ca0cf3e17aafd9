using System;

namespace MedCard.Boards.Generator
{
    /// <summary>Entry point; see <see cref="GeneratorCli"/>.</summary>
    public static class Program
    {
        /// <summary>Run the generator with the process's arguments.</summary>
        public static int Main(string[] args)
        {
            return GeneratorCli.Run(args, Console.Out, Console.Error);
        }
    }
}
