using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Checkout;
using MedCard.Settlement.Credits;
using MedCard.Settlement.Ledger;
using MedCard.Settlement.Model;
using MedCard.Settlement.Rules;
using MedCard.Settlement.Services;
using MedCard.Settlement.Stores;
using MedCard.Simulator.InProcess;

namespace MedCard.LoadTest;

/// <summary>
/// One simulated reader of a host and the holder at it, for the length of a run: purchases through the checkout library
/// (some paid partly by the bound family payer, some emergencies), refunds, loss reports (cancelled, or followed by a
/// replacement card and a purchase tried on the old one), month-end credit runs for a few enrolled persons of any host,
/// and statements when the card nears the 60-record limit.
/// The mix is <see cref="Workload"/>: one weighted row per kind of step, so a new kind is one more row and one more
/// method here.
/// </summary>
internal sealed class ReaderLoop
{
    private readonly uint _readerId;
    private readonly LoadPlan _plan;
    private readonly ILedgerStore _store;
    private readonly ILedgerStore _creditStore;
    private readonly LedgerOptions _options;
    private readonly CardDesk _desk;
    private readonly SettlementService _settlement;
    private readonly HostTally _tally;
    private readonly Random _random;
    private readonly string _residentId;
    private readonly string _name;
    private readonly List<uint> _settled = new();
    private string _card;
    private byte[] _uid;
    private string _pin = LoadPlan.FirstPin;
    private int _unprinted;
    private int _replacements;
    private readonly bool _direct;
    private uint _directCounter;
    private SimulatedReaderTransport? _reader;
    private CheckoutTerminal? _terminal;
    private byte[]? _holderMacKey;
    private string? _cardInField;

    public ReaderLoop(uint readerId, LoadPlan plan, ILedgerStore store, ILedgerStore creditStore, LedgerOptions options, HostTally tally, int seed)
    {
        _creditStore = creditStore;
        _readerId = readerId;
        _direct = plan.Direct;
        _plan = plan;
        _store = store;
        _options = options;
        _desk = new CardDesk(store, options);
        _settlement = new SettlementService(store, options);
        _tally = tally;
        _random = new Random(seed);
        (_residentId, _name, _card, _uid) = LoadPlan.Holder(readerId);
    }

    /// <summary>The kinds of step and their weights (out of their sum).</summary>
    private (int Weight, Func<CancellationToken, Task> Step)[] Workload =>
    [
        (55, ct => PurchaseAsync(family: false, VisitType.Outpatient, ct)),
        (20, ct => PurchaseAsync(family: true, VisitType.Pharmacy, ct)),
        (5, ct => PurchaseAsync(family: false, VisitType.Emergency, ct)),
        (10, RefundAsync),
        (3, LossReportedThenCancelledAsync),
        (2, ReplacementAsync),
        (1, MonthEndCreditAsync),
    ];

    public async Task RunAsync(DateTimeOffset until, CancellationToken ct)
    {
        try
        {
            await RunStepsAsync(until, ct).ConfigureAwait(false);
            if (_direct)
            {
                return; // no reader, no journal
            }

            // Anything signed but not filed (after a failed step) is voided now, so every signed counter is accounted for.
            await TerminalForAsync(_card, ct).ConfigureAwait(false);
            RecoveryReport recovery = await _terminal!.RecoverAsync(ct).ConfigureAwait(false);
            foreach (VoidedRecord v in recovery.Voided)
            {
                _tally.Signed(_readerId, v.Counter);
            }
        }
        finally
        {
            await CloseTerminalAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The terminal with <paramref name="card"/> in the reader's field. The simulated reader keeps the card it read until it
    /// is lifted, and its transport cannot lift one, so another card (a replacement, the old card tried after it) means
    /// closing the reader and opening it again, as a holder swapping cards at a counter does; the same card keeps it open.
    /// Opening recovers the journal (<see cref="CheckoutTerminal.OpenAsync(MedCard.Host.Transport.IByteTransport, ILedgerStore, CheckoutOptions?, CancellationToken)"/>).
    /// </summary>
    private async Task<(CheckoutTerminal Terminal, SimulatedReaderTransport Reader)> TerminalForAsync(string card, CancellationToken ct)
    {
        if (_terminal is null || _cardInField != card)
        {
            await CloseTerminalAsync().ConfigureAwait(false);
            _reader = SimulatedReaderTransport.Open(_plan.ReaderFolder(_readerId));
            _holderMacKey = _reader.IssuerHolderMacKey();
            var options = new CheckoutOptions { CardWait = TimeSpan.FromSeconds(30), HolderMacKey = _holderMacKey, Ledger = _options };
            _terminal = await CheckoutTerminal.OpenAsync(_reader, _store, options, ct).ConfigureAwait(false);
            foreach (VoidedRecord v in _terminal.Recovery.Voided)
            {
                _tally.Signed(_readerId, v.Counter);
            }

            _cardInField = card;
        }

        return (_terminal, _reader!);
    }

    private async Task CloseTerminalAsync()
    {
        if (_terminal is not null)
        {
            await _terminal.DisposeAsync().ConfigureAwait(false);
            _terminal = null;
        }

        if (_reader is not null)
        {
            await _reader.DisposeAsync().ConfigureAwait(false);
            _reader = null;
        }

        if (_holderMacKey is not null)
        {
            CryptographicOperations.ZeroMemory(_holderMacKey);
            _holderMacKey = null;
        }

        _cardInField = null;
    }

    private async Task RunStepsAsync(DateTimeOffset until, CancellationToken ct)
    {
        var workload = Workload;
        int total = 0;
        foreach (var row in workload)
        {
            total += row.Weight;
        }

        // Every kind once first (in a random order, even past the window's end), so even a short run has each of them;
        // then drawn by weight until the window closes.
        var opening = new List<int>();
        for (int k = 0; k < workload.Length; k++)
        {
            opening.Insert(_random.Next(opening.Count + 1), k);
        }

        for (int step = 0; step < opening.Count || DateTimeOffset.UtcNow < until; step++)
        {
            int i = 0;
            if (step < opening.Count)
            {
                i = opening[step];
            }
            else
            {
                int pick = _random.Next(total);
                while (pick >= workload[i].Weight)
                {
                    pick -= workload[i].Weight;
                    i++;
                }
            }

            try
            {
                await workload[i].Step(ct).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                _tally.Error("reader " + _readerId + ": " + e.GetType().Name + ": " + e.Message);
                await CloseTerminalAsync().ConfigureAwait(false); // the next step opens it again, recovering the journal
            }
        }
    }

    private async Task<StepResult> CheckoutAsync(string card, byte[] uid, VisitType visit, bool family, CancellationToken ct)
    {
        long amount = _random.Next(1_00, 60_00);
        BillItem[] items = _random.Next(3) == 0
            ? [new BillItem("C", "consultation", ItemClass.Covered, amount), new BillItem("S", "dressing", ItemClass.FullySelfPaid, 5_00)]
            : [new BillItem("C", "consultation", ItemClass.Covered, amount)];
        string? relative = family ? LoadPlan.PayerOf(_readerId) : null;
        StepResult result = _direct
            ? await SettleDirectAsync(card, uid, items, visit, relative, ct).ConfigureAwait(false)
            : await SettleOnReaderAsync(card, uid, items, visit, relative, ct).ConfigureAwait(false);
        _tally.Checkout(_readerId, result);
        return result;
    }

    private async Task<StepResult> SettleOnReaderAsync(string card, byte[] uid, BillItem[] items, VisitType visit, string? relative, CancellationToken ct)
    {
        (CheckoutTerminal terminal, SimulatedReaderTransport reader) = await TerminalForAsync(card, ct).ConfigureAwait(false);
        reader.PlaceCard(uid, card, _residentId);
        reader.HolderTypes(_pin);
        CheckoutResult r = await terminal.CheckoutAsync(new Purchase(items, LoadPlan.Institution, visit)
        {
            CardNumber = card,
            PayFromRelativeResidentId = relative,
        }, ct).ConfigureAwait(false);
        return new StepResult(r.IsSettled, r.Counter, r.Reason, r.Outcome?.RelativeAccount ?? 0);
    }

    /// <summary>
    /// The ledger's half of a checkout without a reader (<c>--direct</c>): the PIN checked (the same routine and try counter),
    /// then the record the reader would have signed settled with the verification token. What remains is the ledger's own
    /// cost, so the database's scaling shows without the simulated readers' CPU.
    /// </summary>
    private async Task<StepResult> SettleDirectAsync(string card, byte[] uid, BillItem[] items, VisitType visit, string? relative, CancellationToken ct)
    {
        PinVerification check;
        using (PinDigits pin = LoadPin.Digits(_pin))
        {
            check = await _desk.VerifyPinAsync(card, pin, _readerId, ct).ConfigureAwait(false);
        }

        if (!check.IsCorrect)
        {
            return new StepResult(false, 0, check.Refusal!.Key, 0);
        }

        long total = 0;
        foreach (BillItem item in items)
        {
            total += item.Amount;
        }

        var record = new VerifiedTransaction(_readerId, ++_directCounter, uid, card, total, DateTimeOffset.UtcNow);
        SettlementOutcome o = await _settlement.SettleAsync(new SettlementRequest(record, items, LoadPlan.Institution, visit, null, relative)
        {
            VerifiedPin = check.Token,
        }, ct).ConfigureAwait(false);
        return new StepResult(o.Settled, record.Counter, o.Refusal?.Key ?? "ok", o.RelativeAccount);
    }

    private async Task PurchaseAsync(bool family, VisitType visit, CancellationToken ct)
    {
        StepResult result = await CheckoutAsync(_card, _uid, visit, family, ct).ConfigureAwait(false);
        if (result.Settled)
        {
            _settled.Add(result.Counter);
            _unprinted++;
        }

        if (_unprinted >= CardRules.UnprintedRecordLimit - 5 || result.Reason == ReasonCodes.Key(ReasonCode.UnprintedRecordLimit))
        {
            await _desk.PrintStatementAsync(_card, ct).ConfigureAwait(false);
            _unprinted = 0;
            _tally.Statement();
        }
    }

    private async Task RefundAsync(CancellationToken ct)
    {
        if (_settled.Count == 0)
        {
            return;
        }

        int i = _random.Next(_settled.Count);
        uint counter = _settled[i];
        _settled.RemoveAt(i);
        RefundResult refund = await _settlement.RefundAsync(_readerId, counter, ct).ConfigureAwait(false);
        if (!refund.Succeeded || refund.AlreadyRefunded)
        {
            throw new InvalidOperationException("refund of " + _readerId + "/" + counter + " not made: " + refund.Refusal);
        }

        _tally.Refund();
    }

    /// <summary>Reported lost by phone; a purchase tried on it (refused as lost unless it is an emergency); cancelled.</summary>
    private async Task LossReportedThenCancelledAsync(CancellationToken ct)
    {
        await ReportLossAsync(ct).ConfigureAwait(false);
        StepResult tried = await CheckoutAsync(_card, _uid, VisitType.Outpatient, family: false, ct).ConfigureAwait(false);
        if (tried.Settled)
        {
            throw new InvalidOperationException("an outpatient purchase settled on a card reported lost: " + tried);
        }

        Expect(await _desk.CancelLossReportAsync(_card, _residentId, ct).ConfigureAwait(false), "cancelling the loss report");
        _tally.LossCancelled();
    }

    /// <summary>Reported lost, replaced (new card number, UID and PIN), and the old card tried once more (refused).</summary>
    private async Task ReplacementAsync(CancellationToken ct)
    {
        await ReportLossAsync(ct).ConfigureAwait(false);
        _replacements++;
        string oldCard = _card;
        byte[] oldUid = _uid;
        string newCard = "LT" + _readerId.ToString("00000", CultureInfo.InvariantCulture) + "R" + _replacements.ToString(CultureInfo.InvariantCulture);
        byte[] newUid = [0x08, (byte)(_readerId >> 8), (byte)_readerId, (byte)_replacements];
        string newPin = _random.Next(0, 1_000_000).ToString("000000", CultureInfo.InvariantCulture);
        using (PinDigits pin = LoadPin.Digits(newPin))
        {
            Expect(await _desk.ReplaceCardAsync(new CardReplacement(oldCard, _residentId, newCard, newUid, pin, DateTimeOffset.UtcNow), ct).ConfigureAwait(false),
                "replacing " + oldCard);
        }

        _card = newCard;
        _uid = newUid;
        _pin = newPin;
        _tally.Replaced();
        StepResult old = await CheckoutAsync(oldCard, oldUid, VisitType.Emergency, family: false, ct).ConfigureAwait(false);
        if (old.Settled || old.Counter != 0)
        {
            throw new InvalidOperationException("the replaced card " + oldCard + " was signed for: " + old);
        }
    }

    /// <summary>
    /// A month-end credit run started from this host, as the scheme's back office would: a small file (the CSV a run reads)
    /// naming 2-5 enrolled persons, holders of any host and family payers, for one of <see cref="LoadPlan.CreditMonths"/>
    /// months. Other hosts run files naming the same month and persons at the same time, and settle on those persons
    /// meanwhile; a person already credited for the month is skipped, never credited twice.
    /// </summary>
    private async Task MonthEndCreditAsync(CancellationToken ct)
    {
        CreditMonth month = LoadPlan.CreditMonthAt(_random.Next(LoadPlan.CreditMonths));
        List<string> persons = _plan.Enrolled().OrderBy(_ => _random.Next()).Take(2 + _random.Next(4)).ToList();
        var csv = new StringBuilder(AccountCreditFile.Header).Append('\n');
        foreach (string person in persons)
        {
            long fen = LoadPlan.CreditAmount(person, month);
            csv.Append(person).Append(',').Append(fen / 100).Append('.').Append((fen % 100).ToString("00", CultureInfo.InvariantCulture)).Append('\n');
        }

        CreditRunResult run;
        try
        {
            using var text = new StringReader(csv.ToString());
            run = await new AccountCreditRun(_creditStore, _options).RunFileAsync(month, AccountCreditFile.Read(text), ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _tally.CreditFailed();
            throw;
        }

        if (!run.Succeeded)
        {
            _tally.CreditFailed();
            throw new InvalidOperationException("the credit run for " + month + " was refused: "
                + string.Join("; ", run.Errors.Select(e => "line " + e.Line + ": " + e.Reason)));
        }

        if (run.Credited + run.AlreadyCredited != persons.Count)
        {
            throw new InvalidOperationException("the credit run for " + month + " of " + persons.Count + " persons credited " + run.Credited
                + " and skipped " + run.AlreadyCredited);
        }

        _tally.Credit(run.Credited, run.AlreadyCredited, run.CreditedFen);
    }

    private async Task ReportLossAsync(CancellationToken ct)
    {
        Expect(await _desk.ReportLossAsync(new LossReport(_card, _name, _residentId, LossChannel.Phone, DateTimeOffset.UtcNow)
        {
            Employer = LoadPlan.Employer,
        }, ct).ConfigureAwait(false),
            "reporting " + _card + " lost");
        _tally.LossReported();
    }

    private static void Expect(DeskResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(what + " refused: " + result.Refusal);
        }
    }
}

/// <summary>One purchase's outcome, from the reader road or the direct one: settled or not, the counter signed (0: none),
/// the stable reason key, what the relative's account paid.</summary>
internal sealed record StepResult(bool Settled, uint Counter, string Reason, long RelativeAccount);
