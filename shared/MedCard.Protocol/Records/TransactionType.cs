namespace MedCard.Protocol
{
    /// <summary>Kind of a signed transaction. Wire values; never renumber, only add.</summary>
    public enum TransactionType : byte
    {
        /// <summary>Payment for care or medicine; amount &gt; 0.</summary>
        Purchase = 1,

        /// <summary>Money back for an earlier purchase; amount &lt; 0.</summary>
        Refund = 2,

        /// <summary>Cancels an earlier record (e.g. the sale failed after signing); amount &lt; 0.</summary>
        Reversal = 3,

        /// <summary>Emergency or rescue treatment (allowed at non-designated institutions); amount &gt; 0.</summary>
        Emergency = 4,
    }
}
