using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Settlement.Ledger;
using MedCard.Settlement.Model;

namespace MedCard.Settlement.Services;

public sealed partial class CardDesk
{
    public Task<Person?> GetPersonAsync(string residentId, CancellationToken cancellationToken) =>
        _store.InTransactionAsync((s, _) => s.GetPersonAsync(residentId), cancellationToken);

    public Task<Card?> GetCardAsync(string cardNumber, CancellationToken cancellationToken) =>
        _store.InTransactionAsync((s, _) => s.GetCardAsync(cardNumber), cancellationToken);

    public Task<Accumulator> GetAccumulatorAsync(string residentId, int year, VisitType visitType, CancellationToken cancellationToken) =>
        _store.InTransactionAsync((s, _) => s.GetAccumulatorAsync(residentId, year, visitType), cancellationToken);

    public Task<List<FamilyBinding>> GetBindingsAsync(string payerResidentId, CancellationToken cancellationToken) =>
        _store.InTransactionAsync((s, _) => s.GetBindingsOfPayerAsync(payerResidentId), cancellationToken);

    /// <summary>The full hotlist to push to readers.</summary>
    public Task<Hotlist> GetHotlistAsync(CancellationToken cancellationToken) =>
        _store.InTransactionAsync((s, _) => s.GetHotlistAsync(), cancellationToken);

    /// <summary>What changed since a reader's copy (its version), for small pushes over the serial link.</summary>
    public Task<List<HotlistChange>> GetHotlistChangesAsync(long sinceVersion, CancellationToken cancellationToken) =>
        _store.InTransactionAsync((s, _) => s.GetHotlistChangesAsync(sinceVersion), cancellationToken);
}
