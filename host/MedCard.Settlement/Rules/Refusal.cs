namespace MedCard.Settlement.Rules;

/// <summary>Why an operation was refused: a stable code, its key, a readable message and, for a wrong
/// PIN, how many tries remain.</summary>
public sealed record Refusal(ReasonCode Code, string Message, int? PinTriesLeft = null)
{
    /// <summary>The stable string key of <see cref="Code"/>.</summary>
    public string Key => ReasonCodes.Key(Code);

    /// <summary>A refusal with the default message of <paramref name="code"/>, plus <paramref name="detail"/> when given.</summary>
    public static Refusal Of(ReasonCode code, string? detail = null) =>
        new(code, detail is null ? ReasonCodes.DefaultMessage(code) : ReasonCodes.DefaultMessage(code) + " (" + detail + ")");

    /// <summary>A wrong-PIN refusal with <paramref name="triesLeft"/>, or PinBlocked when none are left.</summary>
    public static Refusal WrongPin(int triesLeft) =>
        new(triesLeft > 0 ? ReasonCode.PinWrong : ReasonCode.PinBlocked,
            triesLeft > 0
                ? ReasonCodes.DefaultMessage(ReasonCode.PinWrong) + " " + triesLeft + (triesLeft == 1 ? " try left." : " tries left.")
                : ReasonCodes.DefaultMessage(ReasonCode.PinWrong) + " " + ReasonCodes.DefaultMessage(ReasonCode.PinBlocked),
            triesLeft);
}
