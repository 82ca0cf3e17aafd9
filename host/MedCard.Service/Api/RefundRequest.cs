namespace MedCard.Service.Api;

/// <summary>A refund: the settlement to reverse, named by the reader id and counter of its signed record.</summary>
public sealed record RefundRequest(uint ReaderId, uint Counter);
