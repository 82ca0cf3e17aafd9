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
        await OldLedger.CreateAsync(store, 2, residentId, legacy, 100000);

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
