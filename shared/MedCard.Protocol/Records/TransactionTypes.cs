namespace MedCard.Protocol
{
    /// <summary>Rules tying <see cref="TransactionType"/> to the sign of the amount.</summary>
    public static class TransactionTypes
    {
        /// <summary>True for a transaction type this protocol version defines.</summary>
        public static bool IsDefined(TransactionType type)
        {
            return type == TransactionType.Purchase || type == TransactionType.Refund
                || type == TransactionType.Reversal || type == TransactionType.Emergency;
        }

        /// <summary>Money flows out of the holder's accounts for Purchase/Emergency (amount &gt; 0), back for
        /// Refund/Reversal (amount &lt; 0); zero is never a transaction.</summary>
        public static bool IsAmountAllowed(TransactionType type, long amount)
        {
            switch (type)
            {
                case TransactionType.Purchase:
                case TransactionType.Emergency:
                    return amount > 0;
                case TransactionType.Refund:
                case TransactionType.Reversal:
                    return amount < 0;
                default:
                    return false;
            }
        }

        /// <summary>The type's name (enum ToString is unreliable on nanoFramework).</summary>
        public static string Name(TransactionType type)
        {
            switch (type)
            {
                case TransactionType.Purchase: return "Purchase";
                case TransactionType.Refund: return "Refund";
                case TransactionType.Reversal: return "Reversal";
                case TransactionType.Emergency: return "Emergency";
                default: return "Type" + ((byte)type).ToString();
            }
        }
    }
}
