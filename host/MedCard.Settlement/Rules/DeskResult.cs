namespace MedCard.Settlement.Rules;

/// <summary>Outcome of a service-desk operation: success, or a refusal with a stable reason code.</summary>
public sealed record DeskResult(Refusal? Refusal)
{
    public static readonly DeskResult Ok = new((Refusal?)null);

    public bool Succeeded => Refusal is null;

    public static DeskResult Refused(ReasonCode code, string? detail = null) => new(Rules.Refusal.Of(code, detail));

    public override string ToString() => Succeeded ? "ok" : Refusal!.Key + ": " + Refusal.Message;
}
