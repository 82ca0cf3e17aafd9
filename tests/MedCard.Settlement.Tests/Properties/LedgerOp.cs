using FsCheck;
using FsCheck.Fluent;

namespace MedCard.Settlement.Tests.Properties;

public enum OpKind
{
    Settle,
    Burst,
    Refund,
    ReportLoss,
    CancelLoss,
    Replace,
    Bind,
    Unbind,
    Print,
    ResetPin,
    ChangePin,
    Claim,
    Credit,
    SettleOnOldCard,
    Enrol,

    /// <summary>The connected-reader order: PIN checked first (CardDesk.VerifyPinAsync), then, if right, the
    /// signed record settled with the verification token (no second try).</summary>
    SettleAfterPinCheck,
}

/// <summary>One random step of a ledger history. The fields are interpreted per kind (see
/// <see cref="LedgerModelRunner"/>); Person and Other are taken modulo the people enrolled so far.
/// Keeping them plain ints makes counterexamples readable.</summary>
public sealed record LedgerOp(OpKind Kind, int Person, int Other, int Amount, int Variant)
{
    /// <summary>People enrolled before the history starts; Enrol steps add more (up to <see cref="MaxPeople"/>).</summary>
    public const int People = 3;

    public const int MaxPeople = 8;

    public static Gen<LedgerOp> Generator =>
        from kind in Gen.Frequency(
            (30, Gen.Constant(OpKind.Settle)),
            (7, Gen.Constant(OpKind.Burst)),
            (6, Gen.Constant(OpKind.Refund)),
            (3, Gen.Constant(OpKind.ReportLoss)),
            (2, Gen.Constant(OpKind.CancelLoss)),
            (2, Gen.Constant(OpKind.Replace)),
            (4, Gen.Constant(OpKind.Bind)),
            (2, Gen.Constant(OpKind.Unbind)),
            (3, Gen.Constant(OpKind.Print)),
            (2, Gen.Constant(OpKind.ResetPin)),
            (3, Gen.Constant(OpKind.ChangePin)),
            (3, Gen.Constant(OpKind.Claim)),
            (3, Gen.Constant(OpKind.Credit)),
            (2, Gen.Constant(OpKind.SettleOnOldCard)),
            (3, Gen.Constant(OpKind.Enrol)),
            (10, Gen.Constant(OpKind.SettleAfterPinCheck)))
        from person in Gen.Choose(0, MaxPeople - 1)
        from other in Gen.Choose(0, MaxPeople - 1)
        from amount in Gen.Frequency((6, Gen.Choose(1, 500_00)), (2, Gen.Choose(500_00, 5_000_00)), (1, Gen.Choose(1, 99)))
        from variant in Gen.Choose(0, 1_000_000)
        select new LedgerOp(kind, person, other, amount, variant);

    /// <summary>Steps of one history: long enough for bursts to reach the 60-record limit, replacements and claims on
    /// them and PINs blocked and reset, short enough that a failing history is readable and a run is many histories.</summary>
    public const int HistoryLength = 200;

    /// <summary>Histories of exactly <see cref="HistoryLength"/> steps, so a run's step count is histories x length.</summary>
    public static Arbitrary<LedgerOp[]> Histories => Arb.From(Generator.ArrayOf(HistoryLength));
}
