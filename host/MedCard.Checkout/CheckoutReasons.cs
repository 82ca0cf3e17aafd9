namespace MedCard.Checkout;

/// <summary>
/// Stable reason codes of refusals the checkout itself gives (the ledger's own codes, such as <c>pin.wrong</c> or
/// <c>institution.unknown</c>, come from <see cref="MedCard.Settlement.Rules.ReasonCodes"/>). Never renamed; only added.
/// </summary>
public static class CheckoutReasons
{
    /// <summary>No card was presented within <see cref="CheckoutOptions.CardWait"/>.</summary>
    public const string NoCard = "reader.no_card";

    /// <summary>The card on the reader is not the one the purchase names.</summary>
    public const string UnexpectedCard = "reader.unexpected_card";

    /// <summary>The card's holder data could not be read or checked by the reader.</summary>
    public const string UnreadableCard = "reader.unreadable_card";

    /// <summary>The reader holds no key known to this ledger (provision it first).</summary>
    public const string ReaderNotProvisioned = "reader.not_provisioned";

    /// <summary>Prefix of PIN entries that did not complete: <c>reader.pin_cancelled</c>, <c>reader.pin_timedout</c>, ...</summary>
    public const string PinEntryPrefix = "reader.pin_";

    /// <summary>Prefix of the reader's own refusals to sign: <c>reader.authorize_hotlisted</c>, <c>reader.authorize_journalfull</c>, ...</summary>
    public const string AuthorizePrefix = "reader.authorize_";

    /// <summary>The amount or transaction type does not fit a signed record.</summary>
    public const string AmountNotSignable = "bill.not_signable";
}
