using System.Threading.Tasks;
using MedCard.Settlement.Model;
using MedCard.Settlement.Rules;
using MedCard.Settlement.Services;
using MedCard.Settlement.Stores;
using MedCard.Settlement.Tests.Infrastructure;
using Xunit;

namespace MedCard.Settlement.Tests;

/// <summary>Schema version 3 (pin_key_id) on a ledger written under version 2.</summary>
public abstract partial class LedgerSuite
{
    [StoreFact]
    public async Task A_version_2_card_keeps_its_pbkdf2_pin_and_becomes_keyed_at_its_next_right_pin()
    {
        await using ILedgerStore store = await OpenStoreAsync();
        using var pin = new PinDigits(TestLedger.DefaultPin);
        PinCredential legacy = new PinHasher(TestLedger.TestPinIterations).Hash(pin);
        string residentId = TestLedger.ResidentIdFor(1);
        await store.InTransactionAsync(async (s, _) =>
        {
            await s.ExecuteAsync(LedgerSchema.CreateMeta);
            foreach (int version in new[] { 1, 2 })
            {
                foreach (string statement in LedgerSchema.Step(version))
                {
                    await s.ExecuteAsync(((SqlLedgerStore)store).Dialect.Ddl(statement));
                }
            }

            await s.ExecuteAsync("INSERT INTO meta (key, value) VALUES ('schema_version', 2)");
            await s.ExecuteAsync("INSERT INTO persons (resident_id, name, gender, employer, balance) VALUES (@id, 'Holder 1', 2, 'Acme Ltd', 100000)",
                ("@id", residentId));
            await s.ExecuteAsync("INSERT INTO cards (card_number, uid, resident_id, lifecycle, pin_salt, pin_hash, pin_iterations, "
                + "pin_tries_left, unprinted_count, issued_at) VALUES ('C0000001', @uid, @id, 0, @salt, @hash, @iter, 3, 0, 0)",
                ("@uid", new byte[] { 0x04, 1, 0, 0xA0 }), ("@id", residentId), ("@salt", legacy.Salt), ("@hash", legacy.Hash),
                ("@iter", (long)legacy.Iterations));
            return 0;
        }, TestLedger.Ct);

        await using TestLedger l = await TestLedger.CreateAsync(store); // migrates to the current version
        Assert.Equal(LedgerSchema.CurrentVersion, await store.GetSchemaVersionAsync(TestLedger.Ct));
        PinCredential before = await l.StoredPinAsync("C0000001");
        Assert.Null(before.KeyId);
        Assert.Equal(legacy.Hash, before.Hash);

        using var temp = new TempPinKeys();
        using PinKeyFile keys = temp.Open();
        l.UsePinKeys(keys);
        Assert.Equal(PinVerificationStatus.Correct, (await l.Desk.VerifyPinAsync("C0000001", pin, 1, TestLedger.Ct)).Status);
        Assert.Equal(keys.CurrentKeyId, (await l.StoredPinAsync("C0000001")).KeyId);
        Assert.Equal(PinVerificationStatus.Correct, (await l.Desk.VerifyPinAsync("C0000001", pin, 1, TestLedger.Ct)).Status);
    }
}
