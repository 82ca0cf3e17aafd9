namespace MedCard.Benchmarks
{
    internal static class ProtocolBenchmark
    {
        public static int Run()
        {
            return 0;
        }
    }
}
