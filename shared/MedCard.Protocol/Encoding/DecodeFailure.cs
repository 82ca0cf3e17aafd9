namespace MedCard.Protocol
{
    /// <summary>Turns a failed <see cref="DecodeStatus"/> into the FormatException thrown by the Decode methods.</summary>
    public static class DecodeFailure
    {
        /// <summary>Throws <see cref="System.FormatException"/> naming <paramref name="type"/> and the failure unless <paramref name="status"/> is Ok.</summary>
        public static void ThrowIfFailed(DecodeStatus status, MessageType type)
        {
            if (status != DecodeStatus.Ok)
            {
                throw new System.FormatException(MessageTypes.Name(type) + ": " + Describe(status));
            }
        }

        /// <summary>Stable text for a status (enum ToString is unreliable on nanoFramework).</summary>
        public static string Describe(DecodeStatus status)
        {
            switch (status)
            {
                case DecodeStatus.Ok: return "ok";
                case DecodeStatus.Truncated: return "payload truncated";
                case DecodeStatus.TrailingBytes: return "trailing bytes after the last field";
                case DecodeStatus.InvalidField: return "invalid field value";
                case DecodeStatus.UnknownType: return "unknown message type";
                case DecodeStatus.UnexpectedFlags: return "flags do not fit the message";
                default: return "decode status " + ((byte)status).ToString();
            }
        }
    }
}
