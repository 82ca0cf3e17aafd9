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
    public static Refusal WrongPin(int triesLeft) => WrongSecret(ReasonCode.PinWrong, ReasonCode.PinBlocked, triesLeft);

    /// <summary>The one wording of a wrong secret with tries (a PIN, a lookup password): <paramref name="wrong"/> with the
    /// tries left, or <paramref name="blocked"/> when none are left.</summary>
    internal static Refusal WrongSecret(ReasonCode wrong, ReasonCode blocked, int triesLeft) =>
        new(triesLeft > 0 ? wrong : blocked,
            triesLeft > 0
                ? ReasonCodes.DefaultMessage(wrong) + " " + triesLeft + (triesLeft == 1 ? " try left." : " tries left.")
                : ReasonCodes.DefaultMessage(wrong) + " " + ReasonCodes.DefaultMessage(blocked),
            triesLeft);
}
