using MedCard.Protocol;
using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MedCard.Cli.Infrastructure;
using MedCard.Checkout;
using MedCard.Simulator.InProcess;
using MedCard.Settlement.Model;
using MedCard.Settlement.Rules;
using MedCard.Settlement.Services;
using MedCard.Settlement.Stores;

namespace MedCard.Cli.Demo;

/// <summary>
/// The demo: a realistic clinic day against a real ledger store, every purchase through the checkout library on
/// simulated readers (the firmware core behind the simulator's in-process transport: PIN entry, PIN block, signed records). Each
/// section checks that every rule did what it must; <see cref="DemoExpectationException"/> otherwise.
/// </summary>
internal sealed partial class ClinicDay
{
    internal const uint HospitalReader = 1;
    internal const uint PharmacyReader = 2;
    internal const uint ClinicReader = 3;
    internal const string Hospital = "H001";
    internal const string Pharmacy = "P001";
    internal const string RoadsideClinic = "C099";

    internal static readonly DemoPerson ZhangWei = new("Zhang Wei", Gender.Male, "Beijing Metro Works", "11010119850307451", "MC0001", "04A1B2C3", "123456", 12_000);
    internal static readonly DemoPerson LiNa = new("Li Na", Gender.Female, "Haidian No.2 Primary School", "11010119870512302", "MC0002", "04D4E5F6", "246810", 500_000);
    internal static readonly DemoPerson WangFang = new("Wang Fang", Gender.Female, "retired", "31010419620918004", "MC0003", "1A2B3C4D", "975310", 30_000);
    internal static readonly DemoPerson ChenJie = new("Chen Jie", Gender.Male, "Shenzhen Harbour Logistics", "44030519900101123", "MC0004", "5E6F7A8B", "112358", 300_000);

    private readonly ILedgerStore _store;
    private readonly string _storeSpec;
    private readonly ReaderDesk _readers;
    private readonly CardDesk _desk;
    private readonly SettlementService _settlement;
    private readonly string _outputDirectory;
    private readonly IDemoProgress _progress;
    private readonly Dictionary<string, string> _pins = new();
    private readonly Dictionary<string, string> _cards = new();

    public ClinicDay(ILedgerStore store, string storeSpec, string outputDirectory, IDemoProgress progress)
    {
        _store = store;
        _storeSpec = storeSpec;
        _readers = new ReaderDesk(store);
        _desk = new CardDesk(store);
        _settlement = new SettlementService(store);
        _outputDirectory = outputDirectory;
        _progress = progress;
        foreach (DemoPerson p in People)
        {
            _pins[p.Name] = p.Pin;
            _cards[p.Name] = p.Card;
        }
    }

    public static IReadOnlyList<DemoPerson> People { get; } = [ZhangWei, LiNa, WangFang, ChenJie];

    public DemoLog Log { get; } = new();

    /// <summary>Where the printed statement (PDF) went.</summary>
    public string? StatementPdf { get; private set; }

    public AuditReport? Audit { get; private set; }

    public List<Person> Balances { get; } = new();

    /// <summary>(title, number of progress steps, work) in the order of the day.</summary>
    private IEnumerable<(string Title, int Steps, Func<CancellationToken, Task> Run)> Sections()
    {
        yield return ("Morning set-up: policies, institutions, readers", 10, SetUpAsync);
        yield return ("Service desk: enrolment", 4, EnrolAsync);
        yield return ("Outpatient visits", 3, OutpatientAsync);
        yield return ("Pharmacy purchase", 1, PharmacyAsync);
        yield return ("Over the wire: the desktop reader simulator on a pseudo-terminal", 3, WireAsync);
        yield return ("Inpatient emergency at a non-designated clinic", 2, EmergencyAsync);
        yield return ("A wrong PIN and a block", 6, WrongPinAsync);
        yield return ("A lost card and its replacement", 8, LostCardAsync);
        yield return ("A relative pays", 3, RelativeAsync);
        yield return ("Record integrity: forged, resent, replayed and out-of-order records", 4, IntegrityAsync);
        yield return ("A card reaching 60 unprinted records", CardRules.UnprintedRecordLimit + 4, SixtyRecordsAsync);
        yield return ("A remote patient: cross-region direct settlement and the clearing between funds", 5, RemotePatientAsync);
        yield return ("End of day: a refund, balances and the ledger audit", 3, EndOfDayAsync);
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (await _desk.GetPersonAsync(ZhangWei.ResidentId, cancellationToken).ConfigureAwait(false) is not null)
        {
            throw CliException.BadInput("the store already holds the demo's people", "run the demo on a fresh store: omit --store or give a new path");
        }

        foreach ((string title, int steps, Func<CancellationToken, Task> run) in Sections())
        {
            _progress.Section(title, steps);
            Log.BeginSection(title);
            await run(cancellationToken).ConfigureAwait(false);
            _progress.Show(Log.EndSection());
        }
    }

    private async Task<CheckoutResult> SettleAsync(string what, DemoPerson person, string institution, VisitType visit, string expected,
        BillItem[] items, uint reader, CancellationToken ct, string? relative = null, ReaderFault fault = ReaderFault.None, string? card = null,
        bool log = true)
    {
        string number = card ?? _cards[person.Name];
        var purchase = new Purchase(items, institution, visit) { CardNumber = number, PayFromRelativeResidentId = relative };
        CheckoutResult report = await CheckoutRunner.SimulatedAsync(_store, _storeSpec, reader, null, number, _pins[person.Name], purchase, fault, null, null, ct)
            .ConfigureAwait(false);
        if (log)
        {
            Log.Settlement(what, report, purchase, expected);
        }

        string actual = DemoLog.Actual(report);
        if (actual != expected)
        {
            throw new DemoExpectationException(what, expected, actual + (report.Status == CheckoutStatus.Refused ? " (" + report.Message + ")" : string.Empty));
        }

        _progress.Step();
        return report;
    }

    private void DeskOk(string what, string card, DeskResult result, string note)
    {
        if (!result.Succeeded)
        {
            throw new DemoExpectationException(what, "ok", result.Refusal!.Key + " (" + result.Refusal.Message + ")");
        }

        Log.Desk(what, card, note);
        _progress.Step();
    }

    private static BillItem Covered(string code, string description, string yuan) =>
        new(code, description, ItemClass.Covered, Money.ParseYuan(yuan, code));

    private static BillItem Partly(string code, string description, string yuan, int selfPaidBasisPoints) =>
        new(code, description, ItemClass.PartlySelfPaid, Money.ParseYuan(yuan, code), selfPaidBasisPoints);

    private static BillItem SelfPaid(string code, string description, string yuan) =>
        new(code, description, ItemClass.FullySelfPaid, Money.ParseYuan(yuan, code));
}
