using MedCard.Settlement.Rules;

namespace MedCard.Cli.Infrastructure;

/// <summary>The rules refused the operation (exit 3). Carries the settlement library's stable reason code
/// when there is one; CLI-only refusals (an unprovisioned reader) use their own key.</summary>
internal sealed class RefusedException : CliException
{
    public RefusedException(string what, Refusal refusal, string? hint = null)
        : base(ExitCodes.Refused, "refused", what + ": " + refusal.Message, hint ?? HintFor(refusal.Code))
    {
        Code = (int)refusal.Code;
        Key = refusal.Key;
        Details["code"] = Code;
        Details["key"] = Key;
        Details["reason"] = refusal.Message;
        if (refusal.PinTriesLeft is int tries)
        {
            Details["pinTriesLeft"] = tries;
        }
    }

    public RefusedException(string what, string key, string reason, string? hint)
        : base(ExitCodes.Refused, "refused", what + ": " + reason, hint)
    {
        Code = 0;
        Key = key;
        Details["code"] = null;
        Details["key"] = key;
        Details["reason"] = reason;
    }

    public int Code { get; }

    public string Key { get; }

    private static string? HintFor(ReasonCode code) => code switch
    {
        ReasonCode.PinWrong => "try again with the right PIN; after 3 wrong PINs the card is blocked",
        ReasonCode.PinBlocked => "reset it: medcard pin reset --card <number> --id <resident id> --new-pin <digits>",
        ReasonCode.UnprintedRecordLimit => "print them: medcard records print --card <number>",
        ReasonCode.CardReportedLost => "if the card was found: medcard card cancel-loss; otherwise medcard card replace",
        ReasonCode.CardReplaced => "use the replacement card (medcard card show --card <old number> names it)",
        ReasonCode.UnknownCard => "enrol it first: medcard card enroll ...",
        ReasonCode.UnknownInstitution => "register it: medcard institution add --id <id> --name <name>",
        ReasonCode.NoPolicy => "set one: medcard policy set --visit <type> ...",
        ReasonCode.RelativeNotBound => "bind first: medcard family bind --payer <relative id> --beneficiary <holder id> --relation <relation>",
        ReasonCode.IdentityMismatch => "check the name, resident ID number and card number against the ID card",
        ReasonCode.ClaimReferenceReused => "a receipt reference names one bill: check the reference, card, time, institution and amount",
        ReasonCode.UnknownSettlement => "list settlements of the card with: medcard records list --card <number>",
        _ => null,
    };
}
