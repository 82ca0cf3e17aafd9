using System;

namespace MedCard.Benchmarks
{
    internal static class Program
    {
        private static int Main(string[] args)
        {
            string verb = args.Length > 0 ? args[0] : "";
            switch (verb)
            {
                case "protocol":
                    return ProtocolBenchmark.Run();
                case "records":
                    return RecordPathBenchmarks.Run();
                case "golden":
                    return GoldenVectorPrinter.Run();
                default:
                    Console.Error.WriteLine("usage: dotnet run -c Release --project tests/MedCard.Benchmarks -- <protocol|records|golden>");
                    return 2;
            }
        }
    }
}
