using System;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Protocol;
using MedCard.Settlement.Model;
using MedCard.Settlement.Rules;
using MedCard.Settlement.Stores;

namespace MedCard.Settlement.Services;

public sealed partial class CardDesk
{
    /// <summary>
    /// The holder learns their card number from their resident ID and the lookup password: the scheme's default is the birth
    /// date in the ID (yyyyMMdd) until the holder changes it (<see cref="ChangeLookupPasswordAsync"/>). Wrong passwords follow
    /// the PIN's rules: a try is spent before the compare under the person's row lock, a right password gives the tries back,
    /// after <see cref="CardRules.PinTries"/> wrong ones the lookup is blocked (<see cref="ReasonCode.LookupBlocked"/>) until a
    /// desk resets it (<see cref="ResetLookupPasswordAsync"/>). The answer holds only the current card's number and status.
    /// </summary>
    public async Task<CardLookup> LookupCardNumberAsync(string residentId, PinDigits password, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(password);
        string id = ResidentId.Normalize(residentId?.Trim()!);
        if (!ResidentIdRule.IsValid(id, Today))
        {
            return new CardLookup(Refusal.Of(ReasonCode.InvalidResidentId), null, null);
        }

        return await _store.InTransactionAsync(async (s, _) =>
        {
            Refusal? refusal = (await SpendLookupTryAsync(s, id, password).ConfigureAwait(false)).Refusal;
            if (refusal is not null)
            {
                return new CardLookup(refusal, null, null);
            }

            // The current card: the newest one not replaced (active, blocked or reported lost), else the newest.
            var cards = await s.GetCardsOfPersonAsync(id).ConfigureAwait(false);
            Card? current = cards.LastOrDefault(c => c.Lifecycle != CardLifecycle.Replaced) ?? cards.LastOrDefault();
            return current is null
                ? new CardLookup(Refusal.Of(ReasonCode.UnknownCard), null, null)
                : new CardLookup(null, current.CardNumber, current.Status);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Changes the lookup password, with the current one (checked by the same try rules as a lookup).</summary>
    public async Task<DeskResult> ChangeLookupPasswordAsync(string residentId, PinDigits currentPassword, PinDigits newPassword,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(currentPassword);
        ArgumentNullException.ThrowIfNull(newPassword);
        string id = ResidentId.Normalize(residentId?.Trim()!);
        if (!ResidentIdRule.IsValid(id, Today))
        {
            return DeskResult.Refused(ReasonCode.InvalidResidentId);
        }

        PinCredential replacement = _pins.Protect(LookupScope(id), newPassword); // the (possibly slow) hash outside the lock
        return await _store.InTransactionAsync(async (s, _) =>
        {
            (Refusal? refusal, LookupPassword after) = await SpendLookupTryAsync(s, id, currentPassword).ConfigureAwait(false);
            if (refusal is not null)
            {
                return new DeskResult(refusal);
            }

            await s.SetLookupPasswordAsync(id, after with { Credential = replacement }).ConfigureAwait(false);
            return DeskResult.Ok;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Forgotten or blocked lookup password: the holder shows their ID at a desk; the password goes back to the
    /// default (the birth date) with every try left.</summary>
    public Task<DeskResult> ResetLookupPasswordAsync(string residentId, CancellationToken cancellationToken = default)
    {
        string id = ResidentId.Normalize(residentId?.Trim()!);
        return _store.InTransactionAsync(async (s, _) =>
        {
            if (await s.GetPersonAsync(id, forUpdate: true).ConfigureAwait(false) is null)
            {
                return DeskResult.Refused(ReasonCode.UnknownPerson);
            }

            await s.DeleteLookupPasswordAsync(id).ConfigureAwait(false);
            return DeskResult.Ok;
        }, cancellationToken);
    }

    /// <summary>
    /// The one lookup-password try, on the PIN's rules: under the person's row lock, a try is written before the compare,
    /// a right password restores the tries (and moves a changed password to the current PIN key). Returns the refusal, or
    /// null with the row as stored afterwards.
    /// </summary>
    private async Task<(Refusal? Refusal, LookupPassword After)> SpendLookupTryAsync(LedgerSession s, string residentId, PinDigits password)
    {
        var unchanged = new LookupPassword(null, CardRules.PinTries);
        if (await s.GetPersonAsync(residentId, forUpdate: true).ConfigureAwait(false) is null)
        {
            return (Refusal.Of(ReasonCode.UnknownPerson), unchanged);
        }

        LookupPassword stored = await s.GetLookupPasswordAsync(residentId).ConfigureAwait(false) ?? unchanged;
        if (stored.TriesLeft <= 0)
        {
            return (Refusal.Of(ReasonCode.LookupBlocked), stored);
        }

        LookupPassword spent = stored with { TriesLeft = stored.TriesLeft - 1 };
        await s.SetLookupPasswordAsync(residentId, spent).ConfigureAwait(false);
        bool right;
        PinCredential? upgrade = null;
        if (stored.Credential is { } credential)
        {
            (right, upgrade) = _pins.Verify(LookupScope(residentId), credential, password);
        }
        else
        {
            right = IsBirthDate(residentId, password);
        }

        if (!right)
        {
            return (Refusal.WrongSecret(ReasonCode.LookupPasswordWrong, ReasonCode.LookupBlocked, spent.TriesLeft), spent);
        }

        LookupPassword restored = new(upgrade ?? stored.Credential, CardRules.PinTries);
        await s.SetLookupPasswordAsync(residentId, restored).ConfigureAwait(false);
        return (null, restored);
    }

    /// <summary>The default password: the eight digits of the birth date in the ID, compared in constant time.</summary>
    private static bool IsBirthDate(string residentId, PinDigits password)
    {
        Span<byte> birth = stackalloc byte[8];
        for (int i = 0; i < birth.Length; i++)
        {
            birth[i] = (byte)(residentId[6 + i] - '0');
        }

        return CryptographicOperations.FixedTimeEquals(birth, password.Digits);
    }

    /// <summary>What a lookup password's verification value is bound to: the person and the purpose, so it can never stand
    /// for a card's PIN (those are bound to the card number) or another person's password.</summary>
    private static string LookupScope(string residentId) => "lookup-password:" + residentId.ToString(CultureInfo.InvariantCulture);
}
