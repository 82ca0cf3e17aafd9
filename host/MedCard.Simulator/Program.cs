using System;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using MedCard.Simulator.Card;

namespace MedCard.Simulator
{
    /// <summary>
    /// <c>dotnet run --project host/MedCard.Simulator -- [--tcp PORT] [--cards FILE] [--store DIR]
    /// [--reader-id N --reader-key HEX64]</c>. Prints the device path to connect to, then reads
    /// commands from stdin: <c>present CARDNUMBER|INDEX</c>, <c>remove</c>, <c>type KEYS</c>,
    /// <c>reboot</c>, <c>status</c>, <c>quit</c>.
    /// </summary>
    public static class Program
    {
        public static async Task<int> Main(string[] args)
        {
            string? Arg(string name)
            {
                int i = Array.IndexOf(args, name);
                return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
            }

            CardDefinition[] cards = Arg("--cards") is string file ? CardDefinition.LoadFile(file) : DemoCards();
            var options = new SimulatorOptions
            {
                SectorMasterKey = DemoKey("sector master"),
                IssuerKey = DemoKey("issuer"),
                StoreDirectory = Arg("--store"),
                ReaderId = Arg("--reader-id") is string id ? uint.Parse(id, System.Globalization.CultureInfo.InvariantCulture) : 0,
                ReaderKey = Arg("--reader-key") is string key ? Convert.FromHexString(key) : null,
            };
            await using SimulatedReader reader = Arg("--tcp") is string port
                ? await SimulatedReader.StartOnTcpAsync(options, int.Parse(port, System.Globalization.CultureInfo.InvariantCulture))
                : await SimulatedReader.StartOnPseudoTerminalAsync(options);
            Console.WriteLine(reader.DevicePath);
            Console.Error.WriteLine("Simulated reader ready. Cards: " + string.Join(", ", cards.Select((c, i) => i + "=" + c.CardNumber)));
            string? line;
            while ((line = Console.ReadLine()) is not null)
            {
                string[] parts = line.Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length == 0)
                {
                    continue;
                }
                try
                {
                    switch (parts[0])
                    {
                        case "present":
                            CardDefinition card = int.TryParse(parts.ElementAtOrDefault(1), out int index) && index < cards.Length
                                ? cards[index]
                                : cards.First(c => c.CardNumber == parts.ElementAtOrDefault(1));
                            reader.PresentCard(card);
                            break;
                        case "remove":
                            reader.RemoveCard();
                            break;
                        case "type":
                            reader.TypeKeys(parts.ElementAtOrDefault(1) ?? "");
                            break;
                        case "reboot":
                            reader.Reboot();
                            break;
                        case "status":
                            Console.Error.WriteLine(reader.Inspect(c => "state=" + c.State + " counter=" + c.Counter.Last + " journal=" + c.Journal.Count));
                            break;
                        case "quit":
                            return 0;
                        default:
                            Console.Error.WriteLine("commands: present CARD|INDEX, remove, type KEYS, reboot, status, quit");
                            break;
                    }
                }
                catch (Exception ex) when (ex is ArgumentException || ex is InvalidOperationException)
                {
                    Console.Error.WriteLine(ex.Message);
                }
            }
            return 0;
        }

        /// <summary>Fixed, public demo keys: a simulator must never be given production card keys by default.</summary>
        internal static byte[] DemoKey(string purpose) => SHA256.HashData(Encoding.ASCII.GetBytes("MedCard simulator DEMO key: " + purpose));

        internal static CardDefinition[] DemoCards() => new[]
        {
            new CardDefinition { Uid = "04A1B2C3", ResidentId = "11010519491231002X", Name = "张三", Gender = MedCard.Protocol.Gender.Male, CardNumber = "SZ0012345678" },
            new CardDefinition { Uid = "04D5E6F7081920", ResidentId = "11010519491231002X", Name = "Li Si", Gender = MedCard.Protocol.Gender.Female, CardNumber = "SZ0087654321" },
        };
    }
}
