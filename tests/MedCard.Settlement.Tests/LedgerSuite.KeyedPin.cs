using System;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using MedCard.Settlement.Model;
using MedCard.Settlement.Rules;
using MedCard.Settlement.Services;
using MedCard.Settlement.Tests.Infrastructure;
using Xunit;

namespace MedCard.Settlement.Tests;

/// <summary>Keyed PIN verification values: the try rules under keyed values, migration of PBKDF2 rows at the next right
/// PIN, key rotation, and what a stolen ledger without the key gives away.</summary>
public abstract partial class LedgerSuite
{
    [StoreFact]
    public async Task A_keyed_pin_verifies_right_refuses_wrong_and_keeps_the_three_try_rule()
    {
        using var temp = new TempPinKeys();
        using PinKeyFile keys = temp.Open();
        await using TestLedger l = await NewLedgerAsync();
        l.UsePinKeys(keys);
        TestLedger.Holder h = await l.EnrolAsync(1_000_00);

        PinCredential stored = await l.StoredPinAsync(h.CardNumber);
        Assert.Equal(keys.CurrentKeyId, stored.KeyId);
        Assert.Equal(0, stored.Iterations);
        Assert.Empty(stored.Salt);
        Assert.Equal(32, stored.Hash.Length);

        SettlementOutcome w1 = await l.SettleAsync(h, 10_00, pin: WrongPin);
        Assert.Equal(ReasonCode.PinWrong, w1.Refusal!.Code);
        Assert.Equal(2, w1.Refusal.PinTriesLeft);
        Assert.True((await l.SettleAsync(h, 10_00)).Settled);
        Assert.Equal(CardRules.PinTries, (await l.Desk.GetCardAsync(h.CardNumber, Ct))!.PinTriesLeft);

        Assert.Equal(2, (await l.SettleAsync(h, 10_00, pin: WrongPin)).Refusal!.PinTriesLeft);
        Assert.Equal(1, (await l.SettleAsync(h, 10_00, pin: WrongPin)).Refusal!.PinTriesLeft);
        SettlementOutcome w3 = await l.SettleAsync(h, 10_00, pin: WrongPin);
        Assert.Equal(ReasonCode.PinBlocked, w3.Refusal!.Code);
        Assert.Equal(ReasonCode.PinBlocked, (await l.SettleAsync(h, 10_00)).Refusal!.Code);

        // The desk reset and the change with the old PIN write keyed values too.
        using var reset = new PinDigits([4, 3, 2, 1]);
        Assert.True((await l.Desk.ResetPinAsync(h.CardNumber, h.ResidentId, reset, Ct)).Succeeded);
        PinCredential afterReset = await l.StoredPinAsync(h.CardNumber);
        Assert.Equal(keys.CurrentKeyId, afterReset.KeyId);
        Assert.NotEqual(stored.Hash, afterReset.Hash);
        using var changed = new PinDigits([8, 6, 4, 2, 0]);
        Assert.True((await l.Desk.ChangePinAsync(h.CardNumber, reset, changed, Ct)).Succeeded);
        Assert.Equal(keys.CurrentKeyId, (await l.StoredPinAsync(h.CardNumber)).KeyId);
        Assert.Equal(ReasonCode.PinWrong, (await l.SettleAsync(h, 10_00, pin: [4, 3, 2, 1])).Refusal!.Code);
        Assert.True((await l.SettleAsync(h, 10_00, pin: [8, 6, 4, 2, 0])).Settled);
        await l.AssertAuditOkAsync();
    }

    [StoreFact]
    public async Task A_pbkdf2_row_becomes_keyed_at_the_next_right_pin_and_not_at_a_wrong_one()
    {
        using var temp = new TempPinKeys();
        using PinKeyFile keys = temp.Open();
        await using TestLedger l = await NewLedgerAsync();
        TestLedger.Holder h = await l.EnrolAsync(1_000_00); // enrolled before keys were configured
        PinCredential legacy = await l.StoredPinAsync(h.CardNumber);
        Assert.Null(legacy.KeyId);
        Assert.Equal(TestLedger.TestPinIterations, legacy.Iterations);

        l.UsePinKeys(keys);
        Assert.Equal(ReasonCode.PinWrong, (await l.SettleAsync(h, 10_00, pin: WrongPin)).Refusal!.Code);
        PinCredential afterWrong = await l.StoredPinAsync(h.CardNumber);
        Assert.Null(afterWrong.KeyId);
        Assert.Equal(legacy.Salt, afterWrong.Salt);
        Assert.Equal(legacy.Hash, afterWrong.Hash);
        Assert.Equal(2, (await l.Desk.GetCardAsync(h.CardNumber, Ct))!.PinTriesLeft);

        // The check before signing migrates too (same routine); then settlement checks the keyed value.
        using (var right = new PinDigits(TestLedger.DefaultPin))
        {
            Assert.Equal(PinVerificationStatus.Correct, (await l.Desk.VerifyPinAsync(h.CardNumber, right, 1, Ct)).Status);
        }

        PinCredential migrated = await l.StoredPinAsync(h.CardNumber);
        Assert.Equal(keys.CurrentKeyId, migrated.KeyId);
        Assert.Equal(0, migrated.Iterations);
        Assert.Equal(CardRules.PinTries, (await l.Desk.GetCardAsync(h.CardNumber, Ct))!.PinTriesLeft);
        Assert.True((await l.SettleAsync(h, 10_00)).Settled);
        Assert.Equal(ReasonCode.PinWrong, (await l.SettleAsync(h, 10_00, pin: WrongPin)).Refusal!.Code);
        Assert.Equal(migrated.Hash, (await l.StoredPinAsync(h.CardNumber)).Hash);
    }

    [StoreFact]
    public async Task After_rotation_a_value_under_the_old_key_verifies_and_is_remade_under_the_new_key()
    {
        using var temp = new TempPinKeys();
        await using TestLedger l = await NewLedgerAsync();
        string oldId;
        TestLedger.Holder h;
        using (PinKeyFile first = temp.Open())
        {
            oldId = first.CurrentKeyId;
            l.UsePinKeys(first);
            h = await l.EnrolAsync(1_000_00);
        }

        string newId = PinKeyFile.AddKey(temp.Path);
        Assert.NotEqual(oldId, newId);
        using PinKeyFile rotated = PinKeyFile.Open(temp.Path);
        Assert.Equal(newId, rotated.CurrentKeyId);
        l.UsePinKeys(rotated);

        Assert.Equal(ReasonCode.PinWrong, (await l.SettleAsync(h, 10_00, pin: WrongPin)).Refusal!.Code);
        Assert.Equal(oldId, (await l.StoredPinAsync(h.CardNumber)).KeyId);
        Assert.True((await l.SettleAsync(h, 10_00)).Settled);
        Assert.Equal(newId, (await l.StoredPinAsync(h.CardNumber)).KeyId);
        Assert.True((await l.SettleAsync(h, 10_00)).Settled);
    }

    [StoreFact]
    public async Task A_missing_key_is_a_fault_that_costs_the_holder_no_try()
    {
        using var temp = new TempPinKeys();
        using var other = new TempPinKeys();
        await using TestLedger l = await NewLedgerAsync();
        TestLedger.Holder h;
        using (PinKeyFile keys = temp.Open())
        {
            l.UsePinKeys(keys);
            h = await l.EnrolAsync(1_000_00);
        }

        using PinKeyFile unrelated = other.Open(); // a store without the card's key
        l.UsePinKeys(unrelated);
        PinKeyUnavailableException e1 = await Assert.ThrowsAsync<PinKeyUnavailableException>(() => l.SettleAsync(h, 10_00));
        Assert.Contains("no key", e1.Message, StringComparison.Ordinal);
        l.UsePinKeys(null);
        await Assert.ThrowsAsync<PinKeyUnavailableException>(() => l.SettleAsync(h, 10_00, pin: WrongPin));
        Assert.Equal(CardRules.PinTries, (await l.Desk.GetCardAsync(h.CardNumber, Ct))!.PinTriesLeft);
    }

    [StoreFact]
    public async Task A_stolen_ledger_without_the_key_gives_no_offline_test_of_a_pin()
    {
        // The thief reads the card row; the card number and every stored column are theirs.
        using var tempA = new TempPinKeys();
        using var tempB = new TempPinKeys();
        using PinKeyFile keysA = tempA.Open();
        using PinKeyFile keysB = tempB.Open();
        await using TestLedger a = await NewLedgerAsync();
        await using TestLedger b = await NewLedgerAsync();
        a.UsePinKeys(keysA);
        b.UsePinKeys(keysB);
        TestLedger.Holder ha = await a.EnrolAsync(10_00);
        TestLedger.Holder hb = await b.EnrolAsync(10_00);
        Assert.Equal(ha.CardNumber, hb.CardNumber);
        PinCredential stolen = await a.StoredPinAsync(ha.CardNumber);

        // 1. Same card number, same PIN, two ledgers with different keys: different values. So the stored value is no
        //    function of (card, PIN) alone, and no function the ledger's data lets a thief compute predicts it.
        Assert.NotEqual(stolen.Hash, (await b.StoredPinAsync(hb.CardNumber)).Hash);

        // 2. No unkeyed construction over the stolen row's own data matches: plain hashes, HMAC keyed with public data
        //    or with the row's salt, PBKDF2 with the row's salt.
        byte[] input;
        using (var pin = new PinDigits(TestLedger.DefaultPin))
        {
            input = PinVerificationValue.Input(ha.CardNumber, pin);
        }

        byte[][] unkeyed =
        [
            SHA256.HashData(input),
            HMACSHA256.HashData(Array.Empty<byte>(), input),
            HMACSHA256.HashData(Encoding.UTF8.GetBytes(ha.CardNumber), input),
            HMACSHA256.HashData(stolen.Salt, input),
            Rfc2898DeriveBytes.Pbkdf2(TestLedger.DefaultPin, Encoding.UTF8.GetBytes(ha.CardNumber), 1, HashAlgorithmName.SHA256, 32),
        ];
        foreach (byte[] guess in unkeyed)
        {
            Assert.NotEqual(stolen.Hash, guess);
        }

        // 3. An exhaustive search of all 10^6 six-digit PINs: under a key the thief does not hold it finds nothing; the
        //    same search under the real key (what only the key holder can run) finds exactly the holder's PIN, so the
        //    search itself is sound and it is the key that the thief lacks.
        byte[] guessedKey = RandomNumberGenerator.GetBytes(32);
        Assert.Equal(0, CountMatches(ha.CardNumber, stolen.Hash, (data, mac) => HMACSHA256.HashData(guessedKey, data, mac)));
        Assert.Equal(1, CountMatches(ha.CardNumber, stolen.Hash, (data, mac) => keysA.TryComputeMac(stolen.KeyId!, data, mac)));
    }

    private delegate void Mac(ReadOnlySpan<byte> data, Span<byte> mac);

    private static int CountMatches(string cardNumber, byte[] stored, Mac mac)
    {
        int matches = 0;
        Span<byte> digits = stackalloc byte[6];
        Span<byte> value = stackalloc byte[32];
        for (int candidate = 0; candidate < 1_000_000; candidate++)
        {
            int rest = candidate;
            for (int i = 5; i >= 0; i--)
            {
                digits[i] = (byte)(rest % 10);
                rest /= 10;
            }

            using var pin = new PinDigits(digits);
            mac(PinVerificationValue.Input(cardNumber, pin), value);
            if (value.SequenceEqual(stored))
            {
                matches++;
            }
        }

        return matches;
    }
}
