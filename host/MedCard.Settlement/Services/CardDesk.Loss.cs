using System;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Settlement.Model;
using MedCard.Protocol;
using MedCard.Settlement.Rules;
using MedCard.Settlement.Stores;

namespace MedCard.Settlement.Services;

public sealed partial class CardDesk
{
    /// <summary>
    /// Stops settlement on the card at once (the public rule allows an hour; we do not wait) and puts it on the hotlist; the
    /// caller then pushes the hotlist to the connected readers (MedCard.Checkout's HotlistBroadcast). A phone report needs
    /// name, resident ID, card number and employer to match; any mismatch is one refusal,
    /// <see cref="ReasonCode.LossReportInWriting"/> ("report in writing at a service point"), so the phone line can neither
    /// probe card numbers nor tell which detail was wrong. A written report needs only the resident ID (the holder is present).
    /// </summary>
    public async Task<DeskResult> ReportLossAsync(LossReport report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        string id = ResidentId.Normalize(report.ResidentId?.Trim()!);
        if (!ResidentIdRule.IsValid(id, Today))
        {
            return DeskResult.Refused(ReasonCode.InvalidResidentId);
        }

        return report.Channel switch
        {
            LossChannel.Phone => await ReportByPhoneAsync(report, id, cancellationToken).ConfigureAwait(false),
            LossChannel.Written => await ReportInWritingAsync(report, id, cancellationToken).ConfigureAwait(false),
            _ => DeskResult.Refused(ReasonCode.InvalidRequest, "unknown loss channel"),
        };
    }

    private Task<DeskResult> ReportByPhoneAsync(LossReport report, string residentId, CancellationToken cancellationToken) =>
        _store.InTransactionAsync(async (s, _) =>
        {
            Card? card = string.IsNullOrWhiteSpace(report.CardNumber) ? null
                : await s.GetCardAsync(report.CardNumber.Trim(), forUpdate: true).ConfigureAwait(false);
            Person? person = card is null ? null : await s.GetPersonAsync(card.ResidentId).ConfigureAwait(false);
            if (card is null || person is null || !string.Equals(person.ResidentId, residentId, StringComparison.Ordinal)
                || !Matches(person.Name, report.Name) || person.Employer.Length == 0 || !Matches(person.Employer, report.Employer))
            {
                return DeskResult.Refused(ReasonCode.LossReportInWriting);
            }

            return await MarkLostAsync(s, card, report).ConfigureAwait(false);
        }, cancellationToken);

    private Task<DeskResult> ReportInWritingAsync(LossReport report, string residentId, CancellationToken cancellationToken) =>
        _store.InTransactionAsync(async (s, _) =>
        {
            Card? card;
            if (!string.IsNullOrWhiteSpace(report.CardNumber))
            {
                card = await s.GetCardAsync(report.CardNumber.Trim(), forUpdate: true).ConfigureAwait(false);
                if (card is null || !string.Equals(card.ResidentId, residentId, StringComparison.Ordinal))
                {
                    return DeskResult.Refused(ReasonCode.IdentityMismatch);
                }
            }
            else
            {
                // The holder may not know the lost card's number: the desk reports the one card of theirs that still works.
                Card? active = (await s.GetCardsOfPersonAsync(residentId).ConfigureAwait(false)).Find(c => c.Lifecycle == CardLifecycle.Active);
                if (active is null)
                {
                    return await s.GetPersonAsync(residentId).ConfigureAwait(false) is null
                        ? DeskResult.Refused(ReasonCode.UnknownPerson)
                        : DeskResult.Refused(ReasonCode.InvalidCardState, "no active card");
                }

                card = await s.GetCardAsync(active.CardNumber, forUpdate: true).ConfigureAwait(false);
            }

            return await MarkLostAsync(s, card!, report).ConfigureAwait(false);
        }, cancellationToken);

    private async Task<DeskResult> MarkLostAsync(LedgerSession s, Card card, LossReport report)
    {
        if (card.Lifecycle != CardLifecycle.Active)
        {
            return DeskResult.Refused(ReasonCode.InvalidCardState, card.Lifecycle.ToString());
        }

        await s.UpdateCardAsync(card with { Lifecycle = CardLifecycle.ReportedLost, LostAt = report.ReportedAt, LossChannel = report.Channel })
            .ConfigureAwait(false);
        await s.AppendHotlistChangeAsync(card.CardNumber, listed: true, Now).ConfigureAwait(false);
        return DeskResult.Ok;
    }

    /// <summary>Names and employers are stored trimmed and compared exactly (ordinal), so "Li Na" is not "li na".</summary>
    private static bool Matches(string stored, string? given) =>
        given is not null && string.Equals(stored, given.Trim(), StringComparison.Ordinal);

    /// <summary>Today in the scheme's calendar (for birth dates).</summary>
    private DateOnly Today => DateOnly.FromDateTime(Now.ToOffset(_options.SchemeUtcOffset).DateTime);

    /// <summary>The card was found: settlement resumes and the card leaves the hotlist.</summary>
    public Task<DeskResult> CancelLossReportAsync(string cardNumber, string residentId, CancellationToken cancellationToken = default) =>
        _store.InTransactionAsync(async (s, _) =>
        {
            Card? card = await s.GetCardAsync(cardNumber, forUpdate: true).ConfigureAwait(false);
            if (card is null || !SameId(card.ResidentId, residentId))
            {
                return DeskResult.Refused(ReasonCode.IdentityMismatch);
            }

            if (card.Lifecycle != CardLifecycle.ReportedLost)
            {
                return DeskResult.Refused(ReasonCode.InvalidCardState, card.Lifecycle.ToString());
            }

            await s.UpdateCardAsync(card with { Lifecycle = CardLifecycle.Active, LostAt = null, LossChannel = null }).ConfigureAwait(false);
            await s.AppendHotlistChangeAsync(card.CardNumber, listed: false, Now).ConfigureAwait(false);
            return DeskResult.Ok;
        }, cancellationToken);

    /// <summary>
    /// Issues a replacement card. The balance needs no posting (it belongs to the person), the old card is
    /// dead forever (lifecycle Replaced, permanently on the hotlist) and its unprinted records move to the
    /// new card, so the 60-record count carries over too. Allowed for a lost card and for an active one
    /// (damaged card); an active one is added to the hotlist now.
    /// </summary>
    public async Task<DeskResult> ReplaceCardAsync(CardReplacement replacement, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(replacement);
        if (replacement.NewUid is null || replacement.NewUid.Length == 0 || string.IsNullOrWhiteSpace(replacement.NewCardNumber))
        {
            return DeskResult.Refused(ReasonCode.InvalidRequest);
        }

        PinCredential pin = _pins.Protect(replacement.NewCardNumber, replacement.NewPin);
        return await _store.InTransactionAsync(async (s, _) =>
        {
            Card? old = await s.GetCardAsync(replacement.OldCardNumber, forUpdate: true).ConfigureAwait(false);
            if (old is null || !SameId(old.ResidentId, replacement.ResidentId))
            {
                return DeskResult.Refused(ReasonCode.IdentityMismatch);
            }

            if (old.Lifecycle == CardLifecycle.Replaced)
            {
                return DeskResult.Refused(ReasonCode.CardReplaced);
            }

            if (await s.GetCardAsync(replacement.NewCardNumber).ConfigureAwait(false) is not null
                || await s.GetCardByUidAsync(replacement.NewUid).ConfigureAwait(false) is not null)
            {
                return DeskResult.Refused(ReasonCode.AlreadyExists, "card");
            }

            await s.InsertCardAsync(NewCard(replacement.NewCardNumber, replacement.NewUid, old.ResidentId, replacement.At, old.CardNumber,
                old.UnprintedCount), pin).ConfigureAwait(false);
            await s.MoveUnprintedRecordsAsync(old.CardNumber, replacement.NewCardNumber).ConfigureAwait(false);
            await s.UpdateCardAsync(old with
            {
                Lifecycle = CardLifecycle.Replaced,
                ReplacedAt = replacement.At,
                ReplacedBy = replacement.NewCardNumber,
                UnprintedCount = 0,
            }).ConfigureAwait(false);
            if (old.Lifecycle == CardLifecycle.Active)
            {
                await s.AppendHotlistChangeAsync(old.CardNumber, listed: true, Now).ConfigureAwait(false);
            }

            return DeskResult.Ok;
        }, cancellationToken).ConfigureAwait(false);
    }
}
