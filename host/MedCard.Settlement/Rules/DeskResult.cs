namespace MedCard.Settlement.Rules;

/// <summary>Outcome of a service-desk operation: success, or a refusal with a stable reason code.</summary>
public sealed record DeskResult(Refusal? Refusal)
{
    /// <summary>Success.</summary>
    public static readonly DeskResult Ok = new((Refusal?)null);

    /// <summary>True when the operation succeeded.</summary>
    public bool Succeeded => Refusal is null;

    /// <summary>A refusal with <paramref name="code"/> and an optional detail for the message.</summary>
    public static DeskResult Refused(ReasonCode code, string? detail = null) => new(Rules.Refusal.Of(code, detail));

    /// <summary>"ok", or the refusal's key and message.</summary>
    public override string ToString() => Succeeded ? "ok" : Refusal!.Key + ": " + Refusal.Message;
}
