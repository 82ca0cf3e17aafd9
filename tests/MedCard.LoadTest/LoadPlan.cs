using System;
using System.Globalization;
using System.IO;
using System.Collections.Generic;
using MedCard.Protocol;
using MedCard.Settlement.Credits;

namespace MedCard.LoadTest;

/// <summary>
/// Who is who in a load run, derived from numbers alone so the orchestrator (which enrols and provisions) and every host
/// process (which settles) agree without exchanging lists: each host has <see cref="ReadersPerHost"/> simulated readers,
/// each reader one holder whose card it settles, and every holder is bound to one of <see cref="Payers"/> family payers
/// shared by all hosts (the rows where hosts meet).
/// </summary>
/// <param name="Direct">Hosts call the ledger as a checkout does after the reader signed (PIN check, then settle with the
/// token), with no simulated reader: the database's share of the cost alone.</param>
public sealed record LoadPlan(int Hosts, int ReadersPerHost, string ReaderRoot, bool Direct = false)
{
    /// <summary>Family payers shared by every host; few, so family payments from different hosts queue on their rows.</summary>
    public const int Payers = 4;

    public const string Institution = "H001";

    /// <summary>Every enrolled person's employer; a loss report by phone must state it.</summary>
    public const string Employer = "load";

    /// <summary>Every holder's first PIN; a replacement card gets another.</summary>
    public const string FirstPin = "246810";

    /// <summary>A holder's opening balance: small, so family payments pay from the first purchases and balances reach zero
    /// (where a lost update would show as a negative balance).</summary>
    public const long HolderOpeningBalance = 5_00;

    /// <summary>A payer's opening balance: large enough that a run never empties it (the rest would be cash anyway).</summary>
    public const long PayerOpeningBalance = 1_000_000_00;

    /// <summary>Reader id of reader <paramref name="reader"/> (0-based) of host <paramref name="host"/> (0-based).</summary>
    public static uint ReaderId(int host, int reader) => (uint)(((host + 1) * 100) + reader + 1);

    public string ReaderFolder(uint readerId) => Path.Combine(ReaderRoot, "reader-" + readerId.ToString(CultureInfo.InvariantCulture));

    /// <summary>The holder settling at a reader: resident ID, name, first card number and UID.</summary>
    public static (string ResidentId, string Name, string CardNumber, byte[] Uid) Holder(uint readerId) =>
        (Resident("19750101", (int)readerId), "Holder " + readerId, "LT" + readerId.ToString("00000", CultureInfo.InvariantCulture),
            [0x04, (byte)(readerId >> 8), (byte)readerId, 0x5A]);

    /// <summary>The family payer bound to the holder of <paramref name="readerId"/>.</summary>
    public static string PayerOf(uint readerId) => Payer((int)(readerId % Payers));

    public static string Payer(int index) => Resident("19600101", index);

    /// <summary>How many months the credit runs choose from: few, so runs on different hosts often name the same month and
    /// person at once (the run's idempotency across hosts is what is exercised, not its size).</summary>
    public const int CreditMonths = 4;

    /// <summary>The <paramref name="index"/>-th month credit runs choose from.</summary>
    public static CreditMonth CreditMonthAt(int index) => new(2026, 1 + index);

    /// <summary>
    /// The month-end credit of a person for a month, a function of both alone, so every host that credits them for the month
    /// names the same amount (a run naming a different amount for a person already credited is refused as a whole, which
    /// is a conflicting file, not a race). 1.00-20.99 yuan.
    /// </summary>
    public static long CreditAmount(string residentId, CreditMonth month)
    {
        long h = (month.Year * 100L) + month.Month;
        foreach (char c in residentId)
        {
            h = ((h * 31) + c) % 1_000_003;
        }

        return 1_00 + (h % 2_000);
    }

    /// <summary>Every person the set-up enrolled: each reader's holder on every host, then the family payers.</summary>
    public IReadOnlyList<string> Enrolled()
    {
        var persons = new List<string>();
        for (int host = 0; host < Hosts; host++)
        {
            for (int r = 0; r < ReadersPerHost; r++)
            {
                persons.Add(Holder(ReaderId(host, r)).ResidentId);
            }
        }

        for (int p = 0; p < Payers; p++)
        {
            persons.Add(Payer(p));
        }

        return persons;
    }

    /// <summary>A valid resident ID: region 310101, the birth date, a 3-digit sequence (reader ids stay below 1000).</summary>
    private static string Resident(string birthDate, int sequence)
    {
        string first17 = "310101" + birthDate + sequence.ToString("000", CultureInfo.InvariantCulture);
        return first17 + ResidentId.ComputeCheckCharacter(first17);
    }
}
