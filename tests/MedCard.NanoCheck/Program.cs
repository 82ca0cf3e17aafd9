namespace MedCard.NanoCheck;

internal static class Program
{
    private static int Main(string[] args)
    {
        var set = Stubs.StubGenerator.Ensure(args[0], args[1], force: true, log: System.Console.Out);
        System.Console.WriteLine(set.Directory);
        return 0;
    }
}
