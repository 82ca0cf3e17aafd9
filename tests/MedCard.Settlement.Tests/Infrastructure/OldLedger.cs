using System.Threading.Tasks;
using MedCard.Settlement.Rules;
using MedCard.Settlement.Stores;

namespace MedCard.Settlement.Tests.Infrastructure;

/// <summary>A ledger as an older release left it: the schema steps up to a version, one person and their card with a
/// PBKDF2 PIN (card C0000001, UID 04 01 00 A0), written with that version's columns only.</summary>
public static class OldLedger
{
    public const string CardNumber = "C0000001";

    public static byte[] Uid => [0x04, 1, 0, 0xA0];

    public static Task CreateAsync(ILedgerStore store, int version, string residentId, PinCredential pin, long balance) =>
        store.InTransactionAsync(async (s, _) =>
        {
            await s.ExecuteAsync(LedgerSchema.CreateMeta);
            for (int step = 1; step <= version; step++)
            {
                foreach (string statement in LedgerSchema.Step(step))
                {
                    await s.ExecuteAsync(((SqlLedgerStore)store).Dialect.Ddl(statement));
                }
            }

            await s.ExecuteAsync("INSERT INTO meta (key, value) VALUES ('schema_version', @v)", ("@v", (long)version));
            await s.ExecuteAsync("INSERT INTO persons (resident_id, name, gender, employer, balance) VALUES (@id, 'Holder 1', 2, 'Acme Ltd', @b)",
                ("@id", residentId), ("@b", balance));
            await s.ExecuteAsync("INSERT INTO cards (card_number, uid, resident_id, lifecycle, pin_salt, pin_hash, pin_iterations, "
                + "pin_tries_left, unprinted_count, issued_at) VALUES (@n, @uid, @id, 0, @salt, @hash, @iter, 3, 0, 0)",
                ("@n", CardNumber), ("@uid", Uid), ("@id", residentId), ("@salt", pin.Salt), ("@hash", pin.Hash), ("@iter", (long)pin.Iterations));
            return 0;
        }, TestLedger.Ct);
}
