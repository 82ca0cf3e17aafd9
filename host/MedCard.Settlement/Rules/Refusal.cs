namespace MedCard.Settlement.Rules;

/// <summary>Why an operation was refused: a stable code, its key, a readable message and, for a wrong
/// PIN, how many tries remain.</summary>
public sealed record Refusal(ReasonCode Code, string Message, int? PinTriesLeft = null)
{
    public string Key => ReasonCodes.Key(Code);

    public static Refusal Of(ReasonCode code, string? detail = null) =>
        new(code, detail is null ? ReasonCodes.DefaultMessage(code) : ReasonCodes.DefaultMessage(code) + " (" + detail + ")");

    public static Refusal WrongPin(int triesLeft) =>
        new(triesLeft > 0 ? ReasonCode.PinWrong : ReasonCode.PinBlocked,
            triesLeft > 0
                ? ReasonCodes.DefaultMessage(ReasonCode.PinWrong) + " " + triesLeft + (triesLeft == 1 ? " try left." : " tries left.")
                : ReasonCodes.DefaultMessage(ReasonCode.PinWrong) + " " + ReasonCodes.DefaultMessage(ReasonCode.PinBlocked),
            triesLeft);
}
