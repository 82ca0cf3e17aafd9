using System;

namespace MedCard.Checkout;

/// <summary>A checkout that cannot run at all (not a refusal of one purchase): for example a reader the ledger holds no
/// key for. <see cref="Reason"/> is a stable code from <see cref="CheckoutReasons"/>.</summary>
public sealed class CheckoutException : Exception
{
    /// <summary>A failure with its stable reason code and a one-line message (no secrets).</summary>
    public CheckoutException(string reason, string message)
        : base(message)
    {
        Reason = reason;
    }

    /// <summary>The stable reason code.</summary>
    public string Reason { get; }
}
