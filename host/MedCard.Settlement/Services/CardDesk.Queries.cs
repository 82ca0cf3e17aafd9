using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Settlement.Ledger;
using MedCard.Settlement.Model;
using MedCard.Settlement.Rules;

namespace MedCard.Settlement.Services;

public sealed partial class CardDesk
{
    /// <summary>The insured person with <paramref name="residentId"/>, or null.</summary>
    public Task<Person?> GetPersonAsync(string residentId, CancellationToken cancellationToken = default) =>
        _store.InTransactionAsync((s, _) => s.GetPersonAsync(residentId), cancellationToken);

    /// <summary>The card <paramref name="cardNumber"/>, or null.</summary>
    public Task<Card?> GetCardAsync(string cardNumber, CancellationToken cancellationToken = default) =>
        _store.InTransactionAsync((s, _) => s.GetCardAsync(cardNumber), cancellationToken);

    /// <summary>Every card of the person with <paramref name="residentId"/>, oldest first (empty when none).</summary>
    public Task<List<Card>> GetCardsOfPersonAsync(string residentId, CancellationToken cancellationToken = default) =>
        _store.InTransactionAsync((s, _) => s.GetCardsOfPersonAsync(residentId), cancellationToken);

    /// <summary>The deductible met and the fund paid for a person in one year and visit type (zeros when none).</summary>
    public Task<Accumulator> GetAccumulatorAsync(string residentId, int year, VisitType visitType, CancellationToken cancellationToken = default) =>
        _store.InTransactionAsync((s, _) => s.GetAccumulatorAsync(residentId, year, visitType), cancellationToken);

    /// <summary>The family bindings in which <paramref name="payerResidentId"/>'s account pays for relatives.</summary>
    public Task<List<FamilyBinding>> GetBindingsAsync(string payerResidentId, CancellationToken cancellationToken = default) =>
        _store.InTransactionAsync((s, _) => s.GetBindingsOfPayerAsync(payerResidentId), cancellationToken);

    /// <summary>The full hotlist to push to readers.</summary>
    public Task<Hotlist> GetHotlistAsync(CancellationToken cancellationToken = default) =>
        _store.InTransactionAsync((s, _) => s.GetHotlistAsync(), cancellationToken);

    /// <summary>What changed since a reader's copy (its version), for small pushes over the serial link.</summary>
    public Task<List<HotlistChange>> GetHotlistChangesAsync(long sinceVersion, CancellationToken cancellationToken = default) =>
        _store.InTransactionAsync((s, _) => s.GetHotlistChangesAsync(sinceVersion), cancellationToken);

    /// <summary>How many cards hold their PIN under each verification key (null key id: PBKDF2). An old key may leave
    /// the key store once no card uses it; until then those holders' PINs need it.</summary>
    public Task<List<PinProtectionCount>> CountPinProtectionsAsync(CancellationToken cancellationToken = default) =>
        _store.InTransactionAsync((s, _) => s.CountPinProtectionsAsync(), cancellationToken);
}
