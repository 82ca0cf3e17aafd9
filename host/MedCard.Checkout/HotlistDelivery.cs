namespace MedCard.Checkout;

/// <summary>How one reader took a <see cref="HotlistBroadcast"/>.</summary>
/// <param name="ReaderId">The reader's id.</param>
/// <param name="Report">What was pushed and how the reader answered; null when the push failed.</param>
/// <param name="Error">Why the push failed (the link broke, the reader timed out or was busy); null when it was answered.</param>
public sealed record HotlistDelivery(uint ReaderId, HotlistPushReport? Report, string? Error)
{
    /// <summary>True when the reader now enforces the pushed version (or a newer one).</summary>
    public bool InForce => Report is { InForce: true };
}
