using System;
using MedCard.Firmware.Tests;
using MedCard.Firmware.Tests.Fakes;
using MedCard.Protocol;

namespace MedCard.Firmware.Benchmarks
{
    /// <summary>
    /// `dotnet run -c Release --project tests/MedCard.Firmware.Benchmarks`: how many bytes the reader core allocates per
    /// idle poll and per whole transaction (card on, holder data read and reported, PIN typed, authorize signed and
    /// journaled, card off). On the device every allocation is GC work on a 520 KB heap, so idle must stay at zero.
    /// Each figure is given twice: everything allocated during the ticks, and the core's own share, i.e. without what the
    /// desktop crypto adapters allocate inside their calls (counted by <see cref="CountingCrypto"/>: the HMAC results and
    /// the .NET AES adapter's Aes object per block; the nanoFramework adapters differ).
    /// </summary>
    public static class Program
    {
        private const int TickMs = 10;
        private static ReaderHarness s_reader;
        private static CountingCrypto s_crypto;
        private static long s_allocated;

        public static int Main()
        {
            s_reader = ReaderHarness.Provisioned();
            s_crypto = new CountingCrypto(s_reader.Hmac, s_reader.Aes);
            s_reader.Hmac = s_crypto;
            s_reader.Aes = s_crypto;
            s_reader.Options.JournalCapacity = 64;
            s_reader.Reboot();
            FakeMifareCard card = TestCards.Personalised(TestKeys.Uid4(), TestKeys.CardNumber);

            // Warm-up: JIT and static tables are one-time costs, not per-transaction ones.
            Transaction(card, 1);
            Transaction(card, 2);

            s_allocated = 0;
            s_crypto.Reset();
            const int idleTicks = 10000;
            Advance(idleTicks * TickMs);
            Console.WriteLine("idle: " + s_allocated + " bytes over " + idleTicks + " ticks (" + (s_allocated / (double)idleTicks).ToString("0.00") + " B/tick)");

            Report("transaction", card, 3, 5);

            var update = new HotlistUpdate { Version = 1, CardNumbers = new[] { "LOST0000000001" } };
            s_reader.Host.Send(update);
            Advance(TickMs);
            s_reader.Host.Collect();
            // The hotlist paths run for the first time here: the first transaction pays their JIT and type loading
            // (which the desktop counts as allocations), so it is printed apart.
            long first = Transaction(card, 20);
            Console.WriteLine("first transaction after the hotlist update (desktop JIT of the hotlist paths included): " + first
                + " bytes in all, " + (first - s_crypto.Allocated) + " bytes by the core itself");
            Report("transaction with a hotlist in force", card, 8, 3);
            return 0;
        }

        private static void Report(string what, FakeMifareCard card, byte firstSeed, int runs)
        {
            long min = long.MaxValue, max = 0, coreMin = long.MaxValue, coreMax = 0;
            int hmacs = 0, aes = 0;
            for (int i = 0; i < runs; i++)
            {
                long bytes = Transaction(card, (byte)(firstSeed + i));
                long core = bytes - s_crypto.Allocated;
                min = Math.Min(min, bytes);
                max = Math.Max(max, bytes);
                coreMin = Math.Min(coreMin, core);
                coreMax = Math.Max(coreMax, core);
                hmacs = s_crypto.HmacCalls;
                aes = s_crypto.AesCalls;
            }
            Console.WriteLine(what + ": " + Range(min, max) + " bytes in all, " + Range(coreMin, coreMax) + " bytes by the core itself ("
                + runs + " runs; the last one made " + hmacs + " HMAC and " + aes + " AES calls)");
        }

        private static long Transaction(FakeMifareCard card, byte seed)
        {
            uint before = s_reader.Reader.Counter.Last;
            s_allocated = 0;
            s_crypto.Reset();
            s_reader.Field.Card = card;
            Advance(400);
            s_reader.Host.Send(new PinRequest());
            Advance(TickMs);
            Type("1234#");
            s_reader.Host.Send(ReaderHarness.Purchase(100, seed));
            Advance(2000);
            s_reader.Field.Card = null;
            Advance(1000);
            s_reader.Host.Collect();
            if (s_reader.Reader.Counter.Last != before + 1)
            {
                throw new InvalidOperationException("the transaction did not complete (counter " + s_reader.Reader.Counter.Last + ")");
            }
            return s_allocated;
        }

        private static string Range(long min, long max)
        {
            return min + (max != min ? ".." + max : "");
        }

        private static void Type(string keys)
        {
            foreach (char key in keys)
            {
                s_reader.Keypad.Press(key);
                Advance(60);
                s_reader.Keypad.Release(key);
                Advance(60);
            }
        }

        private static void Advance(int ms)
        {
            for (int i = 0; i < ms / TickMs; i++)
            {
                s_reader.Clock.NowMs += TickMs;
                long start = GC.GetAllocatedBytesForCurrentThread();
                s_reader.Reader.Tick(s_reader.Clock.NowMs);
                s_allocated += GC.GetAllocatedBytesForCurrentThread() - start;
            }
        }
    }
}
