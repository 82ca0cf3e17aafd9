namespace MedCard.Checkout;

/// <summary>How a checkout ended.</summary>
public enum CheckoutStatus
{
    /// <summary>The record was signed, verified and settled: the money moved.</summary>
    Settled = 0,

    /// <summary>Refused; <see cref="CheckoutResult.Reason"/> says why. Whatever the reader signed for it is filed (refused or voided), never lost.</summary>
    Refused = 1,

    /// <summary>The reader signed a request the ledger had already settled (a second signing): nothing was charged again.</summary>
    AlreadyCounted = 2,
}
