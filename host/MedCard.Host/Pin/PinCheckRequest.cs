namespace MedCard.Host.Pin
{
    /// <summary>Whose PIN is being checked, and on which reader.</summary>
    public sealed record PinCheckRequest(uint ReaderId, string CardNumber);
}
