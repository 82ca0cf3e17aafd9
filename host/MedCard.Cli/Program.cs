using System.Threading.Tasks;

namespace MedCard.Cli;

internal static class Program
{
    private static Task<int> Main(string[] args) => MedCardCli.RunAsync(args);
}
